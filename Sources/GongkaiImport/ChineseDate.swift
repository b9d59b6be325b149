/// Parses a date line such as `2025年2月28日` or `二〇二五年二月二十八日`.
enum ChineseDate {
    /// `YYYY-MM-DD` when the whole of `text` is a date.
    static func parse(_ text: String) -> String? {
        let t = text.trimmedSource
        guard let y = t.firstIndex(of: "年"), let m = t.firstIndex(of: "月"), let d = t.firstIndex(of: "日"),
              y < m, m < d, t.index(after: d) == t.endIndex else { return nil }
        guard let year = number(t[t.startIndex..<y], positional: true),
              let month = number(t[t.index(after: y)..<m], positional: false),
              let day = number(t[t.index(after: m)..<d], positional: false),
              (1000...9999).contains(year), (1...12).contains(month), (1...31).contains(day) else { return nil }
        return "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }

    /// True when `text` is a date line.
    static func isDate(_ text: String) -> Bool { parse(text) != nil }

    private static func number(_ s: Substring, positional: Bool) -> Int? {
        let chars = Array(s)
        guard !chars.isEmpty else { return nil }
        if let n = HeadingMarker.decimal(chars) { return n }
        if positional {
            var n = 0
            for c in chars {
                guard let d = HeadingMarker.chineseDigits[c] else { return nil }
                n = n * 10 + d
            }
            return n
        }
        return HeadingMarker.chineseNumber(chars)
    }
}
