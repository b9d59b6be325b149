import Testing
import GongkaiCore
import GongkaiIndicators
import GongkaiYAML

/// indicators.yaml shares the slip hints and the wording of YAML errors with every other file (#27 item 2).
@Suite struct IndicatorSlipTests {
    private func errors(_ text: String) -> [String] {
        do {
            _ = try IndicatorFile.load(path: "content/r/indicators.yaml", text: text)
            return []
        } catch {
            return error.diagnostics.map { "\($0.location): \($0.message)" }
        }
    }

    @Test func catalogueParity() {
        #expect(CatalogueAudit.problems(in: YAMLText.self) == [])
    }

    @Test func fullWidthColon() {
        let text = "indicators:\n  - id: a\n    topic： \"01\"\n    label: x\n"
        #expect(errors(text) == ["content/r/indicators.yaml:3:10: full-width colon `：` after `topic`: YAML needs the ASCII colon `:` and a space, `topic: …`"])
    }

    @Test func fullWidthCommaInAFlowMapping() {
        let text = "indicators:\n  - id: c\n    derive: {op: ratio， numerator: a, denominator: b}\n"
        #expect(errors(text) == ["content/r/indicators.yaml:3:23: full-width `，` where YAML needs the ASCII `,`: change it to `,`"])
    }

    @Test func tabIndentation() {
        let text = "indicators:\n  - id: a\n\ttopic: \"01\"\n"
        #expect(errors(text) == ["content/r/indicators.yaml:3:1: a Tab is used for indentation, and YAML allows only spaces: replace the Tab with spaces"])
    }

    @Test func missingSpaceAfterColon() {
        let text = "indicators:\n  - id: a\n    unit:项\n    label: x\n"
        #expect(errors(text) == ["content/r/indicators.yaml:3:9: no space after the colon of `unit:`: YAML reads `unit:项` as one text; write `unit: 项`"])
    }

    /// The same libyaml problem is worded the same as in site.yaml (one mapper, `YAMLParser`).
    @Test func libyamlsTextWhenNoSlipIsFound() {
        let text = "indicators:\n  - id: a\n    derive: {op: sum, of: [a, b}\n"
        let found = errors(text)
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("content/r/indicators.yaml:3:") == true)
        #expect(found.first?.contains(": invalid YAML: ") == true)
        #expect(found.first?.contains("that starts at line 3, column") == true)
    }

    /// A duplicate key: once "duplicated key … in YAML mapping" here and "invalid YAML: duplicate key …" elsewhere.
    @Test func duplicateKeyWordedAsEverywhere() {
        let found = errors("indicators: []\nindicators: []\n")
        #expect(found.count == 1)
        #expect(found.first?.hasSuffix(": invalid YAML: duplicate key indicators") == true, "\(found)")
    }

    @Test func chineseWording() throws {
        let slips = YAMLSlips.find(in: "title：项城市\n")
        let diagnostic = try #require(slips.first).diagnostic(path: "content/site.yaml")
        #expect(diagnostic.line(.chinese) == "content/site.yaml:1:6: 错误: `title` 后面是全角冒号“：”：请改为英文冒号 `:`，后面加一个空格，写成 `title: …`")
    }
}
