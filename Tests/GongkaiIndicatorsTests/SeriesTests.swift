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
        #expect(rate.rows[1].changeText == "+1.15%")
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
        #expect(SVGChart.bar(title: "t", points: [], id: "gk-chart-两 会_1.5").contains("id=\"gk-chart----_1-5-title\""))
        #expect(SVGChart.bar(title: "t", points: [], id: "9x\r\né").contains("id=\"gk-9x---title\""))
    }
}
