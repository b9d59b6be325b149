import Foundation
import GongkaiCore
import Testing
@testable import GongkaiIndicators

@Suite struct ValidationTests {
    static let topics = [
        "02/04": "累计为1658名农民工追讨工资报酬3658.78万元。开展各类执法培训140余场次,培训人数达5000余人次。印制《手册》千余册。",
        "02/08": "一是上线运行“项快办”政\n务APP,对接政务服务事项2530项,现有用户86万人。完成制证率90%以上。",
    ]

    static func load(_ entries: String) throws -> IndicatorSet {
        try IndicatorFile.load(path: "i.yaml", text: "indicators:\n" + entries)
    }

    @Test func acceptsGoodEntriesIncludingABrokenLine() throws {
        let set = try Self.load("""
          - {id: gongzi, topic: "02/04", label: 工资, value: 3658.78, unit: 万元, written: 3658.78万元, quote: 累计为1658名农民工追讨工资报酬3658.78万元}
          - {id: peixun, topic: "02/04", label: 培训, value: 140, unit: 场次, qualifier: 余, written: 140余场次, quote: 开展各类执法培训140余场次}
          - {id: shouce, topic: "02/04", label: 手册, value: 1000, unit: 册, qualifier: 余, written: 千余册, quote: 印制《手册》千余册}
          - {id: app, topic: "02/08", label: 对接事项, value: 2530, unit: 项, written: 2530项, quote: 务APP}
          - {id: app2, topic: "02/08", label: 对接事项, value: 2530, unit: 项, written: 2530项, quote: "政务APP,对接政务服务事项2530项"}
          - {id: yonghu, topic: "02/08", label: 用户, value: 860000, unit: 人, written: 86万人, quote: 现有用户86万人}
          - {id: zhizheng, topic: "02/08", label: 制证率, value: 90, unit: "%", qualifier: 以上, written: 90%以上, quote: 完成制证率90%以上}

        """)
        let diagnostics = set.validate(topicTexts: Self.topics, path: "i.yaml")
        // Only the entry whose quote lacks its figure is wrong.
        #expect(diagnostics.map(\.message) == ["quote of 对接事项 (`app`) does not contain its figure “2530项”"])
    }

    @Test func reportsEachProblemAtTheDataFilesLine() throws {
        let set = try Self.load("""
          - {id: a, topic: "02/04", label: 工资, value: 3658.7, unit: 万元, written: 3658.78万元, quote: 3658.78万元}
          - {id: a, topic: "02/04", label: 培训, value: 140, unit: 场次, written: 140余场次, quote: 开展各类执法培训140余场次}
          - {id: c, topic: "09", label: 无, value: 1, unit: 项, written: 1项, quote: 1项}
          - {id: d, topic: "02/04", label: 逗号, value: 140, unit: 场次, qualifier: 余, written: 140余场次, quote: "开展各类执法培训140余场次，培训人数"}
          - {id: e, topic: "02/04", label: 不在, value: 5, unit: 次, written: 5次, quote: 开展5次}
          - {id: "中文！", topic: "02/04", label: "", value: 5000, unit: 人次, qualifier: 余, written: 5000余人次, quote: 培训人数达5000余人次}
          - {id: g, topic: "02/04", label: 推算, value: 5, unit: 次, written: 5次, quote: 5次, derive: {op: ratio, numerator: zz, denominator: a}}

        """)
        let lines = set.validate(topicTexts: Self.topics, path: "i.yaml").map { "\($0.location.line): \($0.message)" }
        #expect(lines == [
            "2: 工资 (`a`): “3658.78万元” reads as 3658.78万元 but the entry says 3658.7万元",
            "3: duplicate id `a` (first at line 2)",
            "3: 培训 (`a`): “140余场次” reads as 140场次 (余) but the entry says 140场次",
            "4: unknown topic `09` for 无 (`c`) (topics: 02/04, 02/08)",
            "5: quote of 逗号 (`d`) is not verbatim in topic 02/04: it differs in punctuation (e.g. ',' vs '，'): “开展各类执法培训140余场次，培训人数”",
            "6: quote of 不在 (`e`) not found in topic 02/04: “开展5次”",
            "7: id `中文！` must be Han characters, ASCII letters, digits and - _ . (stable across years)",
            "7: `中文！` has an empty `label`",
            "8: quote of 推算 (`g`) not found in topic 02/04: “5次”",
            "8: derivation of 推算 (`g`) names unknown indicator `zz`",
        ])
    }

    /// Han ids are valid (the importer makes ids from labels); punctuation and blanks are not.
    @Test func hanIdsAreValid() {
        #expect(IndicatorSet.isValidID("梳理政务服务事项"))
        #expect(IndicatorSet.isValidID("办理案件-件-2"))
        #expect(!IndicatorSet.isValidID("办理 案件"))
        #expect(!IndicatorSet.isValidID("中文！"))
    }
}
