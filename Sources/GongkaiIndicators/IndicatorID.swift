/// Indicator ids made from what a figure counts: its label (and unit, when two figures of one report share a label),
/// never its position, so that the same figure gets the same id in every year's draft and two reports of one series
/// line up without hand-editing. Han characters, ASCII letters and digits are kept; every other run of characters
/// becomes one `-`.
public enum IndicatorID {
    /// The longest id made from a label, in characters.
    static let maximumLength = 24

    /// An id for a figure labelled `label` in `unit`, not in `taken` (which it joins): the label's words,
    /// then `-<unit>`, then `-2`, `-3` … until unique.
    public static func make(label: String, unit: String, taken: inout Set<String>) -> String {
        let base = words(label).nonEmptyOr("zhibiao")
        var candidates = [base]
        let unitWords = words(unit)
        if !unitWords.isEmpty { candidates.append(base + "-" + unitWords) }
        var id = candidates.first { !taken.contains($0) }
        var n = 2
        while id == nil {
            let next = (candidates.last ?? base) + "-\(n)"
            if !taken.contains(next) { id = next }
            n += 1
        }
        let chosen = id ?? base
        taken.insert(chosen)
        return chosen
    }

    /// The characters of `text` an id keeps, at most ``maximumLength``.
    static func words(_ text: String) -> String {
        var out = ""
        var count = 0
        var pendingDash = false
        for c in text {
            guard count < maximumLength else { break }
            if isKept(c) {
                if pendingDash && !out.isEmpty { out.append("-"); count += 1 }
                pendingDash = false
                out.append(c)
                count += 1
            } else {
                pendingDash = true
            }
        }
        return out
    }

    private static func isKept(_ c: Character) -> Bool {
        guard c.unicodeScalars.count == 1, let s = c.unicodeScalars.first else { return false }
        if s.isASCII { return (s.value >= 0x30 && s.value <= 0x39) || (s.value >= 0x41 && s.value <= 0x5A) || (s.value >= 0x61 && s.value <= 0x7A) }
        return (0x4E00...0x9FFF).contains(s.value) || (0x3400...0x4DBF).contains(s.value)
    }
}

extension String {
    fileprivate func nonEmptyOr(_ fallback: String) -> String { isEmpty ? fallback : self }
}
