import Foundation
import Testing
@testable import GongkaiIndicators

/// When the importer's topic pages are present, the curated quotes must also be found in them (their text is
/// what the site shows and marks).
@Suite struct ImportedContentTests {
    static let reportFolder = ReportText.root.appendingPathComponent("content/xiangcheng-2024")

    /// Topic id → body text of each `*.md` below the report folder (front matter dropped, `#` markers removed).
    static func topicTexts() throws -> [String: String] {
        var texts: [String: String] = [:]
        let base = reportFolder.standardizedFileURL.path
        guard let files = FileManager.default.enumerator(atPath: base) else { return [:] }
        for case let relative as String in files where relative.hasSuffix(".md") {
            var id = String(relative.dropLast(3))
            if id == "_index" {
                id = "_index"
            } else if id.hasSuffix("/_index") {
                id = String(id.dropLast(7))
            }
            let markdown = try String(contentsOfFile: base + "/" + relative, encoding: .utf8)
            var lines = markdown.components(separatedBy: "\n")
            if lines.first == "---", let end = lines.dropFirst().firstIndex(of: "---") {
                lines.removeSubrange(0...end)
            }
            texts[id] = lines.map { line in
                line.hasPrefix("#") ? String(line.drop { $0 == "#" }.drop { $0 == " " }) : line
            }.joined(separator: "\n")
        }
        return texts
    }

    @Test func curatedQuotesAreInTheImportedPages() throws {
        let texts = try Self.topicTexts()
        guard !texts.isEmpty else { return }  // importer output not present: nothing to compare
        #expect(Set(texts.keys).isSuperset(of: ["01", "02/04", "02/08", "03", "04"]))
        let set = try CommittedDataTests.load()
        let diagnostics = set.validate(topicTexts: texts, path: "indicators.yaml")
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description).joined(separator: "\n"))")
    }
}
