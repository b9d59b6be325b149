/// Markdown for a paragraph with bold runs: `**…**` around each bold stretch where CommonMark will read it as
/// strong emphasis (its flanking rules, which CJK punctuation next to the delimiter can defeat); a stretch where it
/// would not stays plain, so that the rendered text is always the paragraph's text.
enum BoldMarkdown {
    /// The Markdown, or nil when no stretch is bold.
    static func markdown(_ runs: [(text: String, bold: Bool)]) -> String? {
        // Merge neighbouring runs of the same weight.
        var merged: [(text: String, bold: Bool)] = []
        for run in runs where !run.text.isEmpty {
            if let last = merged.last, last.bold == run.bold { merged[merged.count - 1].text += run.text } else { merged.append(run) }
        }
        guard merged.contains(where: { $0.bold && !$0.text.trimmedSource.isEmpty }) else { return nil }
        let whole = merged.map(\.text).joined()
        var out = ""
        var emphasised = false
        var position = 0
        let chars = Array(whole)
        for (i, run) in merged.enumerated() {
            let count = run.text.count
            let escaped = i == 0 ? MarkdownEscaper.paragraph(run.text) : MarkdownEscaper.inline(run.text)
            if run.bold, let core = Self.core(chars, from: position, count: count) {
                let before = core.start > 0 ? chars[core.start - 1] : nil
                let after = core.end < chars.count ? chars[core.end] : nil
                let first = chars[core.start], last = chars[core.end - 1]
                if opens(before: before, first: first), closes(last: last, after: after) {
                    let lead = String(chars[position..<core.start]), inner = String(chars[core.start..<core.end])
                    let trail = String(chars[core.end..<(position + count)])
                    let innerEscaped = i == 0 && lead.isEmpty ? MarkdownEscaper.paragraph(inner) : MarkdownEscaper.inline(inner)
                    out += MarkdownEscaper.inline(lead) + "**" + innerEscaped + "**" + MarkdownEscaper.inline(trail)
                    emphasised = true
                    position += count
                    continue
                }
            }
            out += escaped
            position += count
        }
        return emphasised ? out : nil
    }

    /// The stretch without white space at its ends.
    private static func core(_ chars: [Character], from start: Int, count: Int) -> (start: Int, end: Int)? {
        var s = start, e = start + count
        while s < e, chars[s].isWhitespace { s += 1 }
        while e > s, chars[e - 1].isWhitespace { e -= 1 }
        return s < e ? (s, e) : nil
    }

    private static func isPunctuation(_ c: Character) -> Bool {
        c.unicodeScalars.allSatisfy { $0.properties.generalCategory.isPunctuationOrSymbol }
    }

    /// `**` before `first` is left-flanking.
    private static func opens(before: Character?, first: Character) -> Bool {
        if first.isWhitespace { return false }
        guard isPunctuation(first) else { return true }
        guard let before else { return true }
        return before.isWhitespace || isPunctuation(before)
    }

    /// `**` after `last` is right-flanking.
    private static func closes(last: Character, after: Character?) -> Bool {
        if last.isWhitespace { return false }
        guard isPunctuation(last) else { return true }
        guard let after else { return true }
        return after.isWhitespace || isPunctuation(after)
    }
}

extension Unicode.GeneralCategory {
    /// Punctuation or symbol, as CommonMark's "Unicode punctuation character" (cmark-gfm also counts symbols).
    var isPunctuationOrSymbol: Bool {
        switch self {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
             .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol: return true
        default: return false
        }
    }
}
