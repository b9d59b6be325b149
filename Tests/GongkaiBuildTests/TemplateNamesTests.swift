import Foundation
@testable import GongkaiBuild
import Testing

/// A page's values that none of its templates names are not made (`Theme.namesReachable`): which names a page's
/// templates reach, and that a theme naming a value on a page where the default theme does not still gets it.
@Suite struct TemplateNamesTests {
    @Test func namesReachFromAPageThroughItsPartialsAndParents() throws {
        let theme = try Theme.load(from: SiteFixture.repositoryRoot.appendingPathComponent("theme"), displayPath: "theme")
        let topic = try #require(theme.namesReachable(from: "topic"))
        // topic.mustache itself, its parent `layout`, the partials `layout` names, and `partials/nav` (which names
        // report.years), each part of a dotted path.
        #expect(topic.isSuperset(of: ["topic", "bodyHTML", "report", "title", "lang", "palette", "breadcrumbs", "navHTML", "years", "hasYears"]))
        // The report page's 信息公开要素, meta rows and opening are named by report.mustache and partials/meta only.
        #expect(topic.isDisjoint(with: ["metaGrid", "meta", "hasMeta", "openingHTML", "salutation", "closing", "attachments"]))
        let report = try #require(theme.namesReachable(from: "report"))
        #expect(report.isSuperset(of: ["metaGrid", "cells", "openingHTML", "salutation", "attachments", "sha256"]))
        #expect(Set(Theme.tagNames(in: "{{#report.metaGrid}}{{lowercased(a.b.c)}}{{/report.metaGrid}}", everyPart: true))
                == ["report", "metaGrid", "lowercased", "a", "b", "c"])
        #expect(Theme.partialNames(in: "{{<layout}}{{$x}}{{> partials/nav }}{{/x}}{{/layout}}") == ["layout", "partials/nav"])
    }

    @Test func aTemplateWhoseTagsCannotBeListedReachesEverything() throws {
        let site = try SiteFixture(smallSite)
        defer { try? FileManager.default.removeItem(at: site.root) }
        // A page's own tags are all it has when it names no partial.
        try site.write("theme/templates/404.mustache", "<h1>{{page.title}}</h1>")
        let plain = try Theme.load(from: site.root.appendingPathComponent("theme"), displayPath: "theme")
        #expect(plain.namesReachable(from: "404") == ["page", "title"])
        // Changed delimiters: its tags cannot be listed, so the page may look up anything (and is given everything).
        try site.write("theme/templates/topic.mustache", "{{=<% %>=}}<h1><%page.title%></h1><%#report.metaGrid%><%#cells%><%label%>=<%value%>;<%/cells%><%/report.metaGrid%>")
        let theme = try Theme.load(from: site.root.appendingPathComponent("theme"), displayPath: "theme")
        #expect(theme.namesReachable(from: "topic") == nil)
        #expect(theme.namesReachable(from: "report") != nil)
        _ = try site.build()
        let topic = try #require(site.output("r2024/01/index.html"))
        #expect(topic.hasPrefix("<h1>一、主要负责人履行职责情况</h1>索引号=000-2025-001;主题分类=法治政府建设;"))
    }

    @Test func aThemeNamingTheReportsGridOnTopicPagesGetsIt() throws {
        let site = try SiteFixture(smallSite)
        defer { try? FileManager.default.removeItem(at: site.root) }
        let original = try String(contentsOf: site.root.appendingPathComponent("theme/templates/topic.mustache"), encoding: .utf8)
        _ = try site.build()
        let before = try #require(site.output("r2024/01/index.html"))
        #expect(!before.contains("000-2025-001"))

        let grid = "<dl class=\"grid\">{{#report.metaGrid}}{{#cells}}<dt>{{label}}</dt><dd>{{value}}</dd>{{/cells}}{{/report.metaGrid}}</dl>"
            + "{{#report.closing}}<p class=\"closing\">{{.}}</p>{{/report.closing}}<div class=\"opening\">{{{report.openingHTML}}}</div>"
        try site.write("theme/templates/topic.mustache", original.replacingOccurrences(of: "{{{topic.bodyHTML}}}", with: "{{{topic.bodyHTML}}}\n" + grid))
        _ = try site.build()
        let after = try #require(site.output("r2024/01/index.html"))
        #expect(after.contains("<dt>索引号</dt><dd>000-2025-001</dd>"))
        #expect(after.contains("<dt>主题分类</dt><dd>法治政府建设</dd>"))
        #expect(after.contains(#"<p class="closing">特此报告。</p><p class="closing">2025年2月28日</p>"#))
        #expect(after.contains("2024年,测试市坚持依法行政。"))
    }
}
