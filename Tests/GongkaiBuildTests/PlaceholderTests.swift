import Foundation
import Testing
@testable import GongkaiBuild
import GongkaiCore

/// What `gongkai init` (or an editor) left as a placeholder is reported by the publishing checks, which `check`,
/// `build` and `serve` all run (#27 item 3), each at the line and column of its value.
@Suite struct PlaceholderTests {
    private func warnings(_ site: SiteFixture) throws -> [String] {
        try SiteBuilder(root: site.root, publishingChecks: true).build().diagnostics.filter { $0.severity == .warning }.map(\.description)
    }

    @Test func siteTitleDescriptionKeywordsAndCopyrightLeftTODO() throws {
        let site = try SiteFixture(smallSite)
        try site.write("content/site.yaml", """
        title: TODO
        organisation: 测试市人民政府
        keywords: TODO
        description: TODO
        footer:
          icp:
            text: 豫ICP备00000000号
            url: TODO
          copyright: TODO

        """)
        let found = try warnings(site)
        #expect(found.contains("content/site.yaml:1:8: warning: site config `title` is marked TODO: every page would be published with an empty <title> and no site name; write the site's name (网站名称), e.g. 某某市法治政府建设年度报告"))
        #expect(found.contains { $0.hasPrefix("content/site.yaml:3:11: warning: site config `keywords` (关键词) is marked TODO") })
        #expect(found.contains { $0.hasPrefix("content/site.yaml:4:14: warning: site config `description` (网站描述) is marked TODO") })
        #expect(found.contains { $0.hasPrefix("content/site.yaml:8:10: warning: site config `footer.icp.url` (ICP备案查询链接) is marked TODO") })
        #expect(found.contains { $0.hasPrefix("content/site.yaml:9:14: warning: site config `footer.copyright` (版权信息) is marked TODO") })
        // A field merely left out is not a placeholder: smallSite has no description and no copyright.
        let plain = try warnings(try SiteFixture(smallSite))
        #expect(!plain.contains { $0.contains("`description`") || $0.contains("`footer.copyright`") || $0.contains("`title`") })
    }

    @Test func reportTitleAndOptionalFieldsLeftTODO() throws {
        let site = try SiteFixture(smallSite)
        try site.write("content/r2024/report.yaml", """
        title: TODO
        year: 2024
        publisher: 测试市人民政府
        written: 2025-02-28
        published: 2025-03-20
        document_number: TODO
        index_number: 000-2025-001
        category: 法治政府建设
        validity: TODO
        closing: [特此报告。, TODO]

        """)
        let found = try warnings(site)
        #expect(found.contains { $0.hasPrefix("content/r2024/report.yaml:1:8: warning: report `title` is marked TODO: its pages would be published with an empty title") })
        #expect(found.contains("content/r2024/report.yaml:6:18: warning: report metadata `document_number` (文号) is marked TODO, so it would be left out of the report's pages: fill it in, or delete the line if the report has none"))
        #expect(found.contains { $0.hasPrefix("content/r2024/report.yaml:9:11: warning: report metadata `validity` (有效性) is marked TODO") })
        #expect(found.contains { $0.hasPrefix("content/r2024/report.yaml:10:10: warning: report metadata `closing[2]` (结束语) is marked TODO") })
    }

    @Test func topicTitleSummaryTODOAndInitsPlaceholderSummary() throws {
        let site = try SiteFixture(smallSite)
        try site.write("content/r2024/01.md", "---\ntitle: TODO\norder: 1\nsummary: TODO\n---\n市委主要领导带头学法16次。\n")
        try site.write("content/r2024/03.md", "---\ntitle: 三、存在的不足\nsummary: 一句话概述（可选）\n---\n不足。\n")
        let found = try warnings(site)
        #expect(found.contains { $0.hasPrefix("content/r2024/01.md:2:8: warning: topic `title` is marked TODO: its page would be published with an empty title") })
        #expect(found.contains { $0.hasPrefix("content/r2024/01.md:4:10: warning: topic `summary` is marked TODO") })
        #expect(found.contains("content/r2024/03.md:3:10: warning: topic `summary` is still the placeholder `一句话概述（可选）` that `gongkai init` wrote, which would be published as the page's description: write one sentence about this part, or delete the line"))
    }

    @Test func initsExampleReportIsRecognisedByItsFolderOrItsTitle() throws {
        let site = try SiteFixture(smallSite)
        // Copied to another folder: known by its title.
        try site.write("content/copy/report.yaml", "year: 2025\ntitle: 示例市2025年法治政府建设年度报告\n")
        try site.write("content/copy/01.md", "---\ntitle: 一、示例\n---\n示例段落。\n")
        // Its own folder, the title already changed: known by the folder.
        try site.write("content/example-2025/report.yaml", "title: 某县2025年法治政府建设年度报告\nyear: 2025\n")
        try site.write("content/example-2025/01.md", "---\ntitle: 一、示例\n---\n示例段落。\n")
        let found = try warnings(site)
        #expect(found.contains("content/copy/report.yaml:2:8: warning: the example report of `gongkai init` is still here: remove content/copy/ before publishing"))
        #expect(found.contains("content/example-2025/report.yaml:1:8: warning: the example report of `gongkai init` is still here: remove content/example-2025/ before publishing"))
        #expect(!found.contains { $0.contains("content/r2024/") && $0.contains("example report") })
    }

    /// A new site, built as `gongkai build` builds it (`write(to:)`, streaming): every placeholder init writes is named.
    @Test func aNewSiteBuiltAsItIsNamesEveryPlaceholder() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-init-\(UUID().uuidString)")
        _ = try SiteInitializer(directory: dir).run()
        let report = try SiteBuilder(root: dir, publishingChecks: true).write()
        let found = report.diagnostics.map(\.description)
        #expect(found.contains { $0.hasPrefix("content/example-2025/report.yaml:3:8: warning: the example report of `gongkai init` is still here") })
        #expect(found.contains { $0.hasPrefix("content/example-2025/01.md:4:10: warning: topic `summary` is still the placeholder") })
        #expect(found.contains { $0.hasPrefix("content/site.yaml:4:8: warning: site config `title` is marked TODO") })
        #expect(found.contains { $0.hasPrefix("content/site.yaml:12:14: warning: site config `description` (网站描述) is marked TODO") })
        #expect(found.contains { $0.hasPrefix("content/site.yaml:32:14: warning: site config `footer.copyright` (版权信息) is marked TODO") })
        #expect(found.contains { $0.hasPrefix("content/example-2025/report.yaml:9:18: warning: report metadata `document_number` (文号) is marked TODO") })
        #expect(report.diagnostics.allSatisfy { $0.severity != .error })
    }

    /// The real site in content/: every warning the checks give is a real gap, none is a placeholder of init's.
    @Test func theRealSiteHasNoPlaceholderOfInits() throws {
        let found = try SiteBuilder(root: SiteFixture.repositoryRoot, publishingChecks: true).build().diagnostics.map(\.message)
        #expect(!found.contains { $0.contains("example report") || $0.contains("placeholder") || $0.contains("`title` is marked TODO") })
    }

    /// A body edit elsewhere is still rebuilt alone when another file has warnings, and those warnings are kept.
    @Test func anIncrementalRebuildKeepsTheWarningsOfOtherFiles() throws {
        let site = try SiteFixture(smallSite)
        try site.write("content/r2024/03.md", "---\ntitle: 三、存在的不足\nsummary: 一句话概述（可选）\n---\n不足。\n")
        let builder = SiteBuilder(root: site.root, publishingChecks: true, keepsState: true)
        let first = try builder.build()
        let before = first.diagnostics.map(\.description)
        #expect(before.contains { $0.hasPrefix("content/r2024/03.md:3:10: warning: topic `summary` is still the placeholder") })
        try site.write("content/r2024/01.md", "---\ntitle: 一、主要负责人履行职责情况\n---\n市委主要领导带头学法18次。\n")
        let quick = try #require(builder.rebuild(after: first, changing: ["content/r2024/01.md"]))
        #expect(quick.diagnostics.map(\.description) == before)
        #expect(quick.diagnostics.map(\.description) == (try builder.build()).diagnostics.map(\.description))
    }
}

@Suite struct WarningSummaryTests {
    private func warning(_ n: Int) -> Diagnostic {
        .warning(PublishText.topicSummaryTODO(), at: SourceLocation(path: "content/r/0\(n).md", line: 4, column: 10))
    }

    @Test func theCountTheFirstFiveAndHowManyMore() {
        let summary = WarningSummary((1...7).map(warning) + [.note(PublishText.noWarningsLeft(), at: SourceLocation(path: "x", line: 1, column: 1))])
        let lines = summary.text(.english).split(separator: "\n").map(String.init)
        #expect(lines.count == 7)
        #expect(lines[0] == "7 warnings:")
        #expect(lines[1].hasPrefix("content/r/01.md:4:10: warning: topic `summary` is marked TODO"))
        #expect(lines[5].hasPrefix("content/r/05.md:4:10: warning:"))
        #expect(lines[6] == "… and 2 more: run `gongkai check` to see them all")
        #expect(WarningSummary([warning(1)]).text(.english).hasPrefix("1 warning:\ncontent/r/01.md"))
        #expect(WarningSummary([]).text(.english) == "")
    }

    @Test func inChinese() {
        let lines = WarningSummary((1...6).map(warning)).text(.chinese).split(separator: "\n").map(String.init)
        #expect(lines[0] == "6 个警告：")
        #expect(lines[1] == "content/r/01.md:4:10: 警告: 本节 `summary` 仍是 TODO：请用一句话概述这一部分（用作页面描述），或删除这一行")
        #expect(lines.last == "……还有 1 个：运行 `gongkai check` 查看全部")
    }

    @Test func aRebuildShowsTheCountAndOnlyTheNewOnes() {
        let before = WarningSummary([warning(1), warning(2)])
        #expect(WarningSummary([warning(1), warning(2), warning(3)]).text(since: before, .english)
                == "3 warnings, 1 new:\n" + warning(3).line(.english) + "\n")
        #expect(WarningSummary([warning(2), warning(1)]).text(since: before, .english) == "2 warnings, none new\n")
        #expect(WarningSummary([]).text(since: before, .english) == "no warnings left\n")
        #expect(WarningSummary([]).text(since: WarningSummary([]), .english) == "")
    }

    @Test func catalogueParity() {
        #expect(CatalogueAudit.problems(in: PublishText.self) == [])
    }
}
