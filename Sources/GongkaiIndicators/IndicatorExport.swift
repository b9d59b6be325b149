import GongkaiCore
import Foundation

/// Open-data files of a report's indicators: `indicators.csv` and `indicators.json`.
public enum IndicatorExport {
    /// The CSV header row.
    public static let csvHeader = ["编号", "专题", "指标", "数值", "单位", "限定词", "原文写法", "原文语句", "重点指标", "推算关系"]

    /// UTF-8 with BOM (so Excel on a Chinese Windows reads it as UTF-8), RFC 4180 quoting, CRLF line ends,
    /// a Chinese header row, one row per indicator in file order.
    ///
    /// `topicTitles` maps topic id to the title shown in the 专题 column (e.g. `(二)推动政府更好发挥职能作用`);
    /// pass them: a bare id like `02/04` would be read as a date by spreadsheets. Missing titles fall back to
    /// `专题 02/04`.
    public static func csv(_ set: IndicatorSet, topicTitles: [String: String] = [:]) -> Data {
        var rows = [csvHeader]
        for indicator in set.indicators {
            rows.append([
                indicator.id,
                topicTitles[indicator.topic] ?? "专题 \(indicator.topic)",
                indicator.label,
                indicator.valueText,
                indicator.unit,
                indicator.qualifier ?? "",
                indicator.written,
                indicator.quote,
                indicator.key ? "是" : "",
                indicator.derive.map { describe($0, in: set) } ?? "",
            ])
        }
        let text = rows.map { $0.map(csvField).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
        return Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8)
    }

    /// Deterministic JSON: keys sorted, indicators in file order (one per line), values as JSON numbers. `report` adds a `report` object (e.g. id, title, year).
    ///
    /// ```json
    /// {"indicators":[{"id":"zwfw-shixiang","key":true,"label":"政务服务事项","qualifier":null,"quote":"…",
    ///   "topic":"02/02","unit":"项","value":2530,"written":"2530项"}]}
    /// ```
    public static func json(_ set: IndicatorSet, report: [String: String] = [:]) -> Data {
        var top: [(String, String)] = []
        let items = set.indicators.map { indicator -> String in
            var fields: [(String, String)] = [
                ("id", string(indicator.id)),
                ("topic", string(indicator.topic)),
                ("label", string(indicator.label)),
                ("value", indicator.valueText),
                ("unit", string(indicator.unit)),
                ("qualifier", indicator.qualifier.map(string) ?? "null"),
                ("written", string(indicator.written)),
                ("quote", string(indicator.quote)),
                ("key", indicator.key ? "true" : "false"),
            ]
            if let derive = indicator.derive {
                var d: [(String, String)] = [
                    ("op", string(derive.operation.rawValue)),
                    ("of", "[" + derive.operands.map(string).joined(separator: ",") + "]"),
                    ("percent", derive.percent ? "true" : "false"),
                ]
                if let decimals = derive.decimals { d.append(("decimals", String(decimals))) }
                fields.append(("derive", object(d)))
            }
            return object(fields)
        }
        top.append(("indicators", items.isEmpty ? "[]" : "[\n    " + items.joined(separator: ",\n    ") + "\n  ]"))
        if !report.isEmpty {
            top.append(("report", object(report.map { ($0.key, string($0.value)) })))
        }
        let sortedTop = top.sorted { $0.0 < $1.0 }
        let body = sortedTop.map { "  \(string($0.0)): \($0.1)" }.joined(separator: ",\n")
        return Data(("{\n" + body + "\n}\n").utf8)
    }

    /// `chuting-yingsu / kaiting-anjian × 100` style description of a derivation.
    static func describe(_ derive: Derivation, in set: IndicatorSet) -> String {
        let names = derive.operands.map { set[$0]?.label ?? $0 }
        switch derive.operation {
        case .ratio:
            return "\(names.first ?? "") ÷ \(names.dropFirst().first ?? "")" + (derive.percent ? " × 100%" : "")
        case .sum:
            return names.joined(separator: " + ")
        case .equal:
            return "= " + (names.first ?? "")
        }
    }

    /// RFC 4180: quote a field containing comma, quote, CR or LF; double inner quotes.
    ///
    /// CSV injection (OWASP): a spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` as a formula (and a
    /// leading tab or carriage return can hide one), so such a field gets a leading `'`, which Excel shows as
    /// text. A field that is only a negative decimal number (`-0.5`, `-12`) is left as it is: Excel reads it as
    /// the number, not a formula, and the 数值 column must stay numeric.
    static func csvField(_ field: String) -> String {
        // Bytes, not characters: a CSV reader splits at a comma even when a combining mark follows it (where
        // `Character` sees one cluster, not ","), and looking at bytes spares the grapheme breaking.
        var field = field
        if let first = field.utf8.first, [UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D].contains(first),
           !isNegativeNumber(field.utf8) {
            field = "'" + field
        }
        let utf8 = field.utf8
        let needsQuotes = utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
            || utf8.first == 0x20 || utf8.last == 0x20
        guard needsQuotes else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Whether `utf8` is `-` followed by digits, with at most one `.` between digits (`-0.5`, `-12`).
    private static func isNegativeNumber(_ utf8: String.UTF8View) -> Bool {
        var digits = 0, dots = 0, afterDot = 0
        for (i, b) in utf8.enumerated() {
            if i == 0 { guard b == UInt8(ascii: "-") else { return false }; continue }
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits += 1; if dots == 1 { afterDot += 1 }
            case UInt8(ascii: "."): guard digits > 0, dots == 0 else { return false }; dots += 1
            default: return false
            }
        }
        return digits > 0 && (dots == 0 || afterDot > 0)
    }

    /// A compact JSON object with keys sorted (by Unicode scalars, like JSONEncoder's `.sortedKeys`).
    private static func object(_ fields: [(String, String)]) -> String {
        // By code point (scalars compare by value), without an array of them per comparison.
        let sorted = fields.sorted { $0.0.unicodeScalars.lexicographicallyPrecedes($1.0.unicodeScalars) }
        return "{" + sorted.map { "\(string($0.0)):\($0.1)" }.joined(separator: ",") + "}"
    }

    /// A JSON string literal (non-ASCII kept as UTF-8).
    static func string(_ text: String) -> String { TextEscaping.json(text) }
}
