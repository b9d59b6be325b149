import Foundation
import Testing
@testable import GongkaiBuild
import GongkaiCore

/// `SiteBuilder.rebuild(after:changing:)`: an edited topic body is rebuilt alone, and the result is exactly what a
/// whole build gives; anything outside that fast path asks for a whole build.
@Suite struct IncrementalRebuildTests {
    private func builder(_ site: SiteFixture) -> SiteBuilder { SiteBuilder(root: site.root, keepsState: true) }

    private func expectSameFiles(_ a: SiteBuilder.Result, _ b: SiteBuilder.Result) {
        #expect(a.files.map(\.path) == b.files.map(\.path))
        for (x, y) in zip(a.files, b.files) where x.bytes != y.bytes {
            Issue.record("\(x.path) differs from a whole build")
        }
        #expect(a.manifest == b.manifest)
    }

    @Test func editedBodyGivesExactlyTheWholeBuildsFiles() throws {
        let site = try SiteFixture(twoYearSite)
        let first = try builder(site).build()
        #expect(first.state.search != nil)
        try site.write("content/r2024/02/01.md", """
        ---
        title: (一)深入学习贯彻习近平法治思想。
        ---
        一是编制权责清单。见[全文](../../full/#二主要举措和成效)。新增根治欠薪内容。

        ## 1.深化行政执法体制改革。

        一是理顺职责,二是减少层级。
        """)
        let quick = try #require(builder(site).rebuild(after: first, changing: ["content/r2024/02/01.md"]))
        let whole = try builder(site).build()
        expectSameFiles(quick, whole)
        let changed = try #require(quick.changedPaths)
        #expect(changed.contains("r2024/02/01/index.html"))
        #expect(changed.contains("r2024/full/index.html"))
        #expect(changed.contains("manifest.json"))
        #expect(changed.contains { $0.hasPrefix("search/d/") })
        #expect(!changed.contains("index.html"))
        #expect(!changed.contains { $0.hasPrefix("r2023/") })

        // A second edit on top of the first, in the topic that holds an indicator's quote.
        try site.write("content/r2024/01.md", "---\ntitle: 一、主要负责人履行职责情况\n---\n市委主要领导带头学法16次,听取汇报4次。\n")
        let again = try #require(builder(site).rebuild(after: quick, changing: ["content/r2024/01.md"]))
        expectSameFiles(again, try builder(site).build())
    }

    @Test func anEditThatChangesNothingWritesNothing() throws {
        let site = try SiteFixture(twoYearSite)
        let first = try builder(site).build()
        let same = try #require(builder(site).rebuild(after: first, changing: ["content/r2024/01.md"]))
        #expect(same.changedPaths == [])
        expectSameFiles(same, first)
    }

    @Test func changesOutsideTheFastPathAskForAWholeBuild() throws {
        let site = try SiteFixture(twoYearSite)
        let first = try builder(site).build()
        // A new title changes navigation on every page of the report.
        try site.write("content/r2024/03.md", "---\ntitle: 三、新的标题\n---\n正文。\n")
        #expect(builder(site).rebuild(after: first, changing: ["content/r2024/03.md"]) == nil)
        // A new heading adds an anchor other pages could link to.
        try site.write("content/r2024/02/02.md", "---\ntitle: (二)推动政府更好发挥职能作用。\n---\n全市梳理政务服务事项2530项。\n\n## 新小节\n\n内容。\n")
        #expect(builder(site).rebuild(after: first, changing: ["content/r2024/02/02.md"]) == nil)
        // A broken indicator quote is an error the whole build reports.
        try site.write("content/r2024/01.md", "---\ntitle: 一、主要负责人履行职责情况\n---\n市委主要领导带头学法17次。\n")
        #expect(builder(site).rebuild(after: first, changing: ["content/r2024/01.md"]) == nil)
        // A broken link, too.
        try site.write("content/r2024/01.md", "---\ntitle: 一、主要负责人履行职责情况\n---\n市委主要领导带头学法16次。见[此处](../nowhere/)。\n")
        #expect(builder(site).rebuild(after: first, changing: ["content/r2024/01.md"]) == nil)
        // Several files, a report's metadata, the theme: whole builds.
        #expect(builder(site).rebuild(after: first, changing: ["content/r2024/01.md", "content/r2024/03.md"]) == nil)
        #expect(builder(site).rebuild(after: first, changing: ["content/r2024/report.yaml"]) == nil)
        #expect(builder(site).rebuild(after: first, changing: ["theme/templates/topic.mustache"]) == nil)
    }
}
