import Foundation
@testable import GongkaiBuild
import Testing

/// `navHTML` (each top-level item rendered once by `partials/tree-item` and reused across pages) gives the same
/// pages as the theme's plain Mustache loop over `nav`, on the real report, whose sections nest three deep.
@Suite struct NavigationTests {
    @Test func navHTMLEqualsTheMustacheLoopOverNavOnEveryPage() throws {
        let site = try SiteFixture("")
        defer { try? FileManager.default.removeItem(at: site.root) }
        try FileManager.default.copyItem(at: SiteFixture.repositoryRoot.appendingPathComponent("content"), to: site.root.appendingPathComponent("content"))
        let nav = try String(contentsOf: site.root.appendingPathComponent("theme/templates/partials/nav.mustache"), encoding: .utf8)
        #expect(nav.contains("{{{navHTML}}}"))
        let cached = try SiteBuilder(root: site.root, options: BuildOptions()).build().files

        try site.write("theme/templates/partials/nav.mustache",
                       nav.replacingOccurrences(of: "{{{navHTML}}}", with: "{{#nav}}{{> partials/tree-item}}{{/nav}}"))
        let looped = try SiteBuilder(root: site.root, options: BuildOptions()).build().files

        #expect(cached.map(\.path) == looped.map(\.path))
        let differing = zip(cached, looped).filter { $0.0.bytes != $0.1.bytes }.map(\.0.path)
        #expect(differing.isEmpty, "\(differing.prefix(5))")
        let topic = try #require(cached.first { $0.path == "xiangcheng-2024/02/01/index.html" })
        #expect(String(decoding: topic.bytes, as: UTF8.self).contains(#"<li class="current"><a href="../../../xiangcheng-2024/02/01/" aria-current="page">"#))
    }

    @Test func siteMapTreeHTMLEqualsTheMustacheLoopOverTree() throws {
        let site = try SiteFixture("")
        defer { try? FileManager.default.removeItem(at: site.root) }
        try FileManager.default.copyItem(at: SiteFixture.repositoryRoot.appendingPathComponent("content"), to: site.root.appendingPathComponent("content"))
        let sitemap = try String(contentsOf: site.root.appendingPathComponent("theme/templates/sitemap.mustache"), encoding: .utf8)
        #expect(sitemap.contains("{{{treeHTML}}}"))
        let cached = try SiteBuilder(root: site.root, options: BuildOptions()).build().files

        try site.write("theme/templates/sitemap.mustache",
                       sitemap.replacingOccurrences(of: "{{{treeHTML}}}", with: "{{#tree}}{{> partials/tree-item}}{{/tree}}"))
        let looped = try SiteBuilder(root: site.root, options: BuildOptions()).build().files

        let page = { (files: [OutputFile]) in files.first { $0.path == "sitemap/index.html" }.map { String(decoding: $0.bytes, as: UTF8.self) } }
        let fromCache = try #require(page(cached)), fromLoop = try #require(page(looped))
        #expect(fromCache == fromLoop)
        // Three levels deep, every item closed (the site map is no topic's page).
        #expect(fromCache.contains(#"<li><a href="../xiangcheng-2024/02/01/">"#))
        let list = try #require(fromCache.range(of: #"<ul class="sitemap">"#)).lowerBound
        #expect(!fromCache[list...].contains("aria-current") && !fromCache[list...].contains(#"class="current""#))
        #expect(cached.map(\.path) == looped.map(\.path))
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
