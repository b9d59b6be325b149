import Foundation

/// Decimal helpers shared by parsing, audit and export (exact arithmetic, no binary floating point).
enum DecimalText {
    /// Parses a plain decimal literal (`118`, `99.15`, `-3`); nil for anything else.
    static func parse(_ text: some StringProtocol) -> Decimal? {
        let s = String(text)
        var digitsSeen = false
        var dotSeen = false
        for (i, c) in s.enumerated() {
            if c.isASCII, c.isNumber { digitsSeen = true; continue }
            if c == ".", !dotSeen, digitsSeen { dotSeen = true; continue }
            if c == "-", i == 0 { continue }
            return nil
        }
        guard digitsSeen, s.last != "." else { return nil }
        return Decimal(string: s, locale: Locale(identifier: "en_US_POSIX"))
    }

    /// The number of digits after the decimal point in `value`'s shortest form.
    static func decimals(of value: Decimal) -> Int {
        let text = plain(value)
        guard let dot = text.firstIndex(of: ".") else { return 0 }
        return text.distance(from: dot, to: text.endIndex) - 1
    }

    /// Shortest plain form: `3658.78`, `1000`, `0.5` (never exponent notation).
    static func plain(_ value: Decimal) -> String {
        var v = value
        var rounded = Decimal()
        NSDecimalRound(&rounded, &v, 12, .plain)
        var text = rounded.description
        if text.utf8.contains(where: { $0 | 0x20 == UInt8(ascii: "e") }) {  // an exponent (`e` or `E`)
            text = NSDecimalNumber(decimal: rounded).stringValue
        }
        return text
    }

    /// `value` rounded half away from zero ("四舍五入") to `decimals` places.
    static func roundHalfUp(_ value: Decimal, decimals: Int) -> Decimal {
        var v = value
        var result = Decimal()
        NSDecimalRound(&result, &v, decimals, .plain)
        return result
    }

    /// `value` with exactly `decimals` digits after the point: `99.50`.
    static func fixed(_ value: Decimal, decimals: Int) -> String {
        var text = plain(roundHalfUp(value, decimals: decimals))
        guard decimals > 0 else { return text }
        if !text.contains(".") { text += "." }
        let have = text.distance(from: text.firstIndex(of: ".") ?? text.endIndex, to: text.endIndex) - 1
        if have < decimals { text += String(repeating: "0", count: decimals - have) }
        return text
    }
}
