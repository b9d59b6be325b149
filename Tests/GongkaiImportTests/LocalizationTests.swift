import GongkaiCore
@testable import GongkaiImport
import Testing

/// Issue #27: every import message has both wordings, and a failed import speaks Chinese to a Chinese user.
@Suite struct ImportLocalizationTests {
    @Test func everyImportMessageHasBothLanguages() {
        #expect(CatalogueAudit.problems(in: ImportText.self) == [])
    }

    @Test func anUndecodableFileIsReportedInChineseAtItsLine() throws {
        let bytes: [UInt8] = Array("第一行\n第二行\n".utf8) + [0xFF, 0xFF, 0x0A]
        let error = try #require(throws: DiagnosticError.self) { try SourceDecoder().decode(bytes, path: "report.txt") }
        let diagnostic = try #require(error.diagnostics.first)
        #expect(diagnostic.message == "undecodable bytes at byte offset 20 (FF FF): the file is neither UTF-8 nor GB18030/GBK"
                || diagnostic.message.hasPrefix("undecodable bytes at byte offset 20"), "\(diagnostic.message)")
        #expect(diagnostic.line(.chinese).hasPrefix("report.txt:3:1: 错误: 第 20 字节处无法解码"), "\(diagnostic.line(.chinese))")
        #expect(diagnostic.line(.chinese).contains("既不是 UTF-8，也不是 GB18030/GBK"))
    }

    @Test func anInnerMessageIsEmbeddedInEachLanguage() {
        let inner = ImportText.docxNoText.message
        let outer = ImportText.noIndicatorDraft.embedding(["problem": inner])
        #expect(outer.text(.english) == "no indicators.yaml draft: the extracted figures do not load back (this Word file has no text)")
        #expect(outer.text(.chinese) == "没有生成 indicators.yaml 草稿：提取的数据无法读回（这个 Word 文件没有文字）")
        #expect(outer.key == "import.noIndicatorDraft")
    }
}
