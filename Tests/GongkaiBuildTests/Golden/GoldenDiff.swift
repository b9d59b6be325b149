import GongkaiBuild

/// How a build's output differs from its golden, as a reader wants to see it: files missing and new, then for the
/// first few changed files their path and first differing lines (recorded `-`, built `+`, with line numbers and
/// context), or their sizes and digests where only those are recorded. `manifest.json`, which changes with every
/// other file, is shown after the files it lists.
struct GoldenDiff {
    /// Changed files shown in full detail.
    var filesShown = 5
    /// Runs of changed lines shown per file.
    var hunksShown = 3
    /// Changed lines shown per side and run.
    var linesShown = 8
    /// Context lines before the first change.
    var context = 2
    /// Characters shown of a long line (around its first difference).
    var width = 160

    /// Nil when `built` (path → bytes) is what `golden` records, else the report.
    func compare(_ golden: GoldenFile, _ built: [String: [UInt8]]) -> String? {
        let recorded = Dictionary(golden.entries.map { ($0.path, $0.content) }, uniquingKeysWith: { first, _ in first })
        let missing = golden.entries.map(\.path).filter { built[$0] == nil }
        let new = built.keys.filter { recorded[$0] == nil }.sorted()
        var changed = golden.entries.filter { entry in
            guard let bytes = built[entry.path] else { return false }
            switch entry.content {
            case .text(let text): return text != bytes
            case .digest(let size, let sha256): return size != bytes.count || sha256 != Manifest.sha256(bytes)
            }
        }
        guard !missing.isEmpty || !new.isEmpty || !changed.isEmpty else { return nil }
        changed = changed.filter { $0.path != "manifest.json" } + changed.filter { $0.path == "manifest.json" }
        var out = ["\(changed.count) of \(golden.entries.count) recorded files differ, \(missing.count) missing, \(new.count) new"]
        if !missing.isEmpty { out.append("missing (recorded, not built): " + Self.list(missing)) }
        if !new.isEmpty { out.append("new (built, not recorded): " + Self.list(new)) }
        for entry in changed.prefix(filesShown) {
            let bytes = built[entry.path] ?? []
            switch entry.content {
            case .text(let text):
                out.append("--- \(entry.path)")
                out += lines(recorded: text, built: bytes)
            case .digest(let size, let sha256):
                out.append("--- \(entry.path): recorded \(size) bytes, sha256 \(sha256.prefix(16))…; built \(bytes.count) bytes, sha256 \(Manifest.sha256(bytes).prefix(16))… (only its size and digest are recorded)")
            }
        }
        if changed.count > filesShown { out.append("… and \(changed.count - filesShown) more changed: " + Self.list(changed.dropFirst(filesShown).map(\.path))) }
        return out.joined(separator: "\n")
    }

    /// The first differing lines of a text file: its first `hunksShown` runs of changed lines (recorded `-`, built
    /// `+`, each side cut to `linesShown` lines) with `context` unchanged lines before each.
    private func lines(recorded: [UInt8], built: [UInt8]) -> [String] {
        guard let builtText = String(validating: built, as: UTF8.self) else {
            return ["  built \(built.count) bytes that are not UTF-8 text (recorded \(recorded.count) bytes of text)"]
        }
        let old = String(decoding: recorded, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let new = builtText.split(separator: "\n", omittingEmptySubsequences: false)
        var out: [String] = []
        let hunks = LineDiff(old, new).hunks()
        for hunk in hunks.prefix(hunksShown) {
            let removed = old[hunk.old]
            let added = new[hunk.new]
            // Where the first changed line pair differs, so that a long line is shown around that column.
            var column = 0
            if let a = removed.first, let b = added.first { column = zip(a, b).prefix { $0 == $1 }.count }
            out.append("@@ line \(hunk.old.lowerBound + 1)\(hunk.new.lowerBound == hunk.old.lowerBound ? "" : " (built: \(hunk.new.lowerBound + 1))")"
                + "\(removed.isEmpty || added.isEmpty ? "" : ", column \(column + 1)"): \(removed.count) recorded, \(added.count) built @@")
            for line in old[max(0, hunk.old.lowerBound - context)..<hunk.old.lowerBound] { out.append("  " + excerpt(line, around: column)) }
            for line in removed.prefix(linesShown) { out.append("- " + excerpt(line, around: column)) }
            if removed.count > linesShown { out.append("- … \(removed.count - linesShown) more lines") }
            for line in added.prefix(linesShown) { out.append("+ " + excerpt(line, around: column)) }
            if added.count > linesShown { out.append("+ … \(added.count - linesShown) more lines") }
        }
        if hunks.count > hunksShown { out.append("… and \(hunks.count - hunksShown) more changed places in this file") }
        return out
    }

    /// `line`, or for a long one the `width` characters around `column`, with … where cut.
    private func excerpt(_ line: Substring, around column: Int) -> String {
        guard line.count > width else { return String(line) }
        let start = max(0, min(column - width / 3, line.count - width))
        let from = line.index(line.startIndex, offsetBy: start)
        let to = line.index(from, offsetBy: width)
        return (start > 0 ? "…" : "") + line[from..<to] + (to < line.endIndex ? "…" : "")
    }

    private static func list(_ paths: [String]) -> String {
        paths.prefix(10).joined(separator: ", ") + (paths.count > 10 ? ", … (\(paths.count) in all)" : "")
    }
}
