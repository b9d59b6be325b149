import GongkaiCore

/// The message for a key that is not among a file's known keys: the known key it was meant to be when one is
/// close (`titel` → `title`, `title　` → `title`), else the list of known keys.
public enum KeySuggestion {
    /// The message for `key`, unknown among `known`.
    public static func message(for key: String, known: Set<String>) -> Message {
        let sorted = known.sorted()
        // `　contact:` (a full-width space as indentation) is read as a key of its own, one level too high.
        if key.first == "\u{3000}", case let folded = asciiFolded(key), !folded.isEmpty {
            return YAMLText.ideographicSpaceIndent(["key": folded])
        }
        if let found = key.first(where: { !$0.isASCII }) {
            let folded = asciiFolded(key)
            let prefix = String(key.prefix { $0.isASCII }).trimmingSpaces
            if let suggestion = known.contains(folded) ? folded : known.contains(prefix) ? prefix : closest(to: folded, in: sorted) {
                return YAMLText.unknownKeyFullWidth(["key": key, "found": String(found), "suggestion": suggestion])
            }
        }
        if let suggestion = closest(to: key, in: sorted) {
            return YAMLText.unknownKeyDidYouMean(["key": key, "suggestion": suggestion])
        }
        return YAMLText.unknownKey(["key": key, "known": sorted.joined(separator: ", ")])
    }

    /// The known key nearest to `key` by edit distance (letters inserted, deleted, replaced or two swapped), when it
    /// is near enough to be a slip: at most 1 edit for keys of up to 4 letters, 2 for longer ones.
    public static func closest(to key: String, in known: [String]) -> String? {
        let key = key.lowercased()
        let limit = key.count <= 4 ? 1 : 2
        var best: (name: String, distance: Int)?
        for name in known {
            let d = distance(Array(key), Array(name.lowercased()))
            if d <= limit, d < (best?.distance ?? Int.max) { best = (name, d) }
        }
        return best?.name
    }

    /// Optimal string alignment distance (Levenshtein with adjacent transpositions).
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var d = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d = min(d, table[i - 2][j - 2] + 1) }
                table[i][j] = d
            }
        }
        return table[a.count][b.count]
    }

    /// `key` with full-width ASCII forms (`ｔｉｔｌｅ`, `＿`) made ASCII and full-width spaces dropped.
    static func asciiFolded(_ key: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in key.unicodeScalars {
            if scalar.value == 0x3000 { continue }
            if (0xFF01...0xFF5E).contains(scalar.value), let ascii = Unicode.Scalar(scalar.value - 0xFEE0) {
                out.append(ascii)
            } else {
                out.append(scalar)
            }
        }
        return String(out).trimmingSpaces
    }
}

private extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
