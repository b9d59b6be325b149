/// Makes heading anchor ids that keep Chinese characters.
///
/// Letters and digits of every script are kept (Latin lower-cased), white space and hyphens become one `-`,
/// everything else (punctuation such as `、（）。“”`) is dropped. An empty result becomes `section`.
/// `HeadingIDGenerator` adds `-1`, `-2`, … to repeats within one document.
public enum HeadingID {
    /// The id for a heading's text, before de-duplication.
    public static func slug(_ text: String) -> String {
        var out = ""
        var pendingDash = false
        for scalar in text.unicodeScalars {
            let props = scalar.properties
            if props.isWhitespace || scalar == "-" || scalar == "_" {
                pendingDash = !out.isEmpty
                continue
            }
            let isWordish = props.isAlphabetic || props.numericType != nil || props.generalCategory == .decimalNumber
            guard isWordish else { continue }
            if pendingDash { out.append("-"); pendingDash = false }
            if scalar.isASCII {
                out.unicodeScalars.append(contentsOf: String(scalar).lowercased().unicodeScalars)
            } else if (0xFF10...0xFF19).contains(scalar.value) || (0xFF21...0xFF3A).contains(scalar.value) || (0xFF41...0xFF5A).contains(scalar.value) {
                // Full-width Latin letters and digits fold to ASCII.
                let folded = Unicode.Scalar(scalar.value - 0xFEE0) ?? scalar
                out.unicodeScalars.append(contentsOf: String(folded).lowercased().unicodeScalars)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out.isEmpty ? "section" : out
    }
}

/// Hands out unique heading ids within one document.
public struct HeadingIDGenerator: Sendable {
    private var used: Set<String>

    /// Creates a generator; `reserved` ids are treated as already taken.
    public init(reserved: Set<String> = []) { used = reserved }

    /// The next unique id for `text`.
    public mutating func next(for text: String) -> String {
        let base = HeadingID.slug(text)
        var candidate = base
        var n = 1
        while used.contains(candidate) {
            candidate = "\(base)-\(n)"
            n += 1
        }
        used.insert(candidate)
        return candidate
    }
}
