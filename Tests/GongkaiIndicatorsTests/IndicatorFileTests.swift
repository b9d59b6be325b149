import Foundation
import GongkaiCore
import Testing
@testable import GongkaiIndicators

@Suite struct IndicatorFileTests {
    static let good = """
    indicators:
      - id: zwfw-shixiang
        topic: "02/02"
        label: 政务服务事项
        value: 2530
        unit: 项
        written: "2530项"
        quote: "全市梳理政务服务事项2530项"
        key: true
      - id: peixun
        topic: "02/04"
        label: 执法培训
        value: 140
        unit: 场次
        qualifier: 余
        written: "140余场次"
        quote: "开展各类执法培训140余场次"
        derive: {op: ratio, numerator: zwfw-shixiang, denominator: peixun, percent: true, decimals: 2}

    """

    @Test func loadsFieldsAndLines() throws {
        let set = try IndicatorFile.load(path: "indicators.yaml", text: Self.good)
        #expect(set.indicators.count == 2)
        let first = try #require(set["zwfw-shixiang"])
        #expect(first.topic == "02/02")
        #expect(first.value == 2530)
        #expect(first.key)
        #expect(first.origin?.line == 2)
        #expect(first.origin?.fields["quote"]?.line == 8)
        #expect(first.location(path: "indicators.yaml", field: "quote").description == "indicators.yaml:8:12")
        let second = try #require(set["peixun"])
        #expect(second.qualifier == "余")
        #expect(second.derive == .ratio("zwfw-shixiang", "peixun", percent: true, decimals: 2))
        #expect(second.origin?.line == 10)
    }

    @Test func roundTripsThroughYAML() throws {
        let set = try IndicatorFile.load(path: "a.yaml", text: Self.good)
        let again = try IndicatorFile.load(path: "b.yaml", text: IndicatorFile.yaml(for: set))
        func strip(_ s: IndicatorSet) -> [Indicator] { s.indicators.map { var i = $0; i.origin = nil; return i } }
        #expect(strip(again) == strip(set))
        let tricky = IndicatorSet([Indicator(id: "01-1", topic: "01", label: "带\"引号\"\\反斜杠: 冒号 # 井号", value: Decimal(string: "0.5")!,
                                             unit: "%", written: "0.5%", quote: "line\nbreak")])
        #expect(strip(try IndicatorFile.load(path: "c.yaml", text: IndicatorFile.yaml(for: tricky))) == tricky.indicators)
    }

    @Test func committedFileRoundTrips() throws {
        let set = try CommittedDataTests.load()
        let again = try IndicatorFile.load(path: "x.yaml", text: IndicatorFile.yaml(for: set))
        #expect(again.indicators.map(\.id) == set.indicators.map(\.id))
        #expect(again.indicators.map(\.derive) == set.indicators.map(\.derive))
    }

    @Test func yamlSyntaxErrorNamesTheLine() {
        let text = "indicators:\n  - id: a\n    quote: \"unterminated\n    label: x\n"
        #expect(throws: DiagnosticError.self) { try IndicatorFile.load(path: "bad.yaml", text: text) }
        do {
            _ = try IndicatorFile.load(path: "bad.yaml", text: text)
        } catch {
            let d = error.diagnostics
            // Where the quote opens (libyaml reports the end of the file), with the fix.
            #expect(d.map { "\($0.location): \($0.message)" } == [
                "bad.yaml:3:12: the quote `\"` opened here is never closed: add the closing `\"` at the end of the value",
            ])
        }
    }

    @Test func structuralErrorsNameEachEntryOrField() {
        let text = """
        indicators:
          - id: a
            topic: "01"
            label: x
            value: 五
            unit: 次
            written: 5次
            quote: 5次
          - id: b
            topic: "01"
            labl: typo
            value: 5
            unit: 次
            written: 5次
            quote: 5次
            key: maybe
          - just text
        """
        do {
            _ = try IndicatorFile.load(path: "i.yaml", text: text)
            Issue.record("expected errors")
        } catch {
            let lines = error.diagnostics.map { "\($0.location.line): \($0.message)" }
            #expect(lines == [
                "5: `value` of indicator `a` must be a plain number like 3658.78",
                "9: indicator `b` is missing `label`",
                "11: unknown field `labl`",
                "16: `key` of indicator `b` must be true or false",
                "17: each indicator must be a mapping of fields",
            ])
        }
    }

    @Test func emptyOrWrongTopLevel() throws {
        #expect(try IndicatorFile.load(path: "e.yaml", text: "").isEmpty)
        #expect(try IndicatorFile.load(path: "e.yaml", text: "indicators: []\n").isEmpty)
        #expect(throws: DiagnosticError.self) { try IndicatorFile.load(path: "e.yaml", text: "- a\n") }
        #expect(throws: DiagnosticError.self) { try IndicatorFile.load(path: "e.yaml", text: "figures: []\n") }
    }

    /// A character libyaml cannot read is an error at its line and column, not at 0:0 (found by the fuzz test).
    @Test func aControlCharacterIsAnErrorAtItsPlace() {
        do {
            _ = try IndicatorFile.load(path: "i.yaml", text: "indicators:\n  - id: 甲\u{7}\n")
            Issue.record("a control character loads")
        } catch {
            let location = error.diagnostics.first?.location
            #expect(location?.line == 2 && location?.column == 10, "\(error.diagnostics)")
        }
    }
}
