import Foundation
import GongkaiCore
import Testing
@testable import GongkaiImport

/// Bad input, existing folders and the fidelity check: errors name the place, and nothing is left half-written.
@Suite struct SafetyTests {
    static func expectError(_ bytes: [UInt8], containing words: [String], line: Int) throws {
        let content = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: content) }
        let importer = ReportImporter()
        do {
            let plan = try importer.plan(bytes: bytes, path: "bad-2024.txt")
            try importer.write(plan, into: content)
            Issue.record("expected an error")
        } catch {
            let d = try #require(error.diagnostics.first)
            #expect(d.severity == .error)
            for w in words { #expect(d.message.contains(w), "\(d.message)") }
            #expect(d.location.line == line)
            #expect(d.description.hasPrefix("bad-2024.txt:\(line):"))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: content.path).isEmpty)
    }

    @Test func emptyFile() throws {
        try Self.expectError([], containing: ["empty"], line: 1)
        try Self.expectError(Array(" \n　　\r\n".utf8), containing: ["empty"], line: 1)
    }

    @Test func binaryFile() throws {
        try Self.expectError([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00], containing: ["binary", "offset 8"], line: 3)
        try Self.expectError(Array("一、标题\n正文\u{01}内容".utf8), containing: ["binary", "U+0001"], line: 2)
    }

    @Test func undecodableBytes() throws {
        var bytes = Array("一、标题\n第二行\n".utf8)
        let offset = bytes.count
        bytes += [0xFF, 0xFF, 0x41]
        try Self.expectError(bytes, containing: ["undecodable", "offset \(offset)", "0xFF"], line: 3)
        try Self.expectError([0xEF, 0xBB, 0xBF] + Array("正文".utf8) + [0xC0], containing: ["undecodable", "offset 9"], line: 1)
        try Self.expectError([0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00], containing: ["undecodable", "surrogate"], line: 1)
    }

    @Test func gb18030IsDetectedFromBytesNotName() throws {
        // 项城 in GB18030, in a file called .utf8.
        let source = try SourceDecoder().decode([0xCF, 0xEE, 0xB3, 0xC7, 0x0A], path: "report.utf8.txt")
        #expect(source.encoding == .gb18030)
        #expect(source.lines == ["项城"])
    }

    @Test func existingFolderIsNotTouchedWithoutForce() throws {
        let content = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: content) }
        let folder = content.appendingPathComponent("xiangcheng-2024")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("title: 手写\npublisher: 项城市人民政府\nindex_number: TODO\n".utf8).write(to: folder.appendingPathComponent("report.yaml"))
        try Data("figures: []\n".utf8).write(to: folder.appendingPathComponent("indicators.yaml"))
        try Data("旧页面\n".utf8).write(to: folder.appendingPathComponent("01.md"))
        let before = try TestSupport.files(in: folder)

        let bytes = try TestSupport.source2024()
        let plain = ReportImporter()
        do {
            try plain.write(try plain.plan(bytes: bytes, path: "xiangcheng-2024.txt"), into: content)
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains("already exists"))
        }
        #expect(try TestSupport.files(in: folder) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: content.path) == ["xiangcheng-2024"])

        let forced = ReportImporter(options: ImportOptions(force: true))
        try forced.write(try forced.plan(bytes: bytes, path: "xiangcheng-2024.txt"), into: content)
        let after = try TestSupport.files(in: folder)
        #expect(after["indicators.yaml"] == before["indicators.yaml"], "a curated indicators.yaml wins over the draft")
        #expect(after["01.md"] != before["01.md"])
        let yaml = String(decoding: try #require(after["report.yaml"]), as: UTF8.self)
        #expect(yaml.contains("publisher: \"项城市人民政府\""))
        #expect(yaml.contains("index_number: TODO"))
        #expect(yaml.contains("title: \"手写\""), "a hand-filled title is kept (the text has no title line)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: content.path) == ["xiangcheng-2024"])
    }

    @Test func fidelityCheckNamesTheSourceLine() throws {
        let bytes = try TestSupport.source2024()
        let (folder, plan) = try TestSupport.importInto(bytes)
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let checker = FidelityChecker()
        let paths = plan.pages.map(\.path)
        #expect(checker.check(folder: folder, source: plan.source, outline: plan.outline, pages: paths, titleFromText: false).isEmpty)

        // A changed character in 02/05.md (line 15 of the source: 5类36种).
        let page = folder.appendingPathComponent("02/05.md")
        let text = try String(contentsOf: page, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "5类36种", with: "5类37种").utf8).write(to: page)
        let changed = checker.check(folder: folder, source: plan.source, outline: plan.outline, pages: paths, titleFromText: false)
        #expect(changed.count == 1)
        #expect(changed.first?.location.line == 15)

        // Text that Markdown would read as structure.
        try Data(text.replacingOccurrences(of: "一是全面排查隐患", with: "- 一是全面排查隐患").replacingOccurrences(of: "\n\n", with: "\n\n", options: []).utf8).write(to: page)
        try Data("---\ntitle: \"(五)依法预防处置重大突发事件\"\n---\n* 列表\n".utf8).write(to: page)
        let structured = checker.check(folder: folder, source: plan.source, outline: plan.outline, pages: paths, titleFromText: false)
        #expect(structured.contains { $0.message.contains("<ul>") })
    }
}
