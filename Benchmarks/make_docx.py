#!/usr/bin/env python3
"""Writes a Word file of about PAGES A4 pages (650 characters a page, as a 公文 page of 22 lines x 28 characters holds)
from the real 2024 report: its paragraphs repeated, each 一、 section numbered automatically (style 标题 1 with
numbering.xml), a bold run and a table in every copy. Usage: make_docx.py SOURCE.txt PAGES OUT.docx"""
import sys, zipfile
from xml.sax.saxutils import escape

source, pages, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
lines = [l.strip() for l in open(source, encoding="utf-8") if l.strip()]
body_lines = lines[1:-2]  # the opening paragraph, then sections; the closing goes once at the end
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

def p(text, style=None, num=False, bold_prefix=0):
    ppr = ""
    if style or num:
        ppr = "<w:pPr>" + (f'<w:pStyle w:val="{style}"/>' if style else "") + \
              ('<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>' if num else "") + "</w:pPr>"
    runs = ""
    if bold_prefix:
        runs += f'<w:r><w:rPr><w:b/></w:rPr><w:t>{escape(text[:bold_prefix])}</w:t></w:r>'
        text = text[bold_prefix:]
    runs += f'<w:r><w:rPr><w:rFonts w:eastAsia="仿宋_GB2312"/></w:rPr><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'
    return f"<w:p>{ppr}{runs}</w:p>"

def table(rows):
    return "<w:tbl>" + "".join("<w:tr>" + "".join(f"<w:tc>{p(c)}</w:tc>" for c in r) + "</w:tr>" for r in rows) + "</w:tbl>"

parts, chars, copy = [p("项城市2024年法治政府建设年度报告"), p(lines[0])], len(lines[0]), 0
while chars < pages * 650:
    copy += 1
    for line in body_lines:
        for marker in ("一、", "二、", "三、", "四、"):
            if line.startswith(marker):
                parts.append(p(line[len(marker):], style="1", num=True))
                break
        else:
            parts.append(p(line, bold_prefix=2 if line.startswith("一是") else 0))
        chars += len(line)
    parts.append(table([["指标", "2023年", "2024年"], ["行政复议案件(件)", str(100 + copy), str(109 + copy)], ["培训人次", "4800", "5000"]]))
parts += [p("特此报告。"), p("2025年2月28日")]
document = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W}"><w:body>{"".join(parts)}</w:body></w:document>'
numbering = f'<w:numbering xmlns:w="{W}"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/>' \
            f'<w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>'
styles = f'<w:styles xmlns:w="{W}"><w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style></w:styles>'
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
    z.writestr("word/document.xml", document)
    z.writestr("word/numbering.xml", numbering)
    z.writestr("word/styles.xml", styles)
print(f"{out}: {chars} characters of text (~{chars // 650} pages), {copy} copies of the report, {4 * copy} 一、 sections")
