import Foundation
import Testing
@testable import GongkaiBuild
import GongkaiCore

/// Issue #31, 5: a missing or misspelt report.yaml unpublished a report silently (exit 0, 34 files removed).
@Suite struct UnpublishWarningTests {
    @Test func aReportTheLastBuildPublishedIsNamedWhenItGoes() throws {
        let site = try SiteFixture(smallSite)
        _ = try SiteBuilder(root: site.root).write()
        #expect(site.output("r2024/index.html") != nil)
        // report.yaml renamed, as a slip: the folder is no report any more.
        try FileManager.default.moveItem(at: site.root.appendingPathComponent("content/r2024/report.yaml"),
                                         to: site.root.appendingPathComponent("content/r2024/report.yml"))
        try site.write("content/r2023/report.yaml", "title: 测试市2023年法治政府建设年度报告\nyear: 2023\n")
        try site.write("content/r2023/01.md", "---\ntitle: 一、工作\n---\n正文。\n")
        let report = try SiteBuilder(root: site.root).write()
        let warnings = report.diagnostics.map(\.description)
        #expect(warnings.contains { $0.hasPrefix("content/r2024:1:1: warning: content/r2024 has Markdown files but no report.yaml, so it is not published (it has `report.yml`: the name must be exactly report.yaml)") })
        #expect(warnings.contains { $0.hasPrefix("content/r2024:1:1: warning: report `r2024` was published by the previous build (") && $0.contains("files) and is not in this one") })
        #expect(site.output("r2024/index.html") == nil)
        // The next build has nothing more to say about it.
        let again = try SiteBuilder(root: site.root).write().diagnostics.map(\.description)
        #expect(!again.contains { $0.contains("was published by the previous build") })
        #expect(again.contains { $0.contains("has Markdown files but no report.yaml") })
    }
}
