import Foundation
import GongkaiCore
import Testing
@testable import GongkaiImport

/// Word files: the real 2024 report as .docx, and a small document with every structure the reader knows.
@Suite struct DocxImportTests {
    /// The committed source.txt as Word has it imports to the same 29 headings and the same pages, byte for byte.
    @Test func real2024ReportAsDocxImportsLikeTheText() throws {
        let txtBytes = try TestSupport.source2024()
        let txt = try ReportImporter().plan(bytes: txtBytes, path: "xiangcheng-2024.txt")
        let docxBytes = try DocxFixture.report2024(String(decoding: txtBytes, as: UTF8.self), joinedLines: txt.outline.joinedLines)
        #expect(!String(decoding: docxBytes, as: UTF8.self).contains("主要负责人"), "the fixture is compressed, not text")

        let (folder, plan) = try TestSupport.importInto(docxBytes, path: "xiangcheng-2024.docx")
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        #expect(plan.source.format == .docx)
        #expect(plan.outline.headingCounts == [4, 11, 14, 0])
        #expect(plan.outline.headings.count == 29)
        #expect(TestSupport.outlineSignature(plan.outline) == TestSupport.outlineSignature(txt.outline))
        // The automatic 一、 numbering is in the headings, from numbering.xml.
        #expect(plan.outline.sections.map(\.heading.title).first == "一、主要负责人履行法治建设第一责任人职责情况")
        #expect(plan.metadata.title == "项城市2024年法治政府建设年度报告")
        #expect(plan.metadata.written == "2025-02-28")

        let (txtFolder, _) = try TestSupport.importInto(txtBytes)
        defer { try? FileManager.default.removeItem(at: txtFolder.deletingLastPathComponent()) }
        let fromDocx = try TestSupport.files(in: folder), fromText = try TestSupport.files(in: txtFolder)
        let pages = fromText.keys.filter { $0.hasSuffix(".md") }.sorted()
        #expect(fromDocx.keys.filter { $0.hasSuffix(".md") }.sorted() == pages)
        for page in pages { #expect(fromDocx[page] == fromText[page], "\(page) differs between the .docx and the .txt import") }
        #expect(fromDocx["report.yaml"] == fromText["report.yaml"])
        #expect(fromDocx["indicators.yaml"] == fromText["indicators.yaml"])
        // source.txt holds the document's text: the report's text, white space aside.
        let rendition = String(decoding: try #require(fromDocx["source.txt"]), as: UTF8.self)
        let original = String(decoding: txtBytes, as: UTF8.self)
        #expect(rendition.filter { !$0.isWhitespace } == original.filter { !$0.isWhitespace })
    }

    /// A 1×1 PNG.
    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01,
                               0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4, 0x89, 0x00, 0x00, 0x00, 0x0A, 0x49, 0x44, 0x41,
                               0x54, 0x78, 0x9C, 0x63, 0x00, 0x01, 0x00, 0x00, 0x05, 0x00, 0x01, 0x0D, 0x0A, 0x2D, 0xB4, 0x00, 0x00, 0x00, 0x00, 0x49,
                               0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82]

    static func structuredDocx() throws -> [UInt8] {
        let body = [
            DocxFixture.p("项城市2025年法治政府建设年度报告"),
            DocxFixture.p("2025年,项城市扎实推进法治政府建设。现将有关情况报告如下:"),
            DocxFixture.p("工作成效", style: "1", numbering: (1, 0)),
            DocxFixture.p("完善制度体系", style: "2", numbering: (1, 1)),
            DocxFixture.p([("全年", false), ("办理行政复议案件120件", true), (",同比增长10%。", false)]),
            DocxFixture.table([["指标", "2024年", "2025年"], ["复议案件(件)", "109", "120"], ["应诉|出庭率", "95%", "100%"]]),
            "<w:p><w:r><w:t>见下图" + "</w:t></w:r>" + DocxFixture.footnoteReference(1) + "<w:r><w:t>。</w:t></w:r></w:p>",
            DocxFixture.image(rid: "rIdImg1"),
            DocxFixture.p("加强执法监督", style: "2", numbering: (1, 1)),
            DocxFixture.p("(三)手写编号的标题。正文紧随其后。"),
            DocxFixture.p("存在问题", outlineLevel: 0),
            DocxFixture.p("一是统筹不够。"),
            DocxFixture.p("下一步安排", style: "1", numbering: (1, 0)),
            DocxFixture.p("继续推进。"),
            DocxFixture.p("项城市人民政府"),
            DocxFixture.p("2026年2月1日"),
        ].joined()
        return try DocxFixture.docx(body: body, footnotes: [(1, "数据来自市司法局。")], media: [("image1.png", png)])
    }

    @Test func headingsBoldTablesImagesFootnotes() throws {
        let (folder, plan) = try TestSupport.importInto(try Self.structuredDocx(), path: "report-2025.docx")
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        #expect(plan.metadata.title == "项城市2025年法治政府建设年度报告")
        #expect(plan.metadata.titleSource == .text)
        #expect(plan.metadata.publisher == "项城市人民政府")
        #expect(plan.metadata.written == "2026-02-01")
        // Automatic numbering (一、 (一) from numbering.xml), heading styles, a direct outline level, typed numbering.
        #expect(TestSupport.outlineSignature(plan.outline) == [
            "1 一、 工作成效", "2 （一） 完善制度体系", "2 （二） 加强执法监督", "2 (三) 手写编号的标题", "1  存在问题", "1 二、 下一步安排",
        ])
        #expect(plan.outline.headings[3].runIn)
        let files = try TestSupport.files(in: folder)
        let page = String(decoding: try #require(files["01.md"]), as: UTF8.self)
        #expect(page.contains("全年**办理行政复议案件120件**,同比增长10%。"))
        #expect(page.contains("| 指标 | 2024年 | 2025年 |\n| --- | --- | --- |\n| 复议案件(件) | 109 | 120 |\n| 应诉\\|出庭率 | 95% | 100% |"))
        #expect(page.contains("见下图1。\n\n注1:数据来自市司法局。\n\n![2025年行政复议案件柱状图](image1.png)"))
        #expect(files["01/image1.png"] == Data(Self.png), "the image is beside the topic 01.md")
        #expect(page.contains("\n## （一）完善制度体系\n"))
        #expect(files["02.md"].map { String(decoding: $0, as: UTF8.self) }?.hasPrefix("---\ntitle: \"存在问题\"") == true)
        let listing = plan.listing
        #expect(listing.contains("image\timage1.png"))
        #expect(listing.contains("Word (.docx)"))
    }

    @Test func forceWritesTheNewImagesAndKeepsTheOldFolderOtherwise() throws {
        let content = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: content) }
        let importer = ReportImporter(options: ImportOptions(force: true))
        try importer.write(try importer.plan(bytes: try Self.structuredDocx(), path: "report-2025.docx"), into: content)
        let folder = content.appendingPathComponent("report-2025")
        try Data("figures: []\n".utf8).write(to: folder.appendingPathComponent("indicators.yaml"))
        let newPNG = Self.png + [9, 9]
        let body = DocxFixture.p("一、工作成效") + DocxFixture.p("全年办理案件。") + DocxFixture.image(rid: "rIdImg1")
        try importer.write(try importer.plan(bytes: try DocxFixture.docx(body: body, media: [("image1.png", newPNG)]), path: "report-2025.docx"), into: content)
        let files = try TestSupport.files(in: folder)
        #expect(files["01/image1.png"] == Data(newPNG), "the new document's image, not the old one")
        #expect(files["indicators.yaml"] == Data("figures: []\n".utf8))
    }

    /// With LibreOffice installed (not by install-deps.sh: it is large), a .doc is converted and imported.
    @Test(.enabled(if: LibreOfficeConverter.find(["soffice", "libreoffice"]) != nil))
    func binaryWordThroughLibreOffice() throws {
        let dir = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let docx = dir.appendingPathComponent("report-2025.docx")
        try Data(try Self.structuredDocx()).write(to: docx)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(LibreOfficeConverter.find(["soffice", "libreoffice"])))
        process.arguments = ["-env:UserInstallation=\(dir.appendingPathComponent("profile").absoluteString)", "--headless",
                             "--convert-to", "doc", "--outdir", dir.path, docx.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let doc = [UInt8](try Data(contentsOf: dir.appendingPathComponent("report-2025.doc")))
        #expect(SourceFormat.detect(doc, path: "report-2025.doc") == .binaryWord)
        let (folder, plan) = try TestSupport.importInto(doc, path: "report-2025.doc")
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        #expect(plan.metadata.title == "项城市2025年法治政府建设年度报告")
        #expect(plan.outline.headings.map(\.plainTitle).starts(with: ["工作成效", "完善制度体系"]))
        #expect(plan.pages.contains { $0.body.contains("办理行政复议案件120件") })
    }

    @Test func footnoteAndBoldMarkdownRenderAsTheirText() {
        #expect(BoldMarkdown.markdown([("全年", false), ("“项快办”", true), ("政务", false)]) == nil, "CommonMark would not read ** here")
        #expect(BoldMarkdown.markdown([("一是", true), ("统筹。", false)]) == "**一是**统筹。")
        #expect(DocxNumbering.format(12, as: "chineseCounting") == "十二")
        #expect(DocxNumbering.format(20, as: "chineseCounting") == "二十")
        #expect(DocxNumbering.format(3, as: "decimalEnclosedCircle") == "③")
    }

    @Test func binaryWordAndBrokenFilesSayWhatToDo() throws {
        let ole: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 64)
        #expect(SourceFormat.detect(ole, path: "report-2024.wps") == .binaryWord)
        // Without LibreOffice (looked for where it is not).
        do {
            _ = try LibreOfficeConverter(searchPath: "/nonexistent").convertToDocx(ole, path: "report-2024.doc")
            Issue.record("expected an error")
        } catch {
            let d = try #require(error.diagnostics.first)
            #expect(d.description.hasPrefix("report-2024.doc:1:1: error: this is a binary Word/WPS file"))
            #expect(d.message.contains("--convert-to docx"))
        }
        if LibreOfficeConverter.find(["soffice", "libreoffice"]) == nil {
            do {
                _ = try ReportImporter().plan(bytes: ole, path: "report-2024.doc")
                Issue.record("expected an error")
            } catch {
                #expect(error.diagnostics.first?.message.contains("--convert-to docx") == true)
            }
        }
        // A ZIP without word/document.xml.
        let notWord = try DocxFixture.docx(body: "").prefix(4) + [0, 0]
        do {
            _ = try ReportImporter().plan(bytes: Array(notWord), path: "report-2024.docx")
            Issue.record("expected an error")
        } catch {
            #expect(error.diagnostics.first?.message.contains("Word") == true)
        }
    }
}
