import Foundation

/// Reads Chinese numerals as the reports write them: 千, 两千, 一百二十, 十五, 三万, 二〇二四 is not a numeral.
enum ChineseNumeral {
    /// Digits 零…九 (and 两, 〇).
    static let digits: [Character: Int] = [
        "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
        "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    ]
    /// Small units inside a section.
    static let smallUnits: [Character: Int] = ["十": 10, "百": 100, "千": 1000]
    /// Section magnitudes.
    static let magnitudes: [Character: Int] = ["万": 10_000, "亿": 100_000_000]

    /// True for any character that can be part of a Chinese numeral.
    static func isNumeralCharacter(_ c: Character) -> Bool {
        digits[c] != nil || smallUnits[c] != nil || magnitudes[c] != nil
    }

    /// True when `c` is a unit or magnitude character (十 百 千 万 亿).
    static func isMagnitudeCharacter(_ c: Character) -> Bool {
        smallUnits[c] != nil || magnitudes[c] != nil
    }

    /// The value of `text`, or nil when it is not a well-formed numeral (e.g. 十三五, 一二).
    static func value(of text: some StringProtocol) -> Decimal? {
        guard !text.isEmpty else { return nil }
        var total = Decimal(0)
        var section = Decimal(0)
        var digit: Int?
        var lastSmallUnit = Int.max
        for c in text {
            if let d = digits[c] {
                if let previous = digit, previous != 0 { return nil }
                digit = d
            } else if let unit = smallUnits[c] {
                guard unit < lastSmallUnit else { return nil }
                lastSmallUnit = unit
                section += Decimal(digit ?? 1) * Decimal(unit)
                digit = nil
            } else if let magnitude = magnitudes[c] {
                section += Decimal(digit ?? 0)
                if section == 0 { section = 1 }
                if magnitude == 100_000_000 {
                    total = (total + section) * Decimal(magnitude)
                } else {
                    total += section * Decimal(magnitude)
                }
                section = 0
                digit = nil
                lastSmallUnit = Int.max
            } else {
                return nil
            }
        }
        return total + section + Decimal(digit ?? 0)
    }
}
