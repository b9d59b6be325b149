import Foundation
import Testing
@testable import GongkaiBuild
import GongkaiCore

/// A site with two years of one series, so that year-over-year tables and charts appear. The 2023 report is
/// synthetic (a test fixture); content/ holds only real reports.
let twoYearSite = smallSite + """

-- content/r2024/indicators.yaml --
indicators:
  - id: xuefa
    topic: "01"
    label: 学法
    value: 16
    unit: 次
    written: 16次
    quote: 市委主要领导带头学法16次
    key: true
  - id: zwfw-shixiang
    topic: "02/02"
    label: 政务服务事项
    value: 2530
    unit: 项
    written: 2530项
    quote: 全市梳理政务服务事项2530项
    key: true
-- content/r2023/report.yaml --
title: 测试市2023年法治政府建设年度报告
year: 2023
series: 法治政府建设年度报告
publisher: 测试市人民政府
written: 2024-02-28
-- content/r2023/01.md --
---
title: 一、政务服务
---
全市梳理政务服务事项2400项。
-- content/r2023/indicators.yaml --
indicators:
  - id: zwfw-shixiang
    topic: "01"
    label: 政务服务事项
    value: 2400
    unit: 项
    written: 2400项
    quote: 全市梳理政务服务事项2400项
"""

@Suite struct IndicatorPagesTests {
    @Test func topicPageShowsItsTableLinkedToMarkedSentences() throws {
        let site = try SiteFixture(twoYearSite)
        try site.build()
        let page = try #require(site.output("r2024/01/index.html"))
        #expect(page.contains(#"<span class="figure-quote" id="fig-xuefa">市委主要领导带头学法16次</span>"#))
        #expect(page.contains(##"<th scope="row">学法</th><td class="num">16次</td><td><a href="#fig-xuefa""##))
        #expect(page.contains(#"<caption id="indicators-caption">本节指标（1项）</caption>"#))
        #expect(page.contains(#"<a href="../../r2024/indicators.csv">CSV</a>"#))
    }

    @Test func yearOverYearTableAndChart() throws {
        let site = try SiteFixture(twoYearSite)
        try site.build()
        let page = try #require(site.output("r2024/02/02/index.html"))
        #expect(page.contains("<svg"))
        #expect(page.contains(#"role="img""#))
        #expect(page.contains("<th scope=\"row\">2023年</th><td class=\"num\">2400项</td>"))
        #expect(page.contains("<th scope=\"row\">2024年</th><td class=\"num\">2530项</td><td class=\"num\">+130项</td>"))
        let svgStart = try #require(page.range(of: "<svg"))
        let svgEnd = try #require(page.range(of: "</svg>", range: svgStart.upperBound..<page.endIndex))
        #expect(!page[svgStart.lowerBound..<svgEnd.upperBound].contains("script"), "charts need no script")
        // The 2023 report alone has no earlier year to compare with.
        #expect(!(site.output("r2023/01/index.html") ?? "").contains("历年对比"))
    }

    @Test func overviewAndIndicatorsPageAndOpenData() throws {
        let site = try SiteFixture(twoYearSite)
        try site.build()
        let overview = try #require(site.output("r2024/index.html"))
        #expect(overview.contains(#"<a href="../r2024/02/02/#fig-zwfw-shixiang"><span class="figure">2530项</span>"#))
        let list = try #require(site.output("r2024/indicators/index.html"))
        #expect(list.contains("本报告共有 2 项量化指标"))
        #expect(list.contains(#"<a href="../../r2024/01/#fig-xuefa">见原文</a>"#))
        let csv = try #require(FileManager.default.contents(atPath: site.root.appendingPathComponent("public/r2024/indicators.csv").path))
        #expect(Array(csv.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(String(decoding: csv, as: UTF8.self).contains("zwfw-shixiang"))
        let manifest = try #require(site.output("manifest.json"))
        #expect(manifest.contains("\"path\" : \"r2024/indicators.json\""))
    }

    @Test func theModelKeepsNoMarkdownAndMakesTopicTextsFromTheHTMLWhenAsked() throws {
        let site = try SiteFixture(twoYearSite)
        let result = try site.build()
        let report = try #require(result.model.report("r2024"))
        #expect(report.topics.allSatisfy { $0.source.body.text.isEmpty })
        #expect(report.openingSource.map { $0.text.isEmpty } ?? true)
        let bodies = try #require(result.state.bodies(ofReport: "r2024"))
        let first = try #require(report.position(of: "01"))
        #expect(bodies.excerpt(first).hasPrefix("市委"), "\(bodies.excerpt(first))")
        let texts = bodies.topicTexts(of: report, only: ["01"])
        #expect(Set(texts.keys) == Set(report.topics.map(\.id) + (bodies.opening == nil ? [] : ["_index"])))
        #expect(texts["01"]?.contains("市委主要领导带头学法16次") == true)
        #expect(texts.filter { $0.key != "01" }.allSatisfy { $0.value.isEmpty })
        #expect(bodies.topicTexts(of: report)["01"] == texts["01"])
    }

    @Test func aQuoteThatIsNotInTheTextFailsTheBuildAtTheDataLine() throws {
        let site = try SiteFixture(twoYearSite)
        try site.build()
        let before = site.snapshot()
        let yaml = try #require(String(data: FileManager.default.contents(atPath: site.root.appendingPathComponent("content/r2024/indicators.yaml").path) ?? Data(), encoding: .utf8))
        try site.write("content/r2024/indicators.yaml", yaml.replacingOccurrences(of: "quote: 市委主要领导带头学法16次", with: "quote: 市委主要领导带头学法17次"))
        let errors = try #require(site.buildErrors())
        #expect(errors.contains("content/r2024/indicators.yaml:8:12: error: quote of 学法 (`xuefa`) not found in topic 01"), "\(errors)")
        #expect(site.snapshot() == before)
    }
}
