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

@Suite struct UTF8CheckTests {
    /// The C check agrees with the standard library's on seeded random bytes built from UTF-8's pieces (leads of
    /// every length, continuation bytes, ASCII, bytes never valid) and on every sequence at the edges: overlong
    /// forms, surrogates, the last code point and past it, truncated sequences, lone continuation bytes.
    @Test func agreesWithTheStandardLibrary() {
        func agree(_ bytes: [UInt8]) {
            let expected = String(validating: bytes, as: UTF8.self) != nil
            #expect(bytes.withUnsafeBufferPointer(UTF8Search.isValidUTF8) == expected, "\(bytes)")
        }
        let edges: [[UInt8]] = [
            [], [0x00], [0x7F], [0x80], [0xBF], [0xC0, 0x80], [0xC1, 0xBF], [0xC2, 0x80], [0xDF, 0xBF], [0xDF],
            [0xE0, 0x80, 0x80], [0xE0, 0x9F, 0xBF], [0xE0, 0xA0, 0x80], [0xE0, 0xA0], [0xED, 0x9F, 0xBF], [0xED, 0xA0, 0x80],
            [0xED, 0xBF, 0xBF], [0xEE, 0x80, 0x80], [0xEF, 0xBF, 0xBF], [0xF0, 0x80, 0x80, 0x80], [0xF0, 0x8F, 0xBF, 0xBF],
            [0xF0, 0x90, 0x80, 0x80], [0xF4, 0x8F, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80],
            [0xFF], [0xFE], [0xF0, 0x90, 0x80], [0xE4, 0xB8, 0x80, 0x80], Array("项城市法治政府".utf8),
        ]
        for edge in edges {
            agree(edge)
            agree(Array("abcdefgh".utf8) + edge)
            agree(edge + Array("abcdefghij".utf8))
        }
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15  // xorshift64, seeded
        func next() -> Int {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return Int(state % 1_000_003)
        }
        let pieces: [[UInt8]] = [[0x41], Array("abcdefghijklmnop".utf8), [0x80], [0xA0], [0xBF], [0xC2], [0xDF], [0xE0], [0xE4],
                                 [0xED], [0xEF], [0xF0], [0xF4], [0xF5], [0xFF], Array("项".utf8), Array("😀".utf8), [0x0A]]
        for _ in 0..<20_000 {
            var bytes: [UInt8] = []
            for _ in 0..<(next() % 12) { bytes += pieces[next() % pieces.count] }
            agree(bytes)
        }
    }
}

@Suite struct FrontMatterReadTests {
    /// A loader that leaves bodies on disk reads only the front matter as text, and gets what it gets from the whole
    /// text: the same fields, body line and body offset, and the same errors (a front matter not closed, bytes
    /// that are not UTF-8, in the front matter or the body).
    @Test func theFrontMatterAloneGivesTheSameDocument() throws {
        let site = try SiteFixture("-- content/site.yaml --\ntitle: t", theme: false)
        let cases: [(String, [UInt8])] = [
            ("plain", Array("---\ntitle: 一、总体情况\norder: 1\n---\n正文。\n\n## 小标题\n".utf8)),
            ("no newline after the closing line", Array("---\ntitle: 一\n---".utf8)),
            ("no front matter", Array("正文。\n---\n".utf8)),
            ("empty", []),
            ("a closing line with a mark", Array("---\ntitle: 一\n---\u{301}\n---\n正文".utf8)),
            ("not closed", Array("---\ntitle: 一\n正文。\n".utf8)),
            ("invalid in the front matter", Array("---\ntitle: 一".utf8) + [0xFF] + Array("\n---\n正文".utf8)),
            ("invalid in the body", Array("---\ntitle: 一\n---\n正文".utf8) + [0xED, 0xA0, 0x80]),
            ("a bad YAML line", Array("---\ntitle: [一\n---\n正文".utf8)),
            ("carriage returns", Array("---\r\ntitle: 一\r\n---\r\n正文\r\n".utf8)),
        ]
        for (name, bytes) in cases {
            try site.write("content/a.md", bytes: bytes)
            let url = site.root.appendingPathComponent("content/a.md")
            func parsed(_ read: (inout FileFingerprint?) throws(DiagnosticError) -> SourceFile) -> String {
                var fingerprint: FileFingerprint?
                do {
                    let doc = try FrontMatterDocument.parse(try read(&fingerprint), keepBody: false)
                    return "\(doc.fields) \(doc.bodyLine) \(doc.bodyOffset)"
                } catch {
                    return "\(error)"
                }
            }
            let whole = parsed { (f: inout FileFingerprint?) throws(DiagnosticError) in try SourceFile.read(url, displayPath: "content/a.md", fingerprint: &f) }
            let front = parsed { (f: inout FileFingerprint?) throws(DiagnosticError) in try SourceFile.readFrontMatter(url, displayPath: "content/a.md", fingerprint: &f) }
            #expect(front == whole, "\(name)")
        }
        #expect(SourceFile.frontMatterEnd(Array("---\na: 1\n---\nbody".utf8)) == 13)
        #expect(SourceFile.frontMatterEnd(Array("body".utf8)) == 0)
        #expect(SourceFile.frontMatterEnd(Array("---\r\na: 1\r\n---\r\n".utf8)) == nil)
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
        let a = SiteAssembler().assemble(deferred), b = SiteAssembler().assemble(eager)
        let bodiesA = try #require(a.bodies.render(a, positions: 0..<1).first), bodiesB = try #require(b.bodies.render(b, positions: 0..<1).first)
        #expect(bodiesA.diagnostics.isEmpty && bodiesB.diagnostics.isEmpty)
        #expect(bodiesA.bodies.topics == bodiesB.bodies.topics)
        #expect(bodiesA.bodies.opening == bodiesB.bodies.opening)
        let third = try #require(a.model.reports[0].position(of: "03"))
        #expect(bodiesA.bodies.topic(third).headings.first?.text == "问题")
    }

    /// A body whose file changed after it was loaded is an error naming the file, never a mix of two versions.
    /// Its report's indicators are not checked against the text that could not be read (no second, false error).
    @Test func aFileChangedAfterLoadingIsAnError() throws {
        let site = try SiteFixture(twoYearSite)
        let loaded = try SiteLoader(root: site.root, deferBodies: true).load()
        try site.write("content/r2024/01.md", "---\ntitle: 一、改过的标题\n---\n改过的正文。\n")
        let run = SitePipeline(options: BuildOptions(), publishingChecks: false, progress: nil).run(SiteAssembler().assemble(loaded), into: MemoryOutput())
        #expect(DiagnosticError(run.diagnostics.filter { $0.severity == .error }).description
                == "content/r2024/01.md:1:1: error: the file changed while the site was being built; build again")
    }
}
