import Foundation
import Testing
@testable import GongkaiIndicators

@Suite struct SeriesTests {
    /// A synthetic 2023 report of the same series (a fixture: content/ holds only real reports).
    static func series() throws -> IndicatorSeries {
        let synthetic = try IndicatorFile.load(path: "synthetic-2023.yaml", text: try ReportText.fixture("synthetic-2023-indicators.yaml"))
        return IndicatorSeries([2023: synthetic, 2024: try CommittedDataTests.load()])
    }

    @Test func yearOverYearRowsAndChanges() throws {
        let series = try Self.series()
        #expect(series.years == [2023, 2024])
        let table = try #require(series.yearOverYear(id: "zwfw-shixiang"))
        #expect(table.rows.map(\.year) == [2023, 2024])
        #expect(table.rows.map(\.indicator.written) == ["2488项", "2530项"])
        #expect(table.rows[1].changeText == "+42项")
        #expect(table.rows[0].change == nil)
        let rate = try #require(series.yearOverYear(id: "fuzeren-chuting-yingsulv"))
        #expect(rate.rows[1].changeText == "+1.15个百分点")  // a rate's change is in percentage points
        let people = try #require(series.yearOverYear(id: "chongdian-huiji-qunzhong"))
        #expect(people.rows[1].changeText == "+1.7万人")  // 85000人 (2023) → 10.2万人 (2024)
        #expect(series.yearOverYear(id: "yujing-duanxin") == nil)  // only in 2024
        #expect(series.sharedIDs() == ["zwfw-shixiang", "chongdian-huiji-qunzhong", "fuzeren-chuting-yingsulv"])
        #expect(series.yearOverYear(topic: "02/06").map(\.id) == ["fuzeren-chuting-yingsulv"])
    }

    @Test func chartOfARow() throws {
        let table = try #require(try Self.series().yearOverYear(id: "zwfw-shixiang"))
        let svg = table.chart()
        #expect(svg.contains("<title id=\"gk-chart-zwfw-shixiang-title\">梳理政务服务事项（2023—2024年）</title>"))
        #expect(svg.contains(">2530项</text>"))
        #expect(svg.contains(">2023年</text>"))
        #expect(svg == table.chart())
    }

    @Test func chartIDsKeepOnlyASCIILettersDigitsHyphensAndUnderscores() {
        // Each other character becomes one `-`; an id not starting with a letter gets `gk-` in front.
        #expect(SVGChart.bar(title: "t", points: [], id: "gk-chart-x_1.5").contains("id=\"gk-chart-x_1-5-title\""))
        #expect(SVGChart.bar(title: "t", points: [], id: "9x\r\n").contains("id=\"gk-9x--title\""))
        // An id with other characters (an imported indicator's id is its label's Han characters) keeps its ASCII
        // start and gets its hash: two such ids on one page never become the same `gk-chart-----`.
        let a = SVGChart.sanitizedID("gk-chart-梳理政务服务事项"), b = SVGChart.sanitizedID("gk-chart-办理行政复议案件")
        #expect(a == "gk-chart--" + SVGChart.fnv1a("gk-chart-梳理政务服务事项"))
        #expect(a != b)
        #expect(SVGChart.sanitizedID("9x\r\né") == "gk-9x--" + SVGChart.fnv1a("9x\r\né"))
    }

    private static func indicator(_ id: String, _ value: Decimal, _ unit: String, qualifier: String? = nil, line: Int = 1) -> Indicator {
        var i = Indicator(id: id, topic: "01", label: id, value: value, unit: unit, qualifier: qualifier,
                          written: "\(value)\(qualifier ?? "")\(unit)", quote: "\(value)\(unit)")
        i.origin = Indicator.Origin(line: line, column: 5, fields: [:])
        return i
    }

    /// A year whose unit cannot be compared with the latest year's is left out, never drawn (个 vs 届; 项 vs 个 is not
    /// treated as a synonym), and listed as a conflict.
    @Test func incomparableUnitsAreLeftOut() throws {
        let series = IndicatorSeries([
            2022: IndicatorSet([Self.indicator("a", 5, "项"), Self.indicator("b", 3, "次")]),
            2023: IndicatorSet([Self.indicator("a", 126, "个"), Self.indicator("b", 4, "次")]),
            2024: IndicatorSet([Self.indicator("a", 20, "届"), Self.indicator("b", 4, "次")]),
        ])
        #expect(series.yearOverYear(id: "a") == nil)  // 2024's 届 shares its unit with no other year
        let upTo2023 = IndicatorSeries([2022: try #require(series.sets[2022]), 2023: try #require(series.sets[2023])])
        #expect(upTo2023.yearOverYear(id: "a") == nil)  // 项 vs 个: not compared
        let b = try #require(series.yearOverYear(id: "b"))
        #expect(b.rows.map(\.year) == [2022, 2023, 2024])
        #expect(b.rows.map(\.changeText) == [nil, "+1次", "持平"])
        #expect(series.unitConflicts().map { "\($0.id) \($0.earlierYear)→\($0.laterYear)" } == ["a 2022→2023", "a 2023→2024"])
        #expect(series.sharedIDs() == ["b"])
        #expect(IndicatorSeries.comparable("万元", "元"))
        #expect(!IndicatorSeries.comparable("项", "个"))
    }

    /// The latest year decides the unit; an earlier year in another unit drops out, the others stay.
    @Test func anEarlierYearInAnotherUnitDropsOut() throws {
        let series = IndicatorSeries([
            2022: IndicatorSet([Self.indicator("a", 2, "万人")]),
            2023: IndicatorSet([Self.indicator("a", 7, "次")]),
            2024: IndicatorSet([Self.indicator("a", 25000, "人")]),
        ])
        let a = try #require(series.yearOverYear(id: "a"))
        #expect(a.rows.map(\.year) == [2022, 2024])
        #expect(a.rows[1].changeText == "+5000人")
    }

    /// No change is computed from a figure that is not exact (140余场次, 90%以上).
    @Test func approximateFiguresHaveNoChange() throws {
        let series = IndicatorSeries([
            2023: IndicatorSet([Self.indicator("a", 120, "场次")]),
            2024: IndicatorSet([Self.indicator("a", 140, "场次", qualifier: "余")]),
        ])
        let a = try #require(series.yearOverYear(id: "a"))
        #expect(a.rows[1].change == nil)
        #expect(a.rows[1].approximate)
        #expect(a.rows[1].changeText == nil)
        #expect(!a.rows[0].approximate)
    }
}
