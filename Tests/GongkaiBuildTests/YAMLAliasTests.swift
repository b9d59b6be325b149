import Foundation
import Testing
@testable import GongkaiBuild
import GongkaiCore

/// Issue #31, item 4: a YAML alias bomb under 1 KB ("billion laughs") grew memory by about 200 MB/s in site.yaml and
/// front matter. Every alias is now an error at its place, found before Yams builds the tree.
@Suite(.timeLimit(.minutes(1))) struct YAMLAliasTests {
    /// Nine levels of nine aliases each: 9^9 ≈ 387 million strings once expanded, in 600 bytes.
    static let bomb: String = {
        var lines = ["a0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]"]
        for level in 1...9 {
            let previous = Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ",")
            lines.append("a\(level): &a\(level) [\(previous)]")
        }
        return lines.joined(separator: "\n")
    }()

    @Test func theBombIsSmall() { #expect(Self.bomb.utf8.count < 1024) }

    @Test func anAliasBombInSiteYAMLIsAnErrorAtTheAlias() throws {
        let site = try SiteFixture(smallSite)
        try site.write("content/site.yaml", "title: 测试网站\n" + Self.bomb + "\n")
        let errors = try #require(site.buildErrors())
        #expect(errors.contains("content/site.yaml:3:10: error: YAML aliases (`*name`) are not allowed"), "\(errors)")
    }

    @Test func anAliasBombInFrontMatterIsAnErrorAtTheAliasInTheFile() throws {
        let site = try SiteFixture(smallSite)
        try site.write("content/r2024/03.md", "---\ntitle: 三、存在的不足\n" + Self.bomb + "\n---\n正文\n")
        let errors = try #require(site.buildErrors())
        #expect(errors.contains("content/r2024/03.md:4:10: error: YAML aliases (`*name`) are not allowed"), "\(errors)")
        do {
            _ = try SiteLoader(root: site.root, deferBodies: true).load()
            Issue.record("the loader that leaves bodies on disk did not fail")
        } catch {
            #expect(error.description.contains("content/r2024/03.md:4:10: error: YAML aliases"), "\(error.description)")
        }
    }

    @Test func anAliasInReportYAMLAndAMergeKeyAreErrorsToo() throws {
        let site = try SiteFixture(smallSite)
        try site.write("content/r2024/report.yaml", "base: &b {title: 测试}\n<<: *b\nyear: 2024\n")
        let errors = try #require(site.buildErrors())
        #expect(errors.contains("content/r2024/report.yaml:2:5: error: YAML aliases"), "\(errors)")
    }

    @Test func anAliasBombInIndicatorsYAMLIsAnError() throws {
        let site = try SiteFixture(smallSite)
        try site.write("content/r2024/indicators.yaml", "indicators: []\n" + Self.bomb + "\n")
        let errors = try #require(site.buildErrors())
        #expect(errors.contains("content/r2024/indicators.yaml:3:10: error: YAML aliases (`*name`) are not allowed"), "\(errors)")
    }

    @Test func anAsteriskInTextIsNoAlias() throws {
        let site = try SiteFixture(smallSite)
        try site.write("content/r2024/03.md", "---\ntitle: \"*三、存在的不足*\"\nsummary: 重点 * 说明 &amp; *x\n---\n正文\n")
        try site.build()
        #expect(site.output("r2024/03/index.html")?.contains("*三、存在的不足*") == true)
    }
}
