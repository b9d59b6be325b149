import Foundation
import Testing
@testable import GongkaiBuild
import GongkaiCore

/// Three years of one publisher (测试市 2022–2024) and two other publishers (商水县 2024, 河南省 2023) in one site, all
/// with positional ids (`01-1`) as the importer used to draft them: the ids collide across publishers, and 测试市's
/// 2022 figure `01-2` is in another unit than 2024's. Issue #25: no figure is shown that the reports do not support.
let seriesSite = """
-- content/site.yaml --
title: 法治政府建设
base_url: https://www.example.gov.cn/fzzfjs/
organisation: 测试市人民政府
-- content/cs-2024/report.yaml --
title: 测试市2024年法治政府建设年度报告
year: 2024
series: 法治政府建设年度报告
publisher: 测试市人民政府
written: 2025-02-28
published: 2025-03-20
-- content/cs-2024/01.md --
---
title: 一、主要举措
---
全市梳理政务服务事项2530项。召开专题会议6次。开展培训140余场次。
-- content/cs-2024/indicators.yaml --
indicators:
  - {id: 01-1, topic: "01", label: 梳理政务服务事项, value: 2530, unit: 项, written: 2530项, quote: 全市梳理政务服务事项2530项, key: true}
  - {id: 01-2, topic: "01", label: 召开专题会议, value: 6, unit: 次, written: 6次, quote: 召开专题会议6次, key: true}
  - {id: 01-3, topic: "01", label: 开展培训, value: 140, unit: 场次, qualifier: 余, written: 140余场次, quote: 开展培训140余场次, key: true}
-- content/cs-2023/report.yaml --
title: 测试市2023年法治政府建设年度报告
year: 2023
series: 法治政府建设年度报告
publisher: 测试市人民政府
written: 2024-02-28
published: 2024-03-20
-- content/cs-2023/01.md --
---
title: 一、主要举措
---
全市梳理政务服务事项2400项。召开专题会议6次。开展培训120场次。
-- content/cs-2023/indicators.yaml --
indicators:
  - {id: 01-1, topic: "01", label: 梳理政务服务事项, value: 2400, unit: 项, written: 2400项, quote: 全市梳理政务服务事项2400项}
  - {id: 01-2, topic: "01", label: 召开专题会议, value: 6, unit: 次, written: 6次, quote: 召开专题会议6次}
  - {id: 01-3, topic: "01", label: 开展培训, value: 120, unit: 场次, written: 120场次, quote: 开展培训120场次}
-- content/cs-2022/report.yaml --
title: 测试市2022年法治政府建设年度报告
year: 2022
series: 法治政府建设年度报告
publisher: 测试市人民政府
written: 2023-02-28
published: 2023-03-20
-- content/cs-2022/01.md --
---
title: 一、主要举措
---
全市梳理政务服务事项2300项。设立专题会议3个。
-- content/cs-2022/indicators.yaml --
indicators:
  - {id: 01-1, topic: "01", label: 梳理政务服务事项, value: 2300, unit: 项, written: 2300项, quote: 全市梳理政务服务事项2300项}
  - {id: 01-2, topic: "01", label: 设立专题会议, value: 3, unit: 个, written: 3个, quote: 设立专题会议3个}
-- content/sx-2024/report.yaml --
title: 商水县2024年法治政府建设年度报告
year: 2024
series: 法治政府建设年度报告
publisher: 商水县人民政府
written: 2025-03-01
published: 2025-03-25
-- content/sx-2024/01.md --
---
title: 一、学习贯彻
---
学习贯彻党的二十届三中全会精神。
-- content/sx-2024/indicators.yaml --
indicators:
  - {id: 01-1, topic: "01", label: 学习贯彻, value: 20, unit: 届, written: 二十届, quote: 学习贯彻党的二十届三中全会精神, key: true}
-- content/hn-2023/report.yaml --
title: 河南省2023年法治政府建设年度报告
year: 2023
series: 法治政府建设年度报告
publisher: 河南省人民政府
written: 2024-03-10
published: 2024-03-28
-- content/hn-2023/01.md --
---
title: 一、行政复议
---
全省办理行政复议案件126个。
-- content/hn-2023/indicators.yaml --
indicators:
  - {id: 01-1, topic: "01", label: 办理行政复议案件, value: 126, unit: 个, written: 126个, quote: 全省办理行政复议案件126个}
"""

@Suite struct SeriesSiteTests {
    /// Built as `gongkai build` builds (SiteBuilder.write), then read back from public/.
    private static func built() throws -> SiteFixture {
        let site = try SiteFixture(seriesSite)
        _ = try SiteBuilder(root: site.root).write()
        return site
    }

    @Test func otherPublishersAreNeverCompared() throws {
        let site = try Self.built()
        // 商水县 2024 and 河南省 2023 share the id 01-1 with 测试市 but not its publisher: no comparison at all.
        let shangshui = try #require(site.output("sx-2024/01/index.html"))
        #expect(!shangshui.contains("历年对比"))
        #expect(!shangshui.contains("2023年"))
        #expect(!shangshui.contains("126个") && !shangshui.contains("2530项"))
        let henan = try #require(site.output("hn-2023/01/index.html"))
        #expect(!henan.contains("历年对比"))
        #expect(!(site.output("sx-2024/index.html") ?? "").contains("figure-change"))
        #expect(!(site.output("sx-2024/index.html") ?? "").contains("历年报告"))
    }

    @Test func onePublishersYearsAreComparedInComparableUnits() throws {
        let site = try Self.built()
        let page = try #require(site.output("cs-2024/01/index.html"))
        #expect(page.contains("历年对比"))
        // 梳理政务服务事项: three years, in order, with changes.
        #expect(page.contains(#"<th scope="row">2022年</th><td class="num">2300项</td><td class="num">—</td>"#))
        #expect(page.contains(#"<th scope="row">2023年</th><td class="num">2400项</td><td class="num">+100项</td>"#))
        #expect(page.contains(#"<th scope="row">2024年</th><td class="num">2530项</td><td class="num">+130项</td>"#))
        // 01-2: 2022's 3个 cannot be compared with 6次: left out, 2023 → 2024 unchanged.
        #expect(!page.contains("3个"))
        #expect(page.contains(#"<th scope="row">2024年</th><td class="num">6次</td><td class="num">持平</td>"#))
        // 140余场次 is not exact: no change computed from it.
        #expect(page.contains(#"<th scope="row">2024年</th><td class="num">140余场次</td><td class="num">—（约数，不计算）</td>"#))
        #expect(!page.contains("+20场次"))
        // The 2023 page compares only with 2022 (never a later year).
        let earlier = try #require(site.output("cs-2023/01/index.html"))
        #expect(earlier.contains(#"<th scope="row">2023年</th><td class="num">2400项</td><td class="num">+100项</td>"#))
        #expect(!earlier.contains("2530项"))
    }

    @Test func keyCardsShowTheChangeFromThePreviousYear() throws {
        let site = try Self.built()
        let overview = try #require(site.output("cs-2024/index.html"))
        #expect(overview.contains(#"<span class="figure-change">较2023年 +130项</span>"#))
        #expect(overview.contains(#"<span class="figure-change">较2023年 持平</span>"#))
        #expect(overview.contains(#"<span class="figure-change">2023年：120场次</span>"#))  // approximate: the figure, no change
        // 历年主要指标 on the indicators page: every year of the series, 2022's incomparable 3个 left out.
        let indicators = try #require(site.output("cs-2024/indicators/index.html"))
        #expect(indicators.contains("历年主要指标"))
        #expect(indicators.contains(#"<caption id="series-caption">主要指标（2022—2024年）</caption>"#))
        #expect(indicators.contains(#"<tr><th scope="row">梳理政务服务事项</th><td class="num">2300项</td><td class="num">2400项</td><td class="num">2530项</td></tr>"#))
        #expect(indicators.contains(#"<tr><th scope="row">召开专题会议</th><td class="num">—</td><td class="num">6次</td><td class="num">6次</td></tr>"#))
    }

    @Test func reportPagesLinkToThePublishersOtherYears() throws {
        let site = try Self.built()
        let overview = try #require(site.output("cs-2023/index.html"))
        #expect(overview.contains("历年报告"))
        #expect(overview.contains(#"<a href="../cs-2024/">测试市2024年法治政府建设年度报告</a>"#))
        #expect(overview.contains(#"<a href="../cs-2022/">测试市2022年法治政府建设年度报告</a>"#))
        #expect(overview.contains("<strong>测试市2023年法治政府建设年度报告</strong>（本报告）"))
        #expect(!overview.contains("商水县2024年"))
        // Every page of the report has them in its navigation.
        let topic = try #require(site.output("cs-2023/01/index.html"))
        #expect(topic.contains(#"<a href="../../cs-2022/" title="测试市2022年法治政府建设年度报告">2022年</a>"#))
        #expect(topic.contains("<strong>2023年</strong>"))
    }

    @Test func homeGroupsReportsByPublisherAndYear() throws {
        let site = try Self.built()
        let home = try #require(site.output("index.html"))
        let names = ["测试市人民政府", "商水县人民政府", "河南省人民政府"].map { "<h3 class=\"publisher-name\">\($0)</h3>" }
        let positions = try names.map { try #require(home.range(of: $0)).lowerBound }
        #expect(positions == positions.sorted())
        let cs = try #require(home.range(of: names[0])), sx = try #require(home.range(of: names[1]))
        let csList = home[cs.upperBound..<sx.lowerBound]
        #expect(csList.contains("测试市2024年") && csList.contains("测试市2023年") && csList.contains("测试市2022年"))
        #expect(!csList.contains("商水县"))
    }

    @Test func searchNamesTheReportAndCanBeNarrowedToOne() throws {
        let site = try Self.built()
        let search = try #require(site.output("search/index.html"))
        // Documents are numbered report by report (newest first, then by folder): each report's overview and topics.
        #expect(search.contains(#"<option value="cs-2024" data-docs="0-1">测试市2024年法治政府建设年度报告</option>"#))
        #expect(search.contains(#"<option value="sx-2024" data-docs="2-3">商水县2024年法治政府建设年度报告</option>"#))
        #expect(search.contains(#"<select id="search-page-scope" name="r">"#))
        // A result names its report (crumbs start with the report's title, which has the year).
        let doc = try #require(site.output("search/d/0.js"))  // documents 0 to 3: the site's four
        #expect(doc.contains("测试市2024年法治政府建设年度报告"))
        #expect(doc.contains(#""u":"cs-2024/01/""#))
    }

    /// The new values (nested lists of publishers, years and reports) render the same through the reused template
    /// output as through Mustache alone.
    @Test func theSeriesSiteComesOutTheSameWithAndWithoutReuse() throws {
        let site = try SiteFixture(seriesSite)
        func build(reuse: Bool) throws -> [String: [UInt8]] {
            var options = BuildOptions()
            options.reuseTemplateOutput = reuse
            let result = try SiteBuilder(root: site.root, options: options).build()
            return Dictionary(result.files.map { ($0.path, $0.bytes) }) { a, _ in a }
        }
        let reused = try build(reuse: true), direct = try build(reuse: false)
        #expect(reused.keys.sorted() == direct.keys.sorted())
        let differing = reused.keys.sorted().filter { reused[$0] != direct[$0] }
        #expect(differing.isEmpty, "differ with and without reuse: \(differing)")
    }

    @Test func unitConflictIsAWarningAtTheDataFile() throws {
        let site = try SiteFixture(seriesSite)
        let result = try SiteBuilder(root: site.root).build()
        let warnings = result.diagnostics.map(\.description)
        #expect(warnings.contains { $0.hasPrefix("content/cs-2023/indicators.yaml:3:") && $0.contains("indicator `01-2`")
            && $0.contains("6次 in 2023 but 3个 in 2022 (content/cs-2022/indicators.yaml:3)") && $0.contains("left out") })
        // Nothing else warns about series: the other publishers are simply listed side by side.
        #expect(warnings.filter { $0.contains("indicator `01-1`") }.isEmpty)
    }

    @Test func twoReportsOfOneSeriesAndYearAreAnError() throws {
        let site = try SiteFixture(seriesSite + "\n" + """
        -- content/cs-2024b/report.yaml --
        title: 测试市2024年法治政府建设年度报告（修订）
        year: 2024
        series: 法治政府建设年度报告
        publisher: 测试市人民政府
        -- content/cs-2024b/01.md --
        ---
        title: 一、主要举措
        ---
        正文。
        """)
        let errors = try #require(site.buildErrors())
        #expect(errors.contains("content/cs-2024b/report.yaml:2:7: error: content/cs-2024b and content/cs-2024 are both the 2024 report of one series (测试市人民政府 · 法治政府建设年度报告)"))
        // A series_key keeps them apart.
        try site.write("content/cs-2024b/report.yaml", "title: 测试市2024年政务公开专项报告\nyear: 2024\nseries: 法治政府建设年度报告\npublisher: 测试市人民政府\nseries_key: zhuanxiang\n")
        #expect(site.buildErrors() == nil)
    }

    @Test func aReportWithoutPublisherIsComparedWithNothingAndSaysSo() throws {
        let site = try SiteFixture(seriesSite.replacingOccurrences(of: "publisher: 测试市人民政府\nwritten: 2024-02-28", with: "written: 2024-02-28"))
        let result = try SiteBuilder(root: site.root).build()
        #expect(result.diagnostics.map(\.description).contains { $0.hasPrefix("content/cs-2023/report.yaml:1:1: warning: report `cs-2023` has no `publisher`") })
        let page = String(decoding: try #require(result.file(at: "cs-2024/01/index.html")).bytes, as: UTF8.self)
        #expect(!page.contains("2400项"))  // the 2023 report is not joined
        #expect(page.contains(#"<th scope="row">2022年</th><td class="num">2300项</td>"#))
    }
}

/// Dates that hold (issue #25, 5).
@Suite struct ReportDateTests {
    private static func site(_ dates: String) throws -> SiteFixture {
        try SiteFixture(smallSite.replacingOccurrences(of: "written: 2025-02-28\npublished: 2025-03-20", with: dates))
    }

    @Test func anImpossibleDateIsAnErrorAtItsLine() throws {
        let errors = try #require(try Self.site("written: 2025-02-30\npublished: 2025-03-20").buildErrors())
        #expect(errors.contains("content/r2024/report.yaml:5:10: error: field `written` is not a real date (2025年2月 has 28 days): `2025-02-30`"))
        let leap = try #require(try Self.site("written: 2025-02-28\npublished: 2100-02-29").buildErrors())
        #expect(leap.contains("content/r2024/report.yaml:6:12: error: field `published` is not a real date (2100年2月 has 28 days)"))
        #expect(try Self.site("written: 2024-02-29\npublished: 2025-03-20").buildErrors() == nil)  // 2024 is a leap year
    }

    @Test func publishedBeforeWrittenIsAnError() throws {
        let errors = try #require(try Self.site("written: 2025-02-28\npublished: 2025-02-27").buildErrors())
        #expect(errors.contains("content/r2024/report.yaml:6:12: error: 发布日期 `published: 2025-02-27` is earlier than 成文日期 `written: 2025-02-28`"))
    }

    @Test func aLateAnnualReportIsACheckWarningNamingTheDeadline() throws {
        let late = try Self.site("written: 2025-02-28\npublished: 2025-04-02")
        #expect(late.buildErrors() == nil)
        let findings = try SiteBuilder(root: late.root, publishingChecks: true).build().diagnostics.map(\.description)
        #expect(findings.contains { $0.hasPrefix("content/r2024/report.yaml:6:12: warning: 发布日期 2025-04-02 is after the deadline for the 2024 report, 2025年4月1日") && $0.contains("厅字〔2019〕28号") })
        let onTime = try Self.site("written: 2025-02-28\npublished: 2025-04-01")
        #expect(!(try SiteBuilder(root: onTime.root, publishingChecks: true).build().diagnostics.map(\.description)).contains { $0.contains("deadline") })
    }
}
