import Foundation
import GongkaiCore
import GongkaiIndicators
import Testing
@testable import GongkaiImport

/// What an import drafts when the site holds other years of the series, and what it never drafts (issue #25).
@Suite struct SeriesImportPlanTests {
    /// A report shaped like another county's, with the ordinals and names the red team found drafted.
    static let shangshui = """
        商水县2024年法治政府建设年度报告
        　　2024年，商水县深入学习贯彻党的二十届三中全会精神，落实“十四五”规划和十四五时期法治政府建设任务。现将有关情况报告如下：
        　　一、主要举措和成效
        　　（一）深化改革。入选第三批全省法治政府建设示范项目，实施《法治商水建设规划（2021—2025年）》，召开县委十四届一中全会专题会议3次。
        　　（二）行政复议。全年办理行政复议案件118件，纠错率12.5%。
        　　二、存在的不足
        　　一是法治意识有待增强。
        　　特此报告。
        　　2025年3月1日
        """

    @Test func ordinalsAndNamesAreNotDrafted() throws {
        let plan = try ReportImporter(options: ImportOptions(id: "shangshui-2024")).plan(bytes: Array(Self.shangshui.utf8), path: "sx.txt")
        let draft = try #require(plan.indicatorDraft)
        let set = try IndicatorFile.load(path: "d.yaml", text: draft)
        #expect(set.indicators.map(\.written) == ["3次", "118件", "12.5%"])
        for name in ["二十届", "十四五", "第三批", "2021", "一中全会", "十四届"] {
            #expect(!set.indicators.contains { $0.written.contains(name) }, "\(name) is not a figure")
        }
        #expect(plan.alignment == nil)  // no other year in the site
    }

    @Test func theOtherReportsDraftNoOrdinals() throws {
        for (name, text) in [("standalone", OtherReportsTests.standalone), ("runIn", OtherReportsTests.runIn), ("shangshui", Self.shangshui)] {
            let plan = try ReportImporter(options: ImportOptions(id: "r-2023")).plan(bytes: Array(text.utf8), path: "\(name).txt")
            guard let draft = plan.indicatorDraft else { continue }
            let set = try IndicatorFile.load(path: "d.yaml", text: draft)
            #expect(!set.indicators.contains { $0.unit == "届" }, "\(name)")
            // Ids from labels, not positions: no `01-1`.
            #expect(!set.indicators.contains { $0.id.first?.isASCII == true && $0.id.first?.isNumber == true }, "\(name): \(set.indicators.map(\.id))")
            #expect(set.validate(topicTexts: [:], path: "d.yaml").allSatisfy { !$0.message.contains("id `") }, "\(name)")
        }
    }

    /// The site's other year of 商水县: the draft takes its ids; the publisher comes from it (with a warning).
    @Test func anotherYearOfTheSamePublisherLinesTheIdsUp() throws {
        let y2023 = IndicatorSet([
            Indicator(id: "fuyi-anjian", topic: "02", label: "办理行政复议案件", value: 97, unit: "件", written: "97件",
                      quote: "全年办理行政复议案件97件", key: true),
            Indicator(id: "jiucuolv", topic: "02", label: "行政复议纠错率", value: 10, unit: "%", written: "10%", quote: "纠错率10%"),
        ])
        let other = IndicatorSet([Indicator(id: "fuyi-anjian", topic: "01", label: "办理行政复议案件", value: 126, unit: "个",
                                            written: "126个", quote: "全年办理行政复议案件126个")])
        let site = SiteReports([
            .init(id: "shangshui-2023", year: 2023, series: "法治政府建设年度报告", publisher: "商水县人民政府", seriesKey: "", indicators: y2023),
            .init(id: "henan-2024", year: 2024, series: "法治政府建设年度报告", publisher: "河南省人民政府", seriesKey: "", indicators: other),
        ])
        let plan = try ReportImporter(options: ImportOptions(id: "shangshui-2024")).plan(bytes: Array(Self.shangshui.utf8), path: "sx.txt", site: site)
        #expect(plan.metadata.publisher == "商水县人民政府")
        #expect(plan.diagnostics.contains { $0.message.hasPrefix("发布机构 (publisher) set to “商水县人民政府”") })
        let draft = try IndicatorFile.load(path: "d.yaml", text: try #require(plan.indicatorDraft))
        #expect(draft["fuyi-anjian"]?.written == "118件")
        #expect(draft["fuyi-anjian"]?.key == true)
        #expect(draft["jiucuolv"]?.written == "12.5%")
        #expect(plan.alignedWith == ["2023 (content/shangshui-2023)"])  // never 河南省's report
        #expect(plan.alignmentLines.first == "figures: 3 drafted; 2 take the ids of the same figures in 2023 (content/shangshui-2023); 0 close matches to check; 1 new")
        #expect(plan.indicatorDraft?.contains("  # the same figure as 2023's\n  - id: \"fuyi-anjian\"") == true)
        // --publisher decides; another publisher's years are not used.
        let elsewhere = try ReportImporter(options: ImportOptions(id: "x-2024", publisher: "周口市人民政府"))
            .plan(bytes: Array(Self.shangshui.utf8), path: "sx.txt", site: site)
        #expect(elsewhere.alignment == nil)
        #expect(elsewhere.metadata.publisher == "周口市人民政府")
    }
}
