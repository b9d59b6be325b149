import Foundation
import GongkaiCore
import Testing
@testable import GongkaiImport

/// The 2024 report re-encoded and re-typed: every variant must give the same outline, pages and text.
@Suite struct VariantTests {
    static func text2024() throws -> String { String(decoding: try TestSupport.source2024(), as: UTF8.self) }

    /// Imports (with the fidelity check) and returns the plan and the pages' files.
    static func importVariant(_ bytes: [UInt8]) throws -> (ImportPlan, [String: Data]) {
        let (folder, plan) = try TestSupport.importInto(bytes)
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        return (plan, try TestSupport.files(in: folder))
    }

    static func baseline() throws -> (ImportPlan, [String: Data]) { try importVariant(try TestSupport.source2024()) }

    static func expectSameAsBaseline(_ bytes: [UInt8], encoding: SourceEncoding, ending: String) throws {
        let (base, baseFiles) = try baseline()
        let (plan, files) = try importVariant(bytes)
        #expect(plan.source.encoding == encoding)
        #expect(plan.source.lineEnding == ending)
        #expect(plan.outline.headingCounts == [4, 11, 14, 0])
        #expect(TestSupport.outlineSignature(plan.outline) == TestSupport.outlineSignature(base.outline))
        #expect(plan.pages.map(\.path) == base.pages.map(\.path))
        for (path, data) in baseFiles where path.hasSuffix(".md") || path == "report.yaml" {
            #expect(files[path] == data, "\(path) differs")
        }
        #expect(files["source.txt"] == Data(bytes), "source.txt keeps the bytes as received")
    }

    @Test func gb18030WithCRLF() throws {
        let text = try Self.text2024().replacingOccurrences(of: "\n", with: "\r\n")
        let bytes = try #require(TestSupport.encode(text, as: "GB18030"))
        #expect(String(decoding: bytes, as: UTF8.self) != text)
        try Self.expectSameAsBaseline(bytes, encoding: .gb18030, ending: "CRLF")
    }

    @Test func gbkWithCR() throws {
        let text = try Self.text2024().replacingOccurrences(of: "\n", with: "\r")
        let bytes = try #require(TestSupport.encode(text, as: "GBK"))
        try Self.expectSameAsBaseline(bytes, encoding: .gb18030, ending: "CR")
    }

    @Test func utf8WithBOM() throws {
        try Self.expectSameAsBaseline([0xEF, 0xBB, 0xBF] + (try TestSupport.source2024()), encoding: .utf8BOM, ending: "LF")
    }

    @Test func utf16WithBOM() throws {
        let text = try Self.text2024()
        let le = try #require(TestSupport.encode(text, as: "UTF-16LE"))
        try Self.expectSameAsBaseline([0xFF, 0xFE] + le, encoding: .utf16LE, ending: "LF")
        let be = try #require(TestSupport.encode(text.replacingOccurrences(of: "\n", with: "\r\n"), as: "UTF-16BE"))
        try Self.expectSameAsBaseline([0xFE, 0xFF] + be, encoding: .utf16BE, ending: "CRLF")
    }

    @Test func indentationWithFullWidthAndAsciiSpaces() throws {
        let lines = try Self.text2024().split(separator: "\n", omittingEmptySubsequences: false)
        let indented = lines.enumerated().map { $0.offset % 2 == 0 ? "　　" + $0.element : "  " + $0.element }.joined(separator: "\n")
        try Self.expectSameAsBaseline(Array(indented.utf8), encoding: .utf8, ending: "LF")
    }

    @Test func blankLinesBetweenParagraphs() throws {
        let spaced = try Self.text2024().replacingOccurrences(of: "\n", with: "\n\n")
        // The broken line is now followed by a blank line: a paragraph break, not an artifact; everything else is equal.
        let (plan, _) = try Self.importVariant(Array(spaced.utf8))
        #expect(plan.outline.headingCounts == [4, 11, 14, 0])
    }

    @Test func fullWidthPunctuationAndTitleLine() throws {
        var text = try Self.text2024()
        for (a, b) in [("(", "（"), (")", "）"), (",", "，"), (":", "："), (";", "；")] {
            text = text.replacingOccurrences(of: a, with: b)
        }
        text = text.replacingOccurrences(of: "1.", with: "1．").replacingOccurrences(of: "2.", with: "2、")
        text = "项城市2024年法治政府建设年度报告\n" + text
        let (base, _) = try Self.baseline()
        let (plan, files) = try Self.importVariant(Array(text.utf8))
        #expect(plan.outline.headingCounts == [4, 11, 14, 0])
        #expect(plan.outline.headings.map(\.plainTitle) == base.outline.headings.map(\.plainTitle))
        #expect(plan.outline.headings.map(\.level) == base.outline.headings.map(\.level))
        #expect(plan.pages.map(\.path) == base.pages.map(\.path))
        #expect(plan.metadata.title == "项城市2024年法治政府建设年度报告")
        #expect(plan.metadata.titleSource == .text)
        #expect(plan.outline.front.first?.text.line == 1)
        let page = try #require(files["02/01.md"])
        #expect(String(decoding: page, as: UTF8.self).contains("title: \"（一）深入学习贯彻习近平法治思想。\""))
    }
}
