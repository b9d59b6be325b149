import GongkaiCore

/// Finds the usual slips of a YAML text written by hand with a Chinese input method: a full-width `：` `，` `、`
/// `［］｛｝` or space where YAML needs ASCII, a Tab as indentation, a missing space after `:`, a quote never closed
/// (or closed with a full-width one).
///
/// Only consulted when a text fails to parse, or parses as something that is not what the file must be (a single
/// text instead of `key: value` lines): valid YAML keeps its meaning (`summary: 时间：2024年` is a value with a
/// full-width colon in it, and stays one).
public enum YAMLSlips {
    /// The slips on lines 1 … `lastLine` of `text`, in order.
    public static func find(in text: String, through lastLine: Int = Int.max) -> [YAMLSlip] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0) }
        var slips: [YAMLSlip] = []
        var blockScalarIndent: Int?
        for (index, chars) in lines.enumerated() {
            let lineNumber = index + 1
            if lineNumber > lastLine { break }
            let indent = leadingBlanks(chars)
            let isBlank = indent == chars.count
            if let block = blockScalarIndent {
                if isBlank || indent > block { continue }
                blockScalarIndent = nil
            }
            if isBlank || chars[indent] == "#" { continue }
            slips += lineSlips(chars, line: lineNumber, indent: indent, next: nextContentIndent(lines, after: index),
                               blockScalar: &blockScalarIndent)
        }
        return slips
    }

    /// The slips of one line (in a flow list or mapping, each full-width mark; otherwise the first slip).
    private static func lineSlips(_ chars: [Character], line: Int, indent: Int, next: Int?, blockScalar: inout Int?) -> [YAMLSlip] {
        if let slip = slip(in: chars, line: line, indent: indent, next: next, blockScalar: &blockScalar) { return [slip] }
        return flowSlips(chars, line: line, indent: indent)
    }

    /// The first slip of one line outside a flow list or mapping, if any.
    private static func slip(in chars: [Character], line: Int, indent: Int, next: Int?, blockScalar: inout Int?) -> YAMLSlip? {
        // Key: the ASCII name after the indentation and any `- ` list markers.
        var start = indent
        while start + 1 < chars.count, chars[start] == "-", chars[start + 1] == " " {
            start += 2
            while start < chars.count, chars[start] == " " { start += 1 }
        }
        var end = start
        while end < chars.count, isKeyCharacter(chars[end]) { end += 1 }
        let key = String(chars[start..<end])
        if let tab = chars[..<indent].firstIndex(of: "\t") {
            return YAMLSlip(line: line, column: tab + 1, message: YAMLText.tabIndent())
        }
        if let space = chars[..<indent].firstIndex(of: "\u{3000}") {
            let shown = key.isEmpty ? String(chars[indent...].prefix(12)) : key
            return YAMLSlip(line: line, column: space + 1, message: YAMLText.ideographicSpaceIndent(["key": shown]))
        }
        var valueStart = start
        if !key.isEmpty {
            var after = end
            while after < chars.count, chars[after] == " " || chars[after] == "\u{3000}" { after += 1 }
            if after < chars.count, chars[after] == "：" {
                return YAMLSlip(line: line, column: after + 1, message: YAMLText.fullWidthColon(["key": key]))
            }
            if end < chars.count, chars[end] == ":" {
                let rest = chars[(end + 1)...]
                if let first = rest.first, first == "\u{3000}" {
                    return YAMLSlip(line: line, column: end + 2, message: YAMLText.ideographicSpaceAfterColon(["key": key]))
                }
                if let first = rest.first, first != " ", first != "\t", first != ":", !rest.starts(with: ["/", "/"]),
                   key.first.map({ $0.isLetter || $0 == "_" }) == true, start == indent || chars[indent] == "-" {
                    return YAMLSlip(line: line, column: end + 1,
                                    message: YAMLText.missingSpaceAfterColon(["key": key, "value": String(rest)]))
                }
                valueStart = end + 1
                while valueStart < chars.count, chars[valueStart] == " " { valueStart += 1 }
            }
        }
        guard valueStart < chars.count else { return nil }
        switch chars[valueStart] {
        case "\"", "'":
            return quoteSlip(chars, at: valueStart, line: line, indent: indent, next: next)
        case "|", ">":
            blockScalar = indent
            return nil
        case "［", "｛":
            return punctuation(chars[valueStart], line: line, column: valueStart + 1)
        default:
            return nil
        }
    }

    /// An unclosed quote (or one closed by a full-width `”` `’`) opening at `open`; none when the next line is
    /// indented more than this one (a quoted text going on over several lines).
    private static func quoteSlip(_ chars: [Character], at open: Int, line: Int, indent: Int, next: Int?) -> YAMLSlip? {
        let quote = chars[open]
        var i = open + 1
        while i < chars.count {
            if quote == "\"", chars[i] == "\\" { i += 2; continue }
            if chars[i] == quote {
                if quote == "'", i + 1 < chars.count, chars[i + 1] == "'" { i += 2; continue }
                return nil
            }
            i += 1
        }
        let fullWidth: Character = quote == "\"" ? "”" : "’"
        if chars[(open + 1)...].contains(fullWidth) {
            return YAMLSlip(line: line, column: open + 1,
                            message: YAMLText.fullWidthClosingQuote(["quote": "`\(quote)`", "found": String(fullWidth)]))
        }
        if let next, next > indent { return nil }
        return YAMLSlip(line: line, column: open + 1, message: YAMLText.unclosedQuote(["quote": "`\(quote)`"]))
    }

    /// Each full-width `，` `、` `：` `［］｛｝` outside quotes in a flow list or mapping (`[a，b]`) on the line.
    private static func flowSlips(_ chars: [Character], line: Int, indent: Int) -> [YAMLSlip] {
        guard let start = chars[indent...].firstIndex(where: { $0 == "[" || $0 == "{" }) else { return [] }
        var slips: [YAMLSlip] = []
        var quote: Character?
        var depth = 0
        for i in start..<chars.count {
            let c = chars[i]
            if let q = quote {
                if c == q { quote = nil }
                continue
            }
            switch c {
            case "\"", "'": quote = c
            case "[", "{": depth += 1
            case "]", "}": depth -= 1
            case "，", "、", "：", "］", "｝", "［", "｛":
                if depth > 0 { slips.append(punctuation(c, line: line, column: i + 1)) }
            default: continue
            }
        }
        return slips
    }

    private static func punctuation(_ found: Character, line: Int, column: Int) -> YAMLSlip {
        let ascii: String
        switch found {
        case "，", "、": ascii = ","
        case "：": ascii = ":"
        case "［": ascii = "["
        case "］": ascii = "]"
        case "｛": ascii = "{"
        case "｝": ascii = "}"
        case "（": ascii = "("
        case "）": ascii = ")"
        default: ascii = String(found)
        }
        return YAMLSlip(line: line, column: column, message: YAMLText.fullWidthPunctuation(["found": String(found), "ascii": ascii]))
    }

    /// The number of spaces, Tabs and full-width spaces a line starts with.
    private static func leadingBlanks(_ chars: [Character]) -> Int {
        var n = 0
        while n < chars.count, chars[n] == " " || chars[n] == "\t" || chars[n] == "\u{3000}" { n += 1 }
        return n
    }

    /// The indentation of the first line after `index` that is neither blank nor a comment.
    private static func nextContentIndent(_ lines: [[Character]], after index: Int) -> Int? {
        for chars in lines[(index + 1)...] {
            let n = leadingBlanks(chars)
            if n < chars.count, chars[n] != "#" { return n }
        }
        return nil
    }

    private static func isKeyCharacter(_ c: Character) -> Bool {
        c.isASCII && (c.isLetter || c.isNumber || c == "_" || c == "-" || c == ".")
    }
}
