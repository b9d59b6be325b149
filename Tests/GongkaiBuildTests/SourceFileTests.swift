import Foundation
import GongkaiCore
import Testing
@testable import GongkaiBuild

@Suite struct SourceFileTests {
    /// A UTF-8 BOM is dropped and CR LF and lone CR line ends become LF; text without CR is kept as it is.
    @Test func decodeDropsTheBOMAndNormalizesLineEnds() throws {
        func decoded(_ text: String, bom: Bool = false) throws -> String {
            try SourceFile.decode(bytes: (bom ? [0xEF, 0xBB, 0xBF] : []) + Array(text.utf8), displayPath: "content/a.md").text
        }
        #expect(try decoded("项城市\r\n法治\r政府\n") == "项城市\n法治\n政府\n")
        #expect(try decoded("\r") == "\n")
        #expect(try decoded("项城市\n法治", bom: true) == "项城市\n法治")
        #expect(try decoded("e\u{301}\r\n") == "e\u{301}\n")
        #expect(try decoded("") == "")
    }

    /// Bytes that are not UTF-8 are an error naming the file, line and column.
    @Test func invalidUTF8NamesItsPlace() {
        #expect {
            try SourceFile.decode(bytes: Array("项城\r\n市".utf8) + [0xFF], displayPath: "content/a.md")
        } throws: { error in
            guard let error = error as? DiagnosticError, let d = error.diagnostics.first else { return false }
            return d.location.path == "content/a.md" && d.location.line == 2 && d.message.contains("not valid UTF-8")
        }
    }
}

@Suite struct FullStopTests {
    /// `withoutFinalFullStop` drops trailing 。 exactly as the Unicode-aware definition does, on every text made of
    /// up to four pieces from an alphabet with combining and prepended marks, joiners and look-alikes.
    @Test func agreesWithTheUnicodeAwareDefinition() {
        func reference(_ text: String) -> String {
            var s = text
            while s.hasSuffix("。") { s.removeLast() }
            return s
        }
        let pieces = ["", "。", "项", "a", "\u{301}", "\u{600}", "\u{200D}", "．", "\u{3002}\u{301}", "\u{FE0F}", " "]
        var texts = [""]
        for _ in 0..<4 { texts = texts.flatMap { t in pieces.map { t + $0 } } }
        for text in Set(texts) {
            #expect(text.withoutFinalFullStop == reference(text), "\(Array(text.unicodeScalars))")
        }
        #expect("一、总体情况。。".withoutFinalFullStop == "一、总体情况")
    }
}

@Suite struct DeferredBodyTests {
    /// Bodies left on disk read back exactly the text an eager load reads (a BOM, CR LF line ends and front matter
    /// before them included), so the model is the same.
    @Test func deferredBodiesGiveTheSameModel() throws {
        let site = try SiteFixture(smallSite)
        try site.write("content/r2024/03.md", bytes: [0xEF, 0xBB, 0xBF] + Array("---\r\ntitle: 三、存在的不足\r\norder: 3\r\n---\r\n## 问题\r\n\r\n仍存在一些不足。\r\n见[开篇](../)。\r\n".utf8))
        let deferred = try SiteLoader(root: site.root, deferBodies: true).load()
        #expect(deferred.reports[0].topics.allSatisfy { $0.body.text.isEmpty && $0.body.deferred != nil })
        #expect(deferred.reports[0].opening?.deferred != nil)
        let eager = try SiteLoader(root: site.root).load()
        #expect(eager.reports[0].topics.allSatisfy { $0.body.deferred == nil } && eager.reports[0].topics.contains { !$0.body.text.isEmpty })
        let a = try SiteAssembler().assemble(deferred), b = try SiteAssembler().assemble(eager)
        #expect(a.reports[0].topics.map(\.body) == b.reports[0].topics.map(\.body))
        #expect(a.reports[0].opening == b.reports[0].opening)
        #expect(a.reports[0].topic("03")?.body.headings.first?.text == "问题")
    }

    /// A body whose file changed after it was loaded is an error naming the file, never a mix of two versions.
    /// Its report's indicators are not checked against the text that could not be read (no second, false error).
    @Test func aFileChangedAfterLoadingIsAnError() throws {
        let site = try SiteFixture(twoYearSite)
        let loaded = try SiteLoader(root: site.root, deferBodies: true).load()
        try site.write("content/r2024/01.md", "---\ntitle: 一、改过的标题\n---\n改过的正文。\n")
        #expect {
            try SiteAssembler().assemble(loaded)
        } throws: { error in
            (error as? DiagnosticError)?.description == "content/r2024/01.md:1:1: error: the file changed while the site was being built; build again"
        }
    }
}
