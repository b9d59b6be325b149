import Foundation
import Testing
import ZIPFoundation

/// `gongkai import` of the formats offices have, through the real binary, into a copy of the real site, then
/// `gongkai build` (issue #26).
@Suite struct FormatImportTests {
    static func site() throws -> URL {
        let root = try CLI.temporaryDirectory()
        for name in ["content", "theme"] {
            try FileManager.default.copyItem(at: CLI.repositoryRoot.appendingPathComponent(name), to: root.appendingPathComponent(name))
        }
        return root
    }

    /// A small Word file: a title, an opening, a 标题 1 heading numbered automatically, a paragraph and a picture.
    static func docx(at url: URL, png: [UInt8]) throws {
        let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
        func p(_ t: String, heading: Bool = false) -> String {
            "<w:p>\(heading ? "<w:pPr><w:pStyle w:val=\"1\"/><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr>" : "")<w:r><w:t>\(t)</w:t></w:r></w:p>"
        }
        let picture = """
            <w:p><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing">\
            <wp:docPr id="1" name="图片 1" descr="执法案件统计图"/><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">\
            <a:graphicData><a:blip xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:embed="rId9"/></a:graphicData>\
            </a:graphic></wp:inline></w:drawing></w:r></w:p>
            """
        let parts: [(String, [UInt8])] = [
            ("word/document.xml", Array("<w:document xmlns:w=\"\(w)\"><w:body>\(p("沈丘县2024年法治政府建设年度报告"))\(p("2024年,沈丘县扎实推进法治政府建设。"))\(p("工作成效", heading: true))\(p("全年办理行政复议案件87件。"))\(picture)\(p("2025年2月20日"))</w:body></w:document>".utf8)),
            ("word/numbering.xml", Array("<w:numbering xmlns:w=\"\(w)\"><w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\"><w:numFmt w:val=\"chineseCounting\"/><w:lvlText w:val=\"%1、\"/></w:lvl></w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num></w:numbering>".utf8)),
            ("word/styles.xml", Array("<w:styles xmlns:w=\"\(w)\"><w:style w:styleId=\"1\"><w:name w:val=\"heading 1\"/></w:style></w:styles>".utf8)),
            ("word/_rels/document.xml.rels", Array("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId9\" Target=\"media/image9.png\"/></Relationships>".utf8)),
            ("word/media/image9.png", png),
        ]
        let archive = try Archive(url: url, accessMode: .create)
        for (path, bytes) in parts {
            let data = Data(bytes)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<(Int(position) + size))
            }
        }
    }

    @Test func aWordReportWithAPictureBuildsIntoTheSite() throws {
        let root = try Self.site()
        defer { try? FileManager.default.removeItem(at: root) }
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 7, 7, 7]
        try Self.docx(at: root.appendingPathComponent("shenqiu-2024.docx"), png: png)

        let dry = try CLI.run(["import", "shenqiu-2024.docx", "--dry-run"], in: root)
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.contains("Word (.docx)") && dry.stdout.contains("\n1\t一、\t工作成效\t5\n") && dry.stdout.contains("image\timage9.png"))
        let imported = try CLI.run(["import", "shenqiu-2024.docx"], in: root)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("(Word (.docx))"))
        let built = try CLI.run(["build"], in: root)
        #expect(built.status == 0, "\(built.stderr)")
        let image = try Data(contentsOf: root.appendingPathComponent("public/shenqiu-2024/01/image9.png"))
        #expect([UInt8](image) == png)
        let page = try String(contentsOf: root.appendingPathComponent("public/shenqiu-2024/01/index.html"), encoding: .utf8)
        #expect(page.contains("<img src=\"image9.png\" alt=\"执法案件统计图\""))
        #expect(page.contains("全年办理行政复议案件87件。"))
    }

    @Test func aChineseFileNameIsRefusedBeforeBuildWouldBe() throws {
        let root = try Self.site()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.copyItem(at: CLI.repositoryRoot.appendingPathComponent("content/xiangcheng-2024/source.txt"),
                                         to: root.appendingPathComponent("项城市2024年报告.txt"))
        let refused = try CLI.run(["import", "项城市2024年报告.txt"], in: root)
        #expect(refused.status != 0)
        #expect(refused.stderr.hasPrefix("项城市2024年报告.txt:1:1: error: the file name “项城市2024年报告” cannot be the report id"))
        #expect(refused.stderr.contains("--id"))
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("content/项城市2024年报告").path))
        let named = try CLI.run(["import", "项城市2024年报告.txt", "--id", "xiangcheng-2024b"], in: root)
        #expect(named.status == 0, "\(named.stderr)")
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("content/xiangcheng-2024b/report.yaml").path))
    }
}
