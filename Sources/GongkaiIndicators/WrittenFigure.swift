import Foundation

/// A figure exactly as a report writes it, read into number, unit and qualifier:
/// `3658.78万元`, `140余场次`, `千余册`, `90%以上`, `10.2万人`, `10万余份`, `不少于50人`.
///
/// The number is read as written: `10.2万人` is 10.2 in the unit `万人`, `千余册` is 1000 in `册`,
/// `10万余份` is 10 in `万份`. ``absoluteValue`` and ``baseUnit`` compare figures whatever scale they use.
public struct WrittenFigure: Sendable, Hashable, CustomStringConvertible {
    /// Qualifiers written before the number.
    public static let prefixQualifiers = ["不少于", "不低于", "不超过", "超过", "逾", "约", "近"]
    /// Qualifiers written between the number and the unit.
    public static let infixQualifiers = ["余", "多"]
    /// Qualifiers written after the unit.
    public static let suffixQualifiers = ["以上", "以下", "左右"]

    /// The text as written.
    public var text: String
    /// The number as written (Arabic or Chinese numeral), before the unit's magnitude.
    public var number: Decimal
    /// The unit, including a magnitude written next to it (`万元`, `万份`, `%`, `人次`); may be empty.
    public var unit: String
    /// `余`, `多`, `以上`, `不少于` …, or nil.
    public var qualifier: String?

    /// Creates a figure from its parts.
    public init(text: String, number: Decimal, unit: String, qualifier: String?) {
        self.text = text
        self.number = number
        self.unit = unit
        self.qualifier = qualifier
    }

    /// The multiplier a unit's leading 万 or 亿 stands for (1 otherwise).
    public static func magnitude(ofUnit unit: String) -> Decimal { scale(ofUnit: unit) ?? 1 }

    /// `value`, written in `unit`, in base units (`value × magnitude`); no arithmetic for a unit without magnitude
    /// (Decimal arithmetic is slow, and year-over-year tables do this for every figure).
    public static func inBaseUnits(_ value: Decimal, unit: String) -> Decimal {
        scale(ofUnit: unit).map { value * $0 } ?? value
    }

    /// `absolute`, in base units, written in `unit` (`absolute ÷ magnitude`); no arithmetic for a unit without one.
    public static func inUnit(_ absolute: Decimal, unit: String) -> Decimal {
        scale(ofUnit: unit).map { absolute / $0 } ?? absolute
    }

    /// The magnitude of a unit that has one (`万`, `亿`), nil for others.
    private static func scale(ofUnit unit: String) -> Decimal? {
        if unit.hasPrefix("亿") { return 100_000_000 }
        if unit.hasPrefix("万") { return 10_000 }
        return nil
    }

    /// The unit without a leading 万 or 亿 (`万元` → `元`, `万人次` → `人次`).
    public static func baseUnit(of unit: String) -> String {
        if unit.hasPrefix("万") || unit.hasPrefix("亿") { return String(unit.dropFirst()) }
        return unit
    }

    /// The number in base units: `10.2万人` → 102000.
    public var absoluteValue: Decimal { number * Self.magnitude(ofUnit: unit) }

    /// The unit without magnitude.
    public var baseUnit: String { Self.baseUnit(of: unit) }

    /// `number unit (qualifier)`, for messages.
    public var description: String {
        DecimalText.plain(number) + unit + (qualifier.map { " (\($0))" } ?? "")
    }

    /// Reads `text`; nil when it does not start (after a prefix qualifier) with a number.
    public static func parse(_ text: String) -> WrittenFigure? {
        var rest = Substring(text)
        var qualifier: String?
        if let prefix = prefixQualifiers.first(where: { rest.hasPrefix($0) }) {
            qualifier = prefix
            rest = rest.dropFirst(prefix.count)
        }
        guard let first = rest.first else { return nil }
        let number: Decimal
        var magnitudeCharacter = ""
        if first.isASCII, first.isNumber {
            let literal = rest.prefix { ($0.isASCII && $0.isNumber) || $0 == "." }
            guard let value = DecimalText.parse(literal) else { return nil }
            number = value
            rest = rest.dropFirst(literal.count)
            if let m = rest.first, m == "万" || m == "亿" {
                magnitudeCharacter = String(m)
                rest = rest.dropFirst()
            }
        } else if ChineseNumeral.isNumeralCharacter(first) {
            let literal = rest.prefix(while: ChineseNumeral.isNumeralCharacter)
            guard let value = ChineseNumeral.value(of: literal) else { return nil }
            number = value
            rest = rest.dropFirst(literal.count)
        } else {
            return nil
        }
        if let infix = infixQualifiers.first(where: { rest.hasPrefix($0) }) {
            guard qualifier == nil else { return nil }
            qualifier = infix
            rest = rest.dropFirst(infix.count)
        }
        if let suffix = suffixQualifiers.first(where: { rest.hasSuffix($0) }) {
            guard qualifier == nil else { return nil }
            qualifier = suffix
            rest = rest.dropLast(suffix.count)
        }
        let unit = magnitudeCharacter + String(rest)
        if unit.contains(where: { ($0.isASCII && $0.isNumber) }) { return nil }
        return WrittenFigure(text: text, number: number, unit: unit, qualifier: qualifier)
    }

    /// True when this figure and `value unit qualifier` say the same (any scale: 10.2万人 = 102000人).
    public func agrees(value: Decimal, unit: String, qualifier: String?) -> Bool {
        self.qualifier == qualifier
            && baseUnit == Self.baseUnit(of: unit)
            && absoluteValue == value * Self.magnitude(ofUnit: unit)
    }
}
