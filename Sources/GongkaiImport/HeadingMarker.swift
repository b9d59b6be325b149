/// The numbering that opens a heading of a Chinese official document (GB/T 9704):
/// level 1 `一、`, level 2 `（一）`/`(一)`, level 3 `1.` `1．` `1、`, level 4 `（1）`/`(1)`.
public struct HeadingMarker: Sendable, Hashable {
    /// 1…4.
    public let level: Int
    /// The numbering exactly as written, e.g. `(一)` or `1．`.
    public let numbering: String
    /// The number it stands for (一 = 1, 十二 = 12, ４ = 4).
    public let number: Int
    /// Invisible characters written before the numbering (zero-width, bidi controls, U+FEFF), also at the start of
    /// `numbering`; empty for a clean heading. The heading is recognised all the same (a pasted `\u{200B}一、` would
    /// otherwise silently become body text), and the importer warns at its line.
    public var hiddenPrefix: String = ""

    /// Zero-width and bidi formatting characters a copied text may carry unseen: U+200B–U+200F, U+202A–U+202E,
    /// U+2066–U+2069, U+FEFF.
    public static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x200B...0x200F, 0x202A...0x202E, 0x2066...0x2069, 0xFEFF: return true
        default: return false
        }
    }

    static let chineseDigits: [Character: Int] = [
        "〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    ]
    static let openParens: Set<Character> = ["(", "（"]
    static let closeParens: Set<Character> = [")", "）"]

    /// The marker at the start of `text`, if the text starts with one and something follows it.
    public static func match(_ text: String) -> HeadingMarker? {
        let scalars = text.unicodeScalars
        guard let first = scalars.first, isInvisible(first) else { return matchVisible(text) }
        let start = scalars.firstIndex { !isInvisible($0) } ?? scalars.endIndex
        let hidden = String(scalars[..<start])
        guard let marker = matchVisible(String(scalars[start...])) else { return nil }
        var found = HeadingMarker(level: marker.level, numbering: hidden + marker.numbering, number: marker.number)
        found.hiddenPrefix = hidden
        return found
    }

    /// `match(_:)` for text that does not start with an invisible character.
    private static func matchVisible(_ text: String) -> HeadingMarker? {
        let chars = Array(text)
        guard let first = chars.first else { return nil }
        if openParens.contains(first) {
            var i = 1
            let inner = i
            while i < chars.count, i - inner < 4, isChineseNumeral(chars[i]) || asciiDigit(chars[i]) != nil { i += 1 }
            guard i > inner, i < chars.count, closeParens.contains(chars[i]), i + 1 < chars.count else { return nil }
            let body = Array(chars[inner..<i])
            let numbering = String(chars[0...i])
            if body.allSatisfy(isChineseNumeral), let n = chineseNumber(body) {
                return HeadingMarker(level: 2, numbering: numbering, number: n)
            }
            if body.count <= 2, let n = decimal(body) {
                return HeadingMarker(level: 4, numbering: numbering, number: n)
            }
            return nil
        }
        if isChineseNumeral(first) {
            var i = 0
            while i < chars.count, i < 4, isChineseNumeral(chars[i]) { i += 1 }
            guard i < chars.count, chars[i] == "、", i + 1 < chars.count, let n = chineseNumber(Array(chars[0..<i])) else { return nil }
            return HeadingMarker(level: 1, numbering: String(chars[0...i]), number: n)
        }
        if asciiDigit(first) != nil {
            var i = 0
            while i < chars.count, asciiDigit(chars[i]) != nil { i += 1 }
            guard i <= 2, i + 1 < chars.count, ["." as Character, "．", "、"].contains(chars[i]),
                  asciiDigit(chars[i + 1]) == nil, let n = decimal(Array(chars[0..<i])), n > 0 else { return nil }
            return HeadingMarker(level: 3, numbering: String(chars[0...i]), number: n)
        }
        return nil
    }

    static func isChineseNumeral(_ c: Character) -> Bool { chineseDigits[c] != nil || c == "十" }

    /// 0…9 for ASCII and full-width digits.
    static func asciiDigit(_ c: Character) -> Int? {
        guard let s = c.unicodeScalars.first, c.unicodeScalars.count == 1 else { return nil }
        if (0x30...0x39).contains(s.value) { return Int(s.value - 0x30) }
        if (0xFF10...0xFF19).contains(s.value) { return Int(s.value - 0xFF10) }
        return nil
    }

    static func decimal(_ chars: [Character]) -> Int? {
        var n = 0
        for c in chars {
            guard let d = asciiDigit(c) else { return nil }
            n = n * 10 + d
        }
        return chars.isEmpty ? nil : n
    }

    /// 一 … 九十九 (also 二〇 style digit strings).
    static func chineseNumber(_ chars: [Character]) -> Int? {
        guard !chars.isEmpty else { return nil }
        if let ten = chars.firstIndex(of: "十") {
            let before = chars[..<ten], after = chars[(ten + 1)...]
            guard before.count <= 1, after.count <= 1, !after.contains("十") else { return nil }
            let tens = before.first.flatMap { chineseDigits[$0] } ?? 1
            let units = after.first.flatMap { chineseDigits[$0] } ?? 0
            return tens * 10 + units
        }
        var n = 0
        for c in chars {
            guard let d = chineseDigits[c] else { return nil }
            n = n * 10 + d
        }
        return n > 0 ? n : nil
    }
}
