import Foundation
import Testing
@testable import GongkaiBuild

/// The whole output of two sites, file by file, against `Tests/golden/`: the repository's own site and a generated
/// 200-page corpus. A failure shows the first differing lines of the first changed files; when the change is
/// intended, `GONGKAI_RECORD_GOLDEN=1 swift test --filter GoldenTests` re-records both (read the change in
/// `git diff Tests/golden/`).
@Suite(.timeLimit(.minutes(3))) struct GoldenTests {
    /// The repository's `content/` and `theme/`: 50 files, every one in full.
    static let realSite = GoldenSite(name: "real-site.txtar", description: [
        "Golden output of the repository's own site: `gongkai build` of content/ + theme/ (GoldenTests.realSite).",
    ])

    /// The generated corpus: 200 topic pages in 8 reports, with the repository's theme.
    static let corpus = GoldenCorpus(pages: 200, seed: 20_250_401)

    /// The corpus's output is 7 MB, so its text is kept in full only for a part that shows every kind of page: the
    /// site-wide pages, the first report (its topics, full text and indicator files), the last report's cover, the
    /// search page and the first search script of each kind. Every other file (the theme's assets, which the real
    /// site's golden holds in full, and the manifest among them) by size and SHA-256.
    static let corpusSite = GoldenSite(name: "corpus-200.txtar", description: [
        "Golden output of a generated corpus: 200 topic pages in 8 reports (GoldenCorpus, seed 20250401) with theme/",
        "(GoldenTests.corpus200). Text in full for the site-wide pages, report r00000, r00007's cover and the first search",
        "scripts; every other file by size and SHA-256.",
    ], fullText: { path in
        if path.hasPrefix("r00000/") || path == "r00007/index.html" { return true }
        if path.hasPrefix("assets/") || path == "manifest.json" || path.hasPrefix("r0") { return false }
        if path.hasPrefix("search/p/") { return path.dropFirst(9).dropLast(3).allSatisfy { $0 == "0" } }  // the first shard, however wide its name
        if path.hasPrefix("search/") { return ["search/index.html", "search/meta.js", "search/d/0.js"].contains(path) }
        return true
    })

    @Test func realSite() throws {
        let built = try GoldenSite.build(SiteFixture.repositoryRoot)
        #expect(built.count >= 30)  // 41 files since the page texts come 4 to a file
        try Self.realSite.check(built)
    }

    @Test func corpus200() throws {
        let root = try Self.corpusRoot()
        defer { try? FileManager.default.removeItem(at: root) }
        let built = try GoldenSite.build(root)
        #expect(built.keys.filter { $0.hasSuffix(".html") }.count > 200)
        try Self.corpusSite.check(built)
    }

    /// One changed byte in a theme template fails the real site's golden, and the failure shows the page and line.
    @Test(.disabled(if: GoldenSite.recording, "compares with the golden the same run records"))
    func aChangedTemplateByteFailsWithTheChangedLines() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-golden-edit-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        for folder in ["content", "theme"] {
            try FileManager.default.copyItem(at: SiteFixture.repositoryRoot.appendingPathComponent(folder), to: root.appendingPathComponent(folder))
        }
        let template = root.appendingPathComponent("theme/templates/topic.mustache")
        let text = try String(contentsOf: template, encoding: .utf8)
        #expect(text.contains(#"<article class="topic">"#))
        try Data(text.replacingOccurrences(of: #"<article class="topic">"#, with: #"<article class="topix">"#).utf8).write(to: template)

        let message = try #require(GoldenDiff().compare(Self.realSite.read(), GoldenSite.build(root)))
        #expect(message.contains("--- xiangcheng-2024/01/index.html\n@@ line "))
        #expect(message.contains("\n- <article class=\"topic\">\n+ <article class=\"topix\">\n"))
        #expect(message.contains("… and "), "more changed files than shown are listed")
        // And an unchanged copy of the site is what the golden records (the copy's own path is in no output).
        try FileManager.default.removeItem(at: template)
        try FileManager.default.copyItem(at: SiteFixture.repositoryRoot.appendingPathComponent("theme/templates/topic.mustache"), to: template)
        #expect(GoldenDiff().compare(try Self.realSite.read(), try GoldenSite.build(root)) == nil)
    }

    /// The other ways a site is built give the golden's files too: in memory, keeping state, as `gongkai serve`
    /// builds, and streamed a few documents at a time (the corpus's 208 search documents fit one default window of
    /// 640, so `corpus200` streams it in one).
    @Test(.disabled(if: GoldenSite.recording, "compares with the golden the same run records"))
    func servesBuildAndSmallWindowsGiveTheGoldenFiles() throws {
        let root = try Self.corpusRoot()
        defer { try? FileManager.default.removeItem(at: root) }
        let golden = try Self.corpusSite.read()
        let inMemory = try SiteBuilder(root: root, keepsState: true).build().files
        let diff = GoldenDiff().compare(golden, Dictionary(inMemory.map { ($0.path, $0.bytes) }, uniquingKeysWith: { first, _ in first }))
        #expect(inMemory.count == golden.entries.count)
        #expect(diff == nil, "in memory: \(diff ?? "")")
        var builder = SiteBuilder(root: root)
        builder.streamWindow = 50
        let output = root.appendingPathComponent("windows/public")
        _ = try builder.write(to: output)
        let windowed = GoldenDiff().compare(golden, try GoldenSite.files(below: output))
        #expect(windowed == nil, "streamed 50 documents at a time: \(windowed ?? "")")
    }

    /// The corpus generator gives the same files for the same seed, and other files for another.
    @Test func corpusIsDeterministic() {
        let files = Self.corpus.files()
        #expect(files.map(\.text) == Self.corpus.files().map(\.text))
        #expect(files.count == 1 + 8 * 28)
        #expect(files.map(\.text) != GoldenCorpus(pages: 200, seed: 1).files().map(\.text))
        let indicators = files.filter { $0.path.hasSuffix("indicators.yaml") }.map(\.text)
        #expect(indicators.contains { $0.contains("quote: 共受理各类政务服务事项") })
    }

    /// Writes the corpus and the repository's theme into a new temporary folder.
    static func corpusRoot() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-golden-corpus-\(UUID().uuidString)")
        try corpus.write(to: root)
        try FileManager.default.copyItem(at: SiteFixture.repositoryRoot.appendingPathComponent("theme"), to: root.appendingPathComponent("theme"))
        return root
    }
}
