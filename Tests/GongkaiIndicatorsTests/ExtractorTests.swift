import Foundation
import Testing
@testable import GongkaiIndicators

@Suite struct ExtractorTests {
    @Test func findsFiguresAndSkipsYearsListNumbersAndNames() {
        let text = """
        1.深化改革。2024年共组织219名新申领人员开展考试。全面贯彻《三年行动实施方案(2023—2025年)》,持续推进“三集中三到位”,形成“1+10+N”体系。
        印制《手册》千余册,惠及群众10.2万人,发布短信55万条、短视频72条;全市共储备5类36种价值977万元的物资,完成制证率90%以上。第3批,一是规范,三级响应2次,发放30多份,资料10万余份,按照市级不少于50人。
        """
        let figures = IndicatorExtractor.figures(in: text)
        #expect(figures.map(\.figure.text) == ["219名", "千余册", "10.2万人", "55万条", "72条", "5类", "36种", "977万元", "90%以上", "2次", "30多份", "10万余份", "不少于50人"])
        #expect(figures[0].clause == "2024年共组织219名新申领人员开展考试")
        #expect(figures[2].label == "惠及群众")
        #expect(figures[1].figure.number == 1000)
        #expect(figures[8].figure.qualifier == "以上")
    }

    @Test func draftsIdsQuotesAndLabelsPerTopic() throws {
        let drafts = IndicatorExtractor.draft(text: "一是全市梳理政务服务事项2530项,在政府网站公布。二是行政机关负责人出庭应诉率99.15%。", topic: "02/02")
        #expect(drafts.map(\.id) == ["02-02-1", "02-02-2"])
        #expect(drafts[0].label == "全市梳理政务服务事项")
        #expect(drafts[0].quote == "一是全市梳理政务服务事项2530项")
        #expect(drafts[1].label == "行政机关负责人出庭应诉率")
        #expect(drafts[1].unit == "%")
        // A draft validates against its own text.
        let diagnostics = IndicatorSet(drafts).validate(topicTexts: ["02/02": "一是全市梳理政务服务事项2530项,在政府网站公布。二是行政机关负责人出庭应诉率99.15%。"], path: "d.yaml")
        #expect(diagnostics.isEmpty)
    }

    /// The whole report's draft is valid and has every figure of the curated file.
    @Test func draftOfTheReport() throws {
        let topics = ReportText.topics(of: try ReportText.source())
        let draft = IndicatorExtractor.draft(topics: topics)
        #expect(draft.validate(topicTexts: Dictionary(uniqueKeysWithValues: topics.map { ($0.id, $0.text) }), path: "d.yaml").isEmpty)
        let curated = try CommittedDataTests.load()
        #expect(draft.indicators.map(\.written) == curated.indicators.map(\.written))
        #expect(draft.indicators.map(\.topic) == curated.indicators.map(\.topic))
    }
}
