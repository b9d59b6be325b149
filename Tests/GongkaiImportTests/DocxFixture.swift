import Foundation
import ZIPFoundation

/// Word files made by the tests: WordprocessingML parts written as XML strings and zipped with ZIPFoundation, as Word
/// and WPS lay them out (`word/document.xml`, `numbering.xml`, `styles.xml`, `footnotes.xml`, relationships, media).
enum DocxFixture {
    static let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    /// A paragraph: runs of (text, bold), with an optional style, numbering (numId, ilvl) and outline level.
    static func p(_ runs: [(String, Bool)], style: String? = nil, numbering: (Int, Int)? = nil, outlineLevel: Int? = nil) -> String {
        var pPr = ""
        if let style { pPr += "<w:pStyle w:val=\"\(style)\"/>" }
        if let (num, ilvl) = numbering { pPr += "<w:numPr><w:ilvl w:val=\"\(ilvl)\"/><w:numId w:val=\"\(num)\"/></w:numPr>" }
        if let outlineLevel { pPr += "<w:outlineLvl w:val=\"\(outlineLevel)\"/>" }
        let body = runs.map { text, bold in
            "<w:r>\(bold ? "<w:rPr><w:b/><w:rFonts w:eastAsia=\"黑体\"/></w:rPr>" : "<w:rPr><w:rFonts w:eastAsia=\"仿宋_GB2312\"/></w:rPr>")<w:t xml:space=\"preserve\">\(escape(text))</w:t></w:r>"
        }.joined()
        return "<w:p>\(pPr.isEmpty ? "" : "<w:pPr>\(pPr)</w:pPr>")\(body)</w:p>"
    }

    /// A plain paragraph.
    static func p(_ text: String, style: String? = nil, numbering: (Int, Int)? = nil, outlineLevel: Int? = nil) -> String {
        p([(text, false)], style: style, numbering: numbering, outlineLevel: outlineLevel)
    }

    /// A table of plain cells.
    static func table(_ rows: [[String]]) -> String {
        "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/></w:tblPr>" + rows.map { row in
            "<w:tr>" + row.map { "<w:tc><w:tcPr><w:tcW w:w=\"2000\" w:type=\"dxa\"/></w:tcPr>\(p($0))</w:tc>" }.joined() + "</w:tr>"
        }.joined() + "</w:tbl>"
    }

    /// A paragraph holding an inline picture with relationship `rid`.
    static func image(rid: String) -> String {
        """
        <w:p><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><wp:extent cx="100" cy="100"/><wp:docPr id="1" name="图片 1" descr="2025年行政复议案件柱状图"/>\
        <a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">\
        <pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:blipFill><a:blip r:embed="\(rid)"/></pic:blipFill></pic:pic>\
        </a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>
        """
    }

    /// Numbering as 公文 use it: level 0 `一、` (chineseCounting), level 1 `（一）`, level 2 `1.`; numId 1.
    static let numbering = """
        <w:numbering xmlns:w="\(w)"><w:abstractNum w:abstractNumId="0">\
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>\
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>\
        <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>\
        </w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>
        """

    /// Heading 1–3 styles (名称 `heading N`, outline levels 0–2) and a body style based on Normal.
    static let styles = """
        <w:styles xmlns:w="\(w)">\
        <w:style w:type="paragraph" w:styleId="a"><w:name w:val="Normal"/></w:style>\
        <w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>\
        <w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:basedOn w:val="a"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>\
        <w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/><w:basedOn w:val="a"/></w:style>\
        <w:style w:type="paragraph" w:styleId="BodyText"><w:name w:val="Body Text"/><w:basedOn w:val="a"/></w:style>\
        </w:styles>
        """

    /// The .docx bytes for `body` (the children of `w:body`), with footnotes `(id, text)` and media `(name, bytes)`.
    static func docx(body: String, footnotes: [(Int, String)] = [], media: [(String, [UInt8])] = [],
                     numbering: String? = DocxFixture.numbering, styles: String? = DocxFixture.styles) throws -> [UInt8] {
        var parts: [(String, String)] = []
        parts.append(("[Content_Types].xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>\
            <Default Extension="png" ContentType="image/png"/>\
            <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
            <Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>\
            <Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>\
            <Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>
            """))
        parts.append(("_rels/.rels", """
            <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>
            """))
        var rels = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        for (i, m) in media.enumerated() {
            rels += "<Relationship Id=\"rIdImg\(i + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"media/\(m.0)\"/>"
        }
        let kinds = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
        if styles != nil { rels += "<Relationship Id=\"rIdStyles\" Type=\"\(kinds)styles\" Target=\"styles.xml\"/>" }
        if numbering != nil { rels += "<Relationship Id=\"rIdNumbering\" Type=\"\(kinds)numbering\" Target=\"numbering.xml\"/>" }
        if !footnotes.isEmpty { rels += "<Relationship Id=\"rIdFootnotes\" Type=\"\(kinds)footnotes\" Target=\"footnotes.xml\"/>" }
        rels += "</Relationships>"
        parts.append(("word/_rels/document.xml.rels", rels))
        parts.append(("word/document.xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="\(w)" xmlns:r="\(r)"><w:body>\(body)\
            <w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>
            """))
        if let numbering { parts.append(("word/numbering.xml", numbering)) }
        if let styles { parts.append(("word/styles.xml", styles)) }
        if !footnotes.isEmpty {
            var xml = "<w:footnotes xmlns:w=\"\(w)\"><w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>"
            for (id, text) in footnotes { xml += "<w:footnote w:id=\"\(id)\">\(p(text))</w:footnote>" }
            parts.append(("word/footnotes.xml", xml + "</w:footnotes>"))
        }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("fixture-\(UUID().uuidString).docx")
        defer { try? FileManager.default.removeItem(at: url) }
        let archive = try Archive(url: url, accessMode: .create)
        func add(_ path: String, _ data: Data) throws {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<(Int(position) + size))
            }
        }
        for (path, xml) in parts { try add(path, Data(xml.utf8)) }
        for (name, bytes) in media { try add("word/media/\(name)", Data(bytes)) }
        return [UInt8](try Data(contentsOf: url))
    }

    /// A footnote reference run.
    static func footnoteReference(_ id: Int) -> String {
        "<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:footnoteReference w:id=\"\(id)\"/></w:r>"
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }

    /// The 2024 report as its office has it in Word: each paragraph of the text one Word paragraph (the line broken
    /// inside a sentence in source.txt is one paragraph), the 一、 headings in style 标题 1 numbered automatically (the
    /// `一、` is in numbering.xml, not in the text), everything else as typed.
    static func report2024(_ text: String, joinedLines: [Int]) throws -> [UInt8] {
        let lines = text.components(separatedBy: "\n")
        var paragraphs: [String] = []
        var k = 0
        while k < lines.count {
            var line = lines[k].trimmingCharacters(in: .whitespaces)
            while joinedLines.contains(k + 1), k + 1 < lines.count {
                k += 1
                line += lines[k].trimmingCharacters(in: .whitespaces)
            }
            k += 1
            if line.isEmpty { continue }
            if let marker = ["一、", "二、", "三、", "四、"].first(where: { line.hasPrefix($0) }) {
                paragraphs.append(p(String(line.dropFirst(marker.count)), style: "1", numbering: (1, 0)))
            } else {
                paragraphs.append(p(line, style: "BodyText"))
            }
        }
        return try docx(body: paragraphs.joined())
    }
}
