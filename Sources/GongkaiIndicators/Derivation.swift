/// How a published figure derives from other figures of the same report, e.g. a rate = part / whole.
///
/// In YAML: `derive: {op: ratio, numerator: chuting-yingsu, denominator: kaiting-anjian, percent: true, decimals: 2}`,
/// `derive: {op: sum, of: [a, b]}`, or `derive: {op: equal, of: [a]}` (the same figure reported twice).
public struct Derivation: Sendable, Hashable {
    /// The operation.
    public enum Operation: String, Sendable, Hashable, CaseIterable {
        /// `numerator / denominator` (× 100 when `percent`).
        case ratio
        /// The sum of `operands`.
        case sum
        /// The same value as the single operand.
        case equal
    }

    /// The operation.
    public var operation: Operation
    /// Indicator ids: `[numerator, denominator]` for a ratio, the terms for a sum, one id for equal.
    public var operands: [String]
    /// Ratio only: multiply by 100.
    public var percent: Bool
    /// Digits after the point the publisher rounded to; nil means as many as the published value has.
    public var decimals: Int?

    /// Creates a derivation.
    public init(operation: Operation, operands: [String], percent: Bool = false, decimals: Int? = nil) {
        self.operation = operation
        self.operands = operands
        self.percent = percent
        self.decimals = decimals
    }

    /// A ratio `numerator / denominator`.
    public static func ratio(_ numerator: String, _ denominator: String, percent: Bool = true, decimals: Int? = nil) -> Derivation {
        Derivation(operation: .ratio, operands: [numerator, denominator], percent: percent, decimals: decimals)
    }
}
