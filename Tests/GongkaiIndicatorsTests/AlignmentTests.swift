import Foundation
import Testing
@testable import GongkaiIndicators

/// Importing a report into a site that holds other years of its series lines its drafted ids up with theirs.
@Suite struct AlignmentTests {
    private static func indicator(_ id: String, label: String, written: String, quote: String, key: Bool = false) -> Indicator {
        let figure = WrittenFigure.parse(written)
        return Indicator(id: id, topic: "01", label: label, value: figure?.number ?? 0, unit: figure?.unit ?? "",
                         qualifier: figure?.qualifier, written: written, quote: quote, key: key)
    }

    static let curated2024 = IndicatorSet([
        indicator("jiedao-bianzhi", label: "下沉至街道编制", written: "188名", quote: "下沉至街道编制188名"),
        indicator("jiedao-renyuan", label: "下沉至街道人员", written: "105名", quote: "人员105名"),
        indicator("zwfw-shixiang", label: "梳理政务服务事项", written: "2530项", quote: "全市梳理政务服务事项2530项", key: true),
        indicator("fuyi-anjian", label: "办理行政复议案件", written: "118件", quote: "全年办理行政复议案件118件"),
        indicator("huiyi", label: "召开专题会议", written: "5次", quote: "召开法治政府建设专题会议5次"),
    ])

    @Test func theSameSentencesTakeTheCuratedIdsLabelsAndKeys() throws {
        let text2023 = "下沉至街道编制180名、人员99名。全市梳理政务服务事项2400项。"
        let draft = IndicatorExtractor.draft(topics: [(id: "02", text: text2023)])
        let result = IndicatorAlignment.align(draft, year: 2023, with: [.init(year: 2024, reportID: "x-2024", indicators: Self.curated2024)])
        #expect(result.indicators.indicators.map(\.id) == ["jiedao-bianzhi", "jiedao-renyuan", "zwfw-shixiang"])
        #expect(result.indicators.indicators.map(\.label) == ["下沉至街道编制", "下沉至街道人员", "梳理政务服务事项"])
        #expect(result.indicators.indicators.map(\.key) == [false, false, true])
        #expect(result.indicators.indicators.map(\.written) == ["180名", "99名", "2400项"])  // this year's figures
        #expect(result.sameCount == 3 && result.newCount == 0 && result.close.isEmpty)
    }

    @Test func aRewordedSentenceIsACloseMatchToCheck() throws {
        // “全年办理行政复议案件118件” → “全年共办理行政复议案件97件”: not contained, but most character pairs shared.
        let draft = IndicatorExtractor.draft(topics: [(id: "01", text: "全年共办理行政复议案件97件。")])
        let result = IndicatorAlignment.align(draft, year: 2023, with: [.init(year: 2024, reportID: "x-2024", indicators: Self.curated2024)])
        let only = try #require(result.indicators.indicators.first)
        #expect(only.id == "fuyi-anjian")
        #expect(result.close.count == 1)
        if case .close(let year, _, let other, let score)? = result.matches.first {
            #expect(year == 2024 && other.id == "fuyi-anjian" && score >= IndicatorAlignment.closeThreshold)
        } else {
            Issue.record("expected a close match")
        }
        #expect(only.label != "办理行政复议案件" || only.label == draft.indicators[0].label)  // keeps its own label
    }

    @Test func unitsThatCannotBeComparedAreNeverMatched() throws {
        // The same sentence with 场 instead of 次: a new figure, with an id no other year uses.
        let draft = IndicatorExtractor.draft(topics: [(id: "01", text: "召开法治政府建设专题会议6场。")])
        let result = IndicatorAlignment.align(draft, year: 2025, with: [.init(year: 2024, reportID: "x-2024", indicators: Self.curated2024)])
        #expect(result.matches == [nil])
        let id = try #require(result.indicators.indicators.first?.id)
        #expect(!Self.curated2024.indicators.map(\.id).contains(id))
    }

    @Test func aNewFigureNeverTakesAnIdAnotherYearUses() throws {
        // Another year drafted with label ids (`召开会议`, 5次); this year's 召开会议 is in 场: a different id.
        let other = IndicatorSet([Self.indicator("召开会议", label: "召开会议", written: "5次", quote: "召开会议5次")])
        let draft = IndicatorExtractor.draft(topics: [(id: "01", text: "召开会议6场。")])
        #expect(draft.indicators.map(\.id) == ["召开会议"])
        let result = IndicatorAlignment.align(draft, year: 2025, with: [.init(year: 2024, reportID: "y", indicators: other)])
        #expect(result.indicators.indicators.map(\.id) == ["召开会议-场"])
    }

    @Test func eachIdIsGivenOnce() throws {
        // Two drafted figures could both take `jiedao-renyuan` (“人员#”): the longer match wins, the other is new.
        let draft = IndicatorExtractor.draft(topics: [(id: "02", text: "人员99名,另有人员12名。")])
        let result = IndicatorAlignment.align(draft, year: 2023, with: [.init(year: 2024, reportID: "x", indicators: Self.curated2024)])
        #expect(result.indicators.indicators.map(\.id).filter { $0 == "jiedao-renyuan" }.count == 1)
        #expect(Set(result.indicators.indicators.map(\.id)).count == 2)
    }
}
