import Foundation
import Testing
@testable import Markdown

/// A sample of cmark-gfm's own test suite, with the HTML Debian's `cmark-gfm` command prints
/// (re-record with `scripts/record-conformance.py`).
struct ConformanceExample: Decodable, Sendable, CustomStringConvertible {
    var file: String
    var n: Int
    var markdown: String
    var html: String
    var description: String { "\(file) #\(n)" }
}

private func loadSample() throws -> [ConformanceExample] {
    guard let url = Bundle.module.url(forResource: "gfm-sample", withExtension: "json", subdirectory: "Fixtures") else {
        throw CocoaError(.fileNoSuchFile)
    }
    return try JSONDecoder().decode([ConformanceExample].self, from: Data(contentsOf: url))
}

/// Removes the heading ids Gongkai adds on purpose.
func stripHeadingIDs(_ html: String) -> String {
    html.replacingOccurrences(of: #"(<h[1-6]) id="[^"]*""#, with: "$1", options: .regularExpression)
}

@Suite struct ConformanceTests {
    @Test func sampleIsLarge() throws {
        #expect(try loadSample().count >= 200)
    }

    @Test func rendersLikeCmarkGFM() throws {
        let renderer = MarkdownRenderer()
        var failures: [String] = []
        for example in try loadSample() {
            let html = stripHeadingIDs(renderer.render(example.markdown).html)
            if html != example.html { failures.append("\(example): got \(html.debugDescription), want \(example.html.debugDescription)") }
        }
        #expect(failures.isEmpty, "\(failures.count) differ:\n\(failures.prefix(5).joined(separator: "\n"))")
    }
}
