import GongkaiCore
@testable import GongkaiIndicators
import Testing

/// Issue #27: every indicators.yaml message has both wordings; names inside messages are worded per language.
@Suite struct IndicatorLocalizationTests {
    @Test func everyIndicatorMessageHasBothLanguages() {
        #expect(CatalogueAudit.problems(in: IndicatorText.self) == [])
    }

    @Test func aMissingFieldNamesTheIndicatorInChinese() throws {
        let yaml = "indicators:\n  - id: cases\n    topic: a\n    value: 3\n    unit: 件\n    written: 3件\n    quote: 办理3件\n"
        let error = try #require(throws: DiagnosticError.self) { try IndicatorFile.load(path: "indicators.yaml", text: yaml) }
        let diagnostic = try #require(error.diagnostics.first)
        #expect(diagnostic.message == "indicator `cases` is missing `label`")
        #expect(diagnostic.line(.chinese) == "indicators.yaml:2:5: 错误: 指标 `cases`缺少 `label`")
    }

    @Test func anAuditMismatchReadsInChinese() throws {
        let yaml = """
        indicators:
          - {id: a, topic: t, label: 甲, value: 1, unit: 人, written: 1人, quote: 甲1人}
          - {id: b, topic: t, label: 乙, value: 3, unit: 人, written: 3人, quote: 乙3人, derive: {op: sum, of: [a]}}
        """
        let set = try IndicatorFile.load(path: "indicators.yaml", text: yaml)
        let diagnostic = try #require(IndicatorAudit.run(set, path: "indicators.yaml").first)
        #expect(diagnostic.message == "乙 published as 3人 but 1 = 1人 (rounded half-up to 0 decimals)")
        #expect(diagnostic.text.text(.chinese) == "乙公布为 3人，但 1 = 1人（四舍五入到 0 位小数）")
    }
}
