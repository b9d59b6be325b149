import Foundation
import GongkaiCore

/// The publisher's audit: recomputes every declared derivation and reports figures that disagree.
///
/// Public pages always show figures as published; this is for the person running `gongkai check`.
public enum IndicatorAudit {
    /// The outcome of recomputing one derived indicator.
    public struct Finding: Sendable, Hashable {
        /// The derived indicator.
        public var indicator: Indicator
        /// The computation, with the operands' values: `118 / 119`.
        public var expression: String
        /// The exact result (× 100 for a percentage), before rounding.
        public var exact: Decimal
        /// The result rounded half-up as the publisher would (`decimals`).
        public var rounded: Decimal
        /// Digits after the point assumed for rounding.
        public var decimals: Int
        /// True when the published figure agrees (given its qualifier: `90%以上` only needs ≥ 90).
        public var matches: Bool

        /// The rounded result as text with its unit: `99.16%`.
        public var computedText: String { DecimalText.fixed(rounded, decimals: decimals) + indicator.unit }
    }

    /// Recomputes every derivation; an operand that is missing or a zero denominator yields no finding
    /// (``run(_:path:)`` reports those as errors).
    public static func findings(_ set: IndicatorSet) -> [Finding] {
        set.indicators.compactMap { indicator in
            guard let derive = indicator.derive, case .success(let finding) = evaluate(indicator, derive, in: set) else { return nil }
            return finding
        }
    }

    /// Diagnostics for the check command: a warning per mismatch, naming both figures and the rounding assumed,
    /// e.g. `出庭应诉率 published as 99.15% but 118 / 119 = 99.16% (rounded half-up to 2 decimals from 99.1597)`;
    /// an error per derivation that cannot be computed.
    public static func run(_ set: IndicatorSet, path: String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for indicator in set.indicators {
            guard let derive = indicator.derive else { continue }
            let location = indicator.location(path: path, field: "derive")
            switch evaluate(indicator, derive, in: set) {
            case .failure(let problem):
                diagnostics.append(.error(IndicatorText.cannotAudit.embedding(["problem": problem.message], ["label": indicator.label]), at: location))
            case .success(let finding) where !finding.matches:
                diagnostics.append(.warning(message(for: finding), at: location))
            case .success:
                break
            }
        }
        return diagnostics
    }

    /// The warning text for a mismatch.
    public static func message(for finding: Finding) -> Message {
        let places = finding.decimals == 1 ? IndicatorText.oneDecimal.message : IndicatorText.decimals(["count": finding.decimals])
        let exactText = DecimalText.plain(DecimalText.roundHalfUp(finding.exact, decimals: max(finding.decimals + 2, 4)))
        let rounding = finding.exact != finding.rounded
            ? IndicatorText.auditRoundedFrom.embedding(["places": places], ["exact": exactText])
            : IndicatorText.auditRounded.embedding(["places": places])
        let bound = finding.indicator.qualifier.map { IndicatorText.auditQualifierBound(["qualifier": $0]) }
        let how = Message(key: "indicator.auditHow", texts: MessageTexts(
            rounding.text(.english) + (bound?.text(.english) ?? ""), rounding.text(.chinese) + (bound?.text(.chinese) ?? "")))
        return IndicatorText.auditMismatch.embedding(["how": how], [
            "label": finding.indicator.label, "published": finding.indicator.written,
            "expression": finding.expression, "computed": finding.computedText,
        ])
    }

    struct Problem: Error { var message: Message }

    private static func evaluate(_ indicator: Indicator, _ derive: Derivation, in set: IndicatorSet) -> Result<Finding, Problem> {
        var operands: [Indicator] = []
        for id in derive.operands {
            guard let operand = set[id] else { return .failure(Problem(message: IndicatorText.auditUnknownIndicator(["id": id]))) }
            operands.append(operand)
        }
        let exact: Decimal
        let expression: String
        switch derive.operation {
        case .ratio:
            guard operands.count == 2 else { return .failure(Problem(message: IndicatorText.auditRatioOperands.message)) }
            let numerator = operands[0].value * WrittenFigure.magnitude(ofUnit: operands[0].unit)
            let denominator = operands[1].value * WrittenFigure.magnitude(ofUnit: operands[1].unit)
            guard denominator != 0 else { return .failure(Problem(message: IndicatorText.auditZeroDenominator(["id": operands[1].id]))) }
            let ratio = numerator / denominator
            exact = (derive.percent ? ratio * 100 : ratio) / WrittenFigure.magnitude(ofUnit: indicator.unit)
            expression = "\(operands[0].valueText) / \(operands[1].valueText)"
        case .sum, .equal:
            let magnitude = WrittenFigure.magnitude(ofUnit: indicator.unit)
            exact = operands.reduce(Decimal(0)) { $0 + $1.value * WrittenFigure.magnitude(ofUnit: $1.unit) } / magnitude
            expression = derive.operation == .equal
                ? "\(operands[0].label) (\(operands[0].written))"
                : operands.map(\.valueText).joined(separator: " + ")
        }
        let decimals = derive.decimals ?? DecimalText.decimals(of: indicator.value)
        let rounded = DecimalText.roundHalfUp(exact, decimals: decimals)
        let published = indicator.value
        let matches: Bool
        switch indicator.qualifier {
        case "余", "多", "以上", "不少于", "不低于", "超过", "逾":
            matches = exact >= published
        case "以下", "不超过", "近":
            matches = exact <= published
        default:
            matches = rounded == published
        }
        return .success(Finding(indicator: indicator, expression: expression, exact: exact, rounded: rounded, decimals: decimals, matches: matches))
    }
}
