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
        var taken = Set<String>()
        let drafts = IndicatorExtractor.draft(text: "一是全市梳理政务服务事项2530项,在政府网站公布。二是行政机关负责人出庭应诉率99.15%。", topic: "02/02", taken: &taken)
        // Ids say what a figure counts, not where it stands (positional ids joined unrelated figures across reports).
        #expect(drafts.map(\.id) == ["全市梳理政务服务事项", "行政机关负责人出庭应诉率"])
        #expect(taken == Set(drafts.map(\.id)))
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

    /// Ordinals and names are not figures (issue #25): 二十届 (二十届三中全会), 第三批, 十四五, 2021—2025年, 一中全会.
    @Test func ordinalsAndNamesAreNotFigures() {
        let text = "深入学习贯彻党的二十届三中全会精神和十九届一中全会精神,落实十四五规划和十四五时期重点任务,"
            + "入选第三批全国法治政府建设示范项目,实施2021—2025年规划和2021-2025年纲要,召开十四届人大常委会第5次会议,办理案件118件。"
        let figures = IndicatorExtractor.figures(in: text)
        #expect(figures.map(\.figure.text) == ["118件"])
        // Counted 届 stays out too, in Arabic digits: 第 is an ordinal, a bare 20届 is the name of a session.
        #expect(IndicatorExtractor.figures(in: "党的20届全会。").isEmpty)
    }

    /// The other reports' kinds of text (import tests' excerpts): their figures, and nothing of their names.
    @Test func otherReportsFigures() {
        let zhoukou = "市政府常务会议专题研究法治政府建设工作4次。将法治建设纳入综合考核,占比不低于5%。全年网办率达95%,较上年提高3个百分点。上线联办事项32项。"
        #expect(IndicatorExtractor.figures(in: zhoukou).map(\.figure.text) == ["4次", "不低于5%", "95%", "3个百分点", "32项"])
        let province = "全省2023年共办理行政复议案件126个,二十届中央全面依法治国委员会第一次会议精神,第三批示范地区,“十四五”法治政府建设规划。"
        #expect(IndicatorExtractor.figures(in: province).map(\.figure.text) == ["126个"])
    }

    /// Two figures of one report with the same label get distinct ids (the unit, then a number).
    @Test func idsAreUniqueWithinAReport() {
        var taken = Set<String>()
        let ids = ["办理案件", "办理案件", "办理案件"].enumerated().map { n, label in
            IndicatorID.make(label: label, unit: n == 0 ? "件" : "件", taken: &taken)
        }
        #expect(ids == ["办理案件", "办理案件-件", "办理案件-件-2"])
        #expect(IndicatorID.make(label: "“一网通办”率 (%)", unit: "%", taken: &taken) == "一网通办-率")
        #expect(IndicatorID.make(label: "", unit: "", taken: &taken) == "zhibiao")
    }
}
