/// Character classes the parser and the fidelity check share.
enum TextRules {
    /// White space as the comparison ignores it: Unicode white space (including 　 U+3000) and U+FEFF.
    static func isIgnorable(_ s: Unicode.Scalar) -> Bool {
        s.properties.isWhitespace || s == "\u{FEFF}" || s == "\u{200B}"
    }

    /// Sentence-final punctuation: a line ending in one of these (optionally followed by closing quotes or
    /// brackets) ends its sentence; a line ending otherwise was broken inside a sentence.
    static let sentenceFinal: Set<Character> = ["。", "！", "？", "!", "?", "；", ";", "：", ":", "…", "."]

    /// Closing quotes and brackets that may follow sentence-final punctuation.
    static let closers: Set<Character> = ["”", "’", "」", "』", "）", ")", "》", "〉", "】", "\"", "'"]

    /// Ends a heading that is the first sentence of its paragraph.
    static let headingEnd: Set<Character> = ["。", "！", "？", "!", "?"]

    /// Punctuation inside a sentence; a title or salutation line has none.
    static let sentencePunctuation: Set<Character> = ["。", "，", ",", "；", ";", "！", "？", "!", "?"]

    /// True when `line` ends its sentence.
    static func endsSentence(_ line: String) -> Bool {
        var s = Substring(line)
        while let last = s.last, closers.contains(last) { s = s.dropLast() }
        guard let last = s.last else { return true }
        return sentenceFinal.contains(last)
    }
}

extension String {
    /// The line without leading and trailing white space (including full-width 　 indentation and BOM).
    var trimmedSource: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !TextRules.isIgnorable($0) }),
              let last = scalars.lastIndex(where: { !TextRules.isIgnorable($0) }) else { return "" }
        return String(scalars[first...last])
    }
}
