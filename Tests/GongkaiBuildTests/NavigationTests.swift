import Foundation
@testable import GongkaiBuild
import Testing

/// `navHTML` (each top-level item rendered once by `partials/tree-item` and reused across pages) gives the same
/// pages as the theme's plain Mustache loop over `nav`, on the real report, whose sections nest three deep.
@Suite struct NavigationTests {
    /// The real site built with the default theme, then with `cachedTag` in `template` replaced by `loop`: both
    /// builds' files, after checking that the default theme uses `cachedTag` and that every file is the same.
    private static func realSiteBuiltBothWays(_ template: String, cachedTag: String, loop: String) throws -> (cached: [OutputFile], looped: [OutputFile]) {
        let site = try SiteFixture("")
        defer { try? FileManager.default.removeItem(at: site.root) }
        try FileManager.default.copyItem(at: SiteFixture.repositoryRoot.appendingPathComponent("content"), to: site.root.appendingPathComponent("content"))
        let text = try String(contentsOf: site.root.appendingPathComponent("theme/templates/\(template).mustache"), encoding: .utf8)
        #expect(text.contains(cachedTag))
        let cached = try SiteBuilder(root: site.root, options: BuildOptions()).build().files
        try site.write("theme/templates/\(template).mustache", text.replacingOccurrences(of: cachedTag, with: loop))
        let looped = try SiteBuilder(root: site.root, options: BuildOptions()).build().files
        #expect(cached.map(\.path) == looped.map(\.path))
        let differing = zip(cached, looped).filter { $0.0.bytes != $0.1.bytes }.map(\.0.path)
        #expect(differing.isEmpty, "\(differing.prefix(5))")
        return (cached, looped)
    }

    @Test func navHTMLEqualsTheMustacheLoopOverNavOnEveryPage() throws {
        let (cached, _) = try Self.realSiteBuiltBothWays("partials/nav", cachedTag: "{{{navHTML}}}", loop: "{{#nav}}{{> partials/tree-item}}{{/nav}}")
        let topic = try #require(cached.first { $0.path == "xiangcheng-2024/02/01/index.html" })
        #expect(String(decoding: topic.bytes, as: UTF8.self).contains(#"<li class="current"><a href="../../../xiangcheng-2024/02/01/" aria-current="page">"#))
    }

    @Test func siteMapTreeHTMLEqualsTheMustacheLoopOverTree() throws {
        let (cached, looped) = try Self.realSiteBuiltBothWays("sitemap", cachedTag: "{{{treeHTML}}}", loop: "{{#tree}}{{> partials/tree-item}}{{/tree}}")
        let page = { (files: [OutputFile]) in files.first { $0.path == "sitemap/index.html" }.map { String(decoding: $0.bytes, as: UTF8.self) } }
        let fromCache = try #require(page(cached)), fromLoop = try #require(page(looped))
        #expect(fromCache == fromLoop)
        // Three levels deep, every item closed (the site map is no topic's page).
        #expect(fromCache.contains(#"<li><a href="../xiangcheng-2024/02/01/">"#))
        let list = try #require(fromCache.range(of: #"<ul class="sitemap">"#)).lowerBound
        #expect(!fromCache[list...].contains("aria-current") && !fromCache[list...].contains(#"class="current""#))
    }

    @Test func templateTagNamesListWhatTemplatesReferTo() {
        let text = "{{page.title}} {{{ navHTML }}} {{& raw}} {{#nav}}{{> partials/tree-item}}{{/nav}} {{^empty}}x{{/empty}} {{! note}} {{uppercase(site.title)}} {{$block}}{{/block}}"
        #expect(Set(Theme.tagNames(in: text)) == ["page", "navHTML", "raw", "nav", "empty", "uppercase", "site"])
        #expect(Set(Theme.tagNames(in: "{{lowercased(first(report.toc))}}")) == ["lowercased", "first", "report"])
    }

    @Test func theDefaultThemeNoLongerLoopsOverNav() throws {
        let theme = try Theme.load(from: SiteFixture.repositoryRoot.appendingPathComponent("theme"), displayPath: "theme")
        #expect(theme.usesNavHTML)
        #expect(!theme.references("nav") && !theme.references("tree"))
        #expect(theme.references("page") && theme.references("topic"))
    }
}
