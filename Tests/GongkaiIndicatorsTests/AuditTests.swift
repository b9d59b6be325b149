import Foundation
import GongkaiCore
import Testing
@testable import GongkaiIndicators

@Suite struct AuditTests {
    static func figure(_ id: String, _ value: Decimal, _ unit: String, _ written: String, derive: Derivation? = nil, line: Int = 0, label: String? = nil) -> Indicator {
        Indicator(id: id, topic: "02/06", label: label ?? id, value: value, unit: unit, written: written, quote: written,
                  derive: derive, origin: line > 0 ? .init(line: line, column: 5, fields: ["derive": .init(line: line + 8, column: 13)]) : nil)
    }

    @Test func theCourtAppearanceRateIsFlaggedWithBothFiguresAndTheRounding() {
        let set = IndicatorSet([
            Self.figure("kaiting", 119, "件", "119件"),
            Self.figure("chuting", 118, "件", "118件"),
            Self.figure("lv", Decimal(string: "99.15")!, "%", "99.15%", derive: .ratio("chuting", "kaiting", decimals: 2), line: 20, label: "出庭应诉率"),
        ])
        let diagnostics = IndicatorAudit.run(set, path: "content/xiangcheng-2024/indicators.yaml")
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.severity == .warning)
        #expect(diagnostics.first?.description ==
            "content/xiangcheng-2024/indicators.yaml:28:13: warning: 出庭应诉率 published as 99.15% but 118 / 119 = 99.16% (rounded half-up to 2 decimals from 99.1597)")
    }

    @Test func aMatchingRateIsSilentAndDecimalsDefaultToThePublishedOnes() {
        let set = IndicatorSet([
            Self.figure("jiean", 143, "件", "143件"),
            Self.figure("baisu", 11, "件", "11件"),
            Self.figure("lv", Decimal(string: "7.69")!, "%", "7.69%", derive: .ratio("baisu", "jiean")),
        ])
        #expect(IndicatorAudit.run(set, path: "x.yaml").isEmpty)
        #expect(IndicatorAudit.findings(set).first?.decimals == 2)
        #expect(IndicatorAudit.findings(set).first?.matches == true)
    }

    @Test func aBoundQualifierOnlyNeedsTheBound() {
        var rate = Self.figure("lv", 90, "%", "90%以上", derive: .ratio("a", "b"))
        rate.qualifier = "以上"
        let set = IndicatorSet([Self.figure("a", 95, "个", "95个"), Self.figure("b", 100, "个", "100个"), rate])
        #expect(IndicatorAudit.run(set, path: "x.yaml").isEmpty)
    }

    @Test func unknownOperandsAndZeroDenominatorsAreErrors() {
        let set = IndicatorSet([
            Self.figure("zero", 0, "件", "0件"),
            Self.figure("lv", 50, "%", "50%", derive: .ratio("zero", "zero")),
            Self.figure("lv2", 50, "%", "50%", derive: .ratio("nope", "zero")),
        ])
        let diagnostics = IndicatorAudit.run(set, path: "x.yaml")
        #expect(diagnostics.count == 2)
        #expect(diagnostics.allSatisfy { $0.severity == .error })
    }

    @Test func sumsAndEqualitiesAcrossMagnitudes() {
        let set = IndicatorSet([
            Self.figure("a", Decimal(string: "1.5")!, "万人", "1.5万人"),
            Self.figure("b", 5000, "人", "5000人"),
            Self.figure("total", 2, "万人", "2万人", derive: Derivation(operation: .sum, operands: ["a", "b"])),
            Self.figure("same", 20000, "人", "20000人", derive: Derivation(operation: .equal, operands: ["total"])),
            Self.figure("wrong", 3, "万人", "3万人", derive: Derivation(operation: .equal, operands: ["total"]), label: "错"),
        ])
        let diagnostics = IndicatorAudit.run(set, path: "x.yaml")
        #expect(diagnostics.map(\.message) == ["错 published as 3万人 but total (2万人) = 2万人 (rounded half-up to 0 decimals)"])
    }

    /// The committed 2024 data: the two real mismatches of the report, nothing else.
    @Test func theReportsRealMismatches() throws {
        let set = try CommittedDataTests.load()
        let messages = IndicatorAudit.run(set, path: "indicators.yaml").map(\.message)
        #expect(messages == [
            "行政机关负责人出庭应诉率 published as 99.15% but 118 / 119 = 99.16% (rounded half-up to 2 decimals from 99.1597)",
            "矛盾纠纷调解成功率 published as 99.5% but 4817 / 4838 = 99.6% (rounded half-up to 1 decimal from 99.5659)",
        ])
        #expect(IndicatorAudit.findings(set).count >= 6)
    }
}
