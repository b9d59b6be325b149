import GongkaiCore

/// The messages of `gongkai import`: reading the source, finding its outline, writing and proving the report folder.
public enum ImportText: String, MessageCatalogue {
    // Reading the bytes.
    case fileEmpty
    case fileOnlyWhiteSpace
    case badUTF8AfterBOM
    case binaryNULByte
    case neitherUTF8NorGB18030
    case noGB18030InIconv
    case binaryControlCharacter
    case binaryNULCharacterUTF16
    case unpairedSurrogate
    case oddUTF16Length
    // Word, web pages, PDF.
    case docxNotZIP
    case docxNoDocumentXML
    case docxNotWellFormed
    case docxNoBody
    case docxNoText
    case htmlUnreadable
    case htmlNoArticle
    case binaryWordFile
    case libreOfficeFailed
    case pdfNeedsPdftotext
    case pdftotextFailed
    case pdftotextCannotRun
    case pdfScanned
    // The outline.
    case invisibleBeforeHeading
    case noHeadings
    case headingNumberSkips
    // Metadata.
    case titleOptionIgnored
    case publisherFromSite
    case linesLeftOut
    case noTitle
    case noDateLine
    case figuresLeftOut
    case noIndicatorDraft
    case figuresAligned
    case keptTitleDiffers
    case keptDocumentNumberDiffers
    // Writing and proving.
    case noYear
    case folderExists
    case existsNotFolder
    case cannotCreateFolder
    case cannotWrite
    case buildWouldRefuse
    case cannotMoveIntoPlace
    case fileNameNotID
    case optionNotID
    case cannotReadBackReportYAML
    case cannotReadBackPage
    case frontMatterInvalid
    case pageRendersAsTag
    case losesText
    case addsText
    case differsFromSource
    case imageNotShown

    public static let catalogueName = "import"

    public var texts: MessageTexts {
        switch self {
        case .fileEmpty: MessageTexts("the file is empty", "文件是空的")
        case .fileOnlyWhiteSpace: MessageTexts("the file is empty (it holds only white space)", "文件是空的（只有空白）")
        case .badUTF8AfterBOM:
            MessageTexts("undecodable bytes at byte offset {offset} ({bytes}): the file starts with a UTF-8 byte-order mark but is not valid UTF-8",
                         "第 {offset} 字节处无法解码（{bytes}）：文件以 UTF-8 字节顺序标记开头，但不是有效的 UTF-8")
        case .binaryNULByte:
            MessageTexts("this is a binary file, not text: NUL byte at byte offset {offset}", "这是二进制文件，不是文本：第 {offset} 字节是 NUL")
        case .neitherUTF8NorGB18030:
            MessageTexts("undecodable bytes at byte offset {offset} ({bytes}): the file is neither UTF-8 nor GB18030/GBK",
                         "第 {offset} 字节处无法解码（{bytes}）：文件既不是 UTF-8，也不是 GB18030/GBK")
        case .noGB18030InIconv:
            MessageTexts("undecodable bytes at byte offset {offset} ({bytes}): not UTF-8, and this system's iconv has no GB18030",
                         "第 {offset} 字节处无法解码（{bytes}）：不是 UTF-8，而本机的 iconv 不支持 GB18030")
        case .binaryControlCharacter:
            MessageTexts("this is a binary file, not text: control character U+{code} in line {line}",
                         "这是二进制文件，不是文本：第 {line} 行有控制字符 U+{code}")
        case .binaryNULCharacterUTF16:
            MessageTexts("this is a binary file, not text: NUL character at byte offset {offset}", "这是二进制文件，不是文本：第 {offset} 字节是 NUL 字符")
        case .unpairedSurrogate:
            MessageTexts("undecodable bytes at byte offset {offset}: unpaired UTF-16 surrogate", "第 {offset} 字节处无法解码：UTF-16 代理项不成对")
        case .oddUTF16Length:
            MessageTexts("undecodable bytes at byte offset {offset}: UTF-16 text with an odd number of bytes", "第 {offset} 字节处无法解码：UTF-16 文本的字节数是奇数")
        case .docxNotZIP:
            MessageTexts("this Word file cannot be opened: it is not a complete ZIP container ({error}); save it again from Word or WPS as .docx",
                         "无法打开这个 Word 文件：它不是完整的 ZIP 包（{error}）；请在 Word 或 WPS 中重新另存为 .docx")
        case .docxNoDocumentXML:
            MessageTexts("this ZIP file has no word/document.xml: it is not a Word document (.docx)", "这个 ZIP 文件里没有 word/document.xml：它不是 Word 文档（.docx）")
        case .docxNotWellFormed:
            MessageTexts("word/document.xml of this Word file is not well-formed XML; save it again from Word or WPS",
                         "这个 Word 文件的 word/document.xml 不是格式正确的 XML；请在 Word 或 WPS 中重新保存")
        case .docxNoBody: MessageTexts("word/document.xml has no body", "word/document.xml 没有正文（body）")
        case .docxNoText: MessageTexts("this Word file has no text", "这个 Word 文件没有文字")
        case .htmlUnreadable: MessageTexts("this web page cannot be read as HTML", "无法把这个网页读作 HTML")
        case .htmlNoArticle: MessageTexts("no article text found on this web page", "这个网页上没有找到正文")
        case .binaryWordFile:
            MessageTexts("this is a binary Word/WPS file (.doc or .wps), which gongkai cannot read. Save it as .docx in Word or WPS "
                            + "(文件 → 另存为 → Word 文档 .docx), or convert it with LibreOffice: soffice --headless --convert-to docx \"{path}\", "
                            + "then import the .docx",
                         "这是旧版 Word/WPS 二进制文件（.doc 或 .wps），gongkai 读不了。请在 Word 或 WPS 中另存为 .docx"
                            + "（文件 → 另存为 → Word 文档 .docx），或用 LibreOffice 转换：soffice --headless --convert-to docx \"{path}\"，"
                            + "然后导入 .docx")
        case .libreOfficeFailed:
            MessageTexts("LibreOffice ({soffice}) could not convert this file: {help}", "LibreOffice（{soffice}）无法转换这个文件：{help}")
        case .pdfNeedsPdftotext:
            MessageTexts("reading a PDF needs pdftotext (Debian: apt-get install poppler-utils); or import the Word file",
                         "读取 PDF 需要 pdftotext（Debian：apt-get install poppler-utils）；或者导入 Word 文件")
        case .pdftotextFailed:
            MessageTexts("pdftotext could not read this PDF (exit {status}): it may be damaged or encrypted",
                         "pdftotext 读不了这个 PDF（退出码 {status}）：文件可能已损坏或加密")
        case .pdftotextCannotRun: MessageTexts("cannot run pdftotext: {error}", "无法运行 pdftotext：{error}")
        case .pdfScanned:
            MessageTexts("this PDF has no text, only pictures of pages (a scan): gongkai cannot read it. Import the Word "
                            + "file the PDF was made from, or run text recognition (OCR) first",
                         "这个 PDF 没有文字，只有页面图片（扫描件）：gongkai 读不了。请导入生成这个 PDF 的 Word 文件，或先做文字识别（OCR）")
        case .invisibleBeforeHeading:
            MessageTexts("invisible character {codes} before the heading number `{numbering}`; the line is taken as a heading, but delete the character in the source and the page",
                         "标题序号 `{numbering}` 前有不可见字符 {codes}；这一行仍按标题处理，但请在原文和页面中删掉这个字符")
        case .noHeadings:
            MessageTexts("no headings recognised (一、 (一) 1. (1)); the whole text is imported as one page",
                         "没有识别出标题（一、 (一) 1. (1)）；全文导入为一个页面")
        case .headingNumberSkips:
            MessageTexts("heading {numbering} follows number {previous} of the same level", "标题 {numbering} 接在同级序号 {previous} 之后，序号不连续")
        case .titleOptionIgnored: MessageTexts("the text has a title line; --title is ignored", "正文已有标题行；忽略 --title")
        case .publisherFromSite:
            MessageTexts("发布机构 (publisher) set to “{publisher}”, as in the site's other {series} of {place}; "
                            + "correct report.yaml or pass --publisher if this report is another body's",
                         "发布机构（publisher）按本站{place}的其他{series}设为“{publisher}”；如果这份报告是其他单位的，请修改 report.yaml 或使用 --publisher")
        case .linesLeftOut:
            MessageTexts("{count} line(s) left out of the report text as page chrome, a repeated title, the metadata table or page numbers; "
                            + "--dry-run lists them (dropped)",
                         "有 {count} 行作为页面框架、重复标题、元数据表或页码未计入报告正文；--dry-run 会列出它们（dropped）")
        case .noTitle:
            MessageTexts("no title line and no title could be derived; report.yaml gets title: TODO (or pass --title)",
                         "没有标题行，也推断不出标题；report.yaml 写入 title: TODO（或使用 --title）")
        case .noDateLine:
            MessageTexts("no date line (2025年2月28日) at the end; written: TODO", "结尾没有日期行（2025年2月28日）；写入 written: TODO")
        case .figuresLeftOut:
            MessageTexts("{count} drafted figure(s) left out of indicators.yaml because build would refuse them: {examples}{more}",
                         "有 {count} 个草拟的数据因构建会拒绝而未写入 indicators.yaml：{examples}{more}")
        case .noIndicatorDraft:
            MessageTexts("no indicators.yaml draft: the extracted figures do not load back ({problem})",
                         "没有生成 indicators.yaml 草稿：提取的数据无法读回（{problem}）")
        case .figuresAligned:
            MessageTexts("figures: {drafted} drafted; {same} take the ids of the same figures in {years}; {close} close matches to check; {new} new",
                         "数据：草拟 {drafted} 个；{same} 个沿用 {years} 中相同数据的 id；{close} 个相近的需要核对；{new} 个新数据")
        case .keptTitleDiffers:
            MessageTexts("report.yaml's title “{kept}” is not the text's title line; the text's “{title}” is written",
                         "report.yaml 的 title“{kept}”与正文标题行不同；已写入正文的“{title}”")
        case .keptDocumentNumberDiffers:
            MessageTexts("report.yaml's document_number “{kept}” is not the text's 文号 line; the text's is written",
                         "report.yaml 的 document_number“{kept}”与正文的文号行不同；已写入正文的文号")
        case .noYear:
            MessageTexts("the report's year is not in its title, its file name or its text; nothing was written (pass --year, e.g. --year 2024)",
                         "标题、文件名和正文中都找不到报告年度；未写入任何文件（请使用 --year，例如 --year 2024）")
        case .folderExists:
            MessageTexts("{path} already exists; nothing was written (use --force to replace it: hand-filled report.yaml values and non-Markdown files such as indicators.yaml are kept)",
                         "{path} 已存在；未写入任何文件（用 --force 替换它：report.yaml 中手工填写的值和 indicators.yaml 等非 Markdown 文件会保留）")
        case .existsNotFolder: MessageTexts("{path} exists and is not a folder", "{path} 已存在，但不是文件夹")
        case .cannotCreateFolder: MessageTexts("cannot create {path}: {error}", "无法创建 {path}：{error}")
        case .cannotWrite: MessageTexts("cannot write the report: {error}", "无法写入报告：{error}")
        case .buildWouldRefuse:
            MessageTexts("build would refuse the imported report (above); nothing was written", "构建会拒绝导入的报告（见上）；未写入任何文件")
        case .cannotMoveIntoPlace: MessageTexts("cannot move the imported report into place: {error}", "无法把导入的报告移到目标位置：{error}")
        case .fileNameNotID:
            MessageTexts("the file name “{id}” cannot be the report id: a report id is the folder name and the web address of the report, and may hold "
                            + "only ASCII letters, digits, - _ and . (not starting with .); pass one with --id, e.g. --id xiangcheng-2024",
                         "文件名“{id}”不能作为报告 id：报告 id 是报告的文件夹名和网址，只能含英文字母、数字和 - _ .（不能以 . 开头）；"
                            + "请用 --id 指定，例如 --id xiangcheng-2024")
        case .optionNotID:
            MessageTexts("“{id}” cannot be a report id: a report id is the folder name and the web address of the report, and may hold "
                            + "only ASCII letters, digits, - _ and . (not starting with .); pass one with --id, e.g. --id xiangcheng-2024",
                         "“{id}”不能作为报告 id：报告 id 是报告的文件夹名和网址，只能含英文字母、数字和 - _ .（不能以 . 开头）；"
                            + "请用 --id 指定，例如 --id xiangcheng-2024")
        case .cannotReadBackReportYAML: MessageTexts("cannot read back report.yaml: {error}", "无法读回 report.yaml：{error}")
        case .cannotReadBackPage: MessageTexts("cannot read back {page}", "无法读回 {page}")
        case .frontMatterInvalid: MessageTexts("front matter of {page} is not valid YAML: {error}", "{page} 的前置元数据不是有效的 YAML：{error}")
        case .pageRendersAsTag:
            MessageTexts("{page} renders as <{tag}>: Markdown read structure into the text", "{page} 渲染出了 <{tag}>：Markdown 把正文误读成了结构")
        case .losesText:
            MessageTexts("the imported files lose the source text from here on: “{source}”", "导入的文件从这里起丢失了原文：“{source}”")
        case .addsText:
            MessageTexts("the imported files add text the source does not have: “{imported}”", "导入的文件多出了原文没有的文字：“{imported}”")
        case .differsFromSource:
            MessageTexts("the imported files differ from the source here: source “{source}”, imported “{imported}”",
                         "导入的文件在这里与原文不同：原文“{source}”，导入后“{imported}”")
        case .imageNotShown:
            MessageTexts("the image {name} of the document is not shown on any imported page", "文档中的图片 {name} 没有出现在任何导入的页面上")
        }
    }
}

