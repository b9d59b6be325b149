import Foundation
import Testing
@testable import GongkaiBuild
import GongkaiCore

@Suite struct PublishTests {
    @Test func feedsUseTheBaseURLAndReportDates() throws {
        let site = try SiteFixture(smallSite)
        try site.build()
        let sitemap = try #require(site.output("sitemap.xml"))
        #expect(sitemap.contains("<url><loc>https://www.example.gov.cn/fzzfjs/r2024/02/01/</loc><lastmod>2025-03-20</lastmod></url>"))
        #expect(!sitemap.contains("404"))
        #expect(site.output("robots.txt") == "User-agent: *\nAllow: /\nSitemap: https://www.example.gov.cn/fzzfjs/sitemap.xml\n")
        let feed = try #require(site.output("feed.xml"))
        #expect(feed.contains("<title>测试市2024年法治政府建设年度报告</title>"))
        #expect(feed.contains("<updated>2025-03-20T00:00:00+08:00</updated>"))
        #expect(feed.contains(#"<link rel="self" type="application/atom+xml" href="https://www.example.gov.cn/fzzfjs/feed.xml"/>"#))
    }

    @Test func disclosureMetadataAndHeadMetaTags() throws {
        let site = try SiteFixture(smallSite)
        try site.build()
        let page = try #require(site.output("r2024/full/index.html"))
        for row in ["<th scope=\"row\">索引号</th><td>000-2025-001</td>", "<th scope=\"row\">主题分类</th><td>法治政府建设</td>",
                    "<th scope=\"row\">发布机构</th><td>测试市人民政府</td>", "<th scope=\"row\">成文日期</th><td>2025-02-28</td>",
                    "<th scope=\"row\">发布日期</th><td>2025-03-20</td>"] {
            #expect(page.contains(row), "\(row)")
        }
        // The gov.cn grid always has its 标题 and 文号 rows (issue #30); a 文号 not known reads —, nothing is invented.
        #expect(page.contains("<th scope=\"row\">文号</th><td>—</td>"))
        #expect(page.contains("<th scope=\"row\">标题</th><td colspan=\"3\">测试市2024年法治政府建设年度报告</td>"))
        for tag in [#"<meta name="SiteName" content="测试网站">"#, #"<meta name="SiteDomain" content="www.example.gov.cn">"#,
                    #"<meta name="ColumnName" content="法治政府建设年度报告">"#, #"<meta name="ColumnType" content="法治政府建设">"#,
                    #"<meta name="ArticleTitle" content="全文 – 测试市2024年法治政府建设年度报告">"#,
                    #"<meta name="PubDate" content="2025-03-20 00:00">"#, #"<meta name="ContentSource" content="测试市人民政府">"#,
                    #"<html lang="zh-CN""#] {
            #expect(page.contains(tag), "\(tag)")
        }
    }

    @Test func topicLinksStillWorkInsideTheFullReport() throws {
        let site = try SiteFixture(smallSite)
        let result = try site.build()
        let full = try #require(site.output("r2024/full/index.html"))
        #expect(full.contains(#"<a href="../../r2024/full/#%E4%BA%8C%E4%B8%BB%E8%A6%81%E4%B8%BE%E6%8E%AA%E5%92%8C%E6%88%90%E6%95%88">全文</a>"#))
        let findings = OutputLinkChecker(basePath: "/fzzfjs/").check(result.files)
        #expect(findings.isEmpty, "\(findings)")
    }

    @Test func outputLinkCheckerFindsBrokenTemplateLinksAndUnreachablePages() throws {
        let site = try SiteFixture(smallSite)
        try site.write("theme/templates/partials/footer.mustache", "<footer><a href=\"{{root}}nowhere/\">x</a><a href=\"#no-such-id\">y</a></footer>\n")
        try site.write("theme/templates/partials/nav.mustache", "")
        try site.write("theme/templates/report.mustache", "{{<layout}}{{$content}}<h1>{{report.title}}</h1>{{/content}}{{/layout}}\n")
        for name in ["home", "topic", "sitemap", "full"] {
            try site.write("theme/templates/\(name).mustache", "{{<layout}}{{$content}}<h1>x</h1>{{/content}}{{/layout}}\n")
        }
        let result = try SiteBuilder(root: site.root).build()
        let findings = OutputLinkChecker(basePath: "/fzzfjs/").check(result.files).map(\.description)
        // One finding for the link broken on every page (issue #30): with the theme, at the template line naming it.
        #expect(findings.filter { $0.contains(": no file at /nowhere/ (on 12 pages)") }.count == 1, "\(findings)")
        let atTemplate = OutputLinkChecker(basePath: "/fzzfjs/").check(result.files, theme: result.model.theme).map(\.description)
        #expect(atTemplate.contains { $0.hasPrefix("theme/templates/partials/footer.mustache:1:26: error: link to /nowhere/, which the site does not have, on ") },
                "\(atTemplate)")
        #expect(!atTemplate.contains { $0.contains("nowhere") && $0.hasPrefix("public/") })
        #expect(findings.contains { $0.hasPrefix("public/index.html:1:1: error: broken anchor `#no-such-id`") })
        #expect(findings.contains("public/r2024/03/index.html:1:1: warning: no link reaches this page from the home page"))
    }

    @Test func verifyNamesChangedMissingAndExtraFiles() throws {
        let site = try SiteFixture(smallSite)
        let result = try site.build()
        let deployed = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-deployed-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: site.root.appendingPathComponent("public"), to: deployed)
        #expect(ManifestVerifier(manifest: result.manifest).verify(deployed).isIdentical)
        try Data("tampered".utf8).write(to: deployed.appendingPathComponent("r2024/01/index.html"))
        try FileManager.default.removeItem(at: deployed.appendingPathComponent("404.html"))
        try Data().write(to: deployed.appendingPathComponent("shell.php"))
        let report = ManifestVerifier(manifest: result.manifest).verify(deployed)
        #expect(report.changed == ["r2024/01/index.html"])
        #expect(report.missing == ["404.html"])
        #expect(report.extra == ["shell.php"])
        #expect(result.manifest.digest.count == 64)
    }

    @Test func publishingChecksNameTODOFieldsAtTheirLines() throws {
        let site = try SiteFixture(smallSite)
        try site.write("content/site.yaml", "title: 测试网站\norganisation: TODO\nfooter:\n  site_code: TODO\n")
        let result = try SiteBuilder(root: site.root, publishingChecks: true).build()
        let text = result.diagnostics.map(\.description)
        #expect(text.contains("content/site.yaml:2:15: warning: site config `organisation` is marked TODO; 《政府网站发展指引》 asks every page to show it"))
        #expect(text.contains("content/site.yaml:4:14: warning: site config `footer.site_code` is marked TODO; 《政府网站发展指引》 asks every page to show it"))
        // A plain build does not nag about publishing fields.
        #expect(try SiteBuilder(root: site.root).build().diagnostics.isEmpty)
    }
}

@Suite struct BuildDateTests {
    @Test func pagesCarryNoBuildTimeUnlessSourceDateEpochSetsIt() throws {
        let site = try SiteFixture(smallSite)
        try site.build()
        #expect(!(site.output("index.html") ?? "").contains("本站生成时间"))
        let date = BuildOptions.buildDate(sourceDateEpoch: "1743465600")
        #expect(date == "2025-04-01 08:00")
        try site.build(BuildOptions(buildDate: date))
        #expect((site.output("index.html") ?? "").contains("本站生成时间：2025-04-01 08:00"))
        #expect(BuildOptions.buildDate(sourceDateEpoch: "yesterday") == nil)
    }
}
