import GongkaiCore
import GongkaiSearch

/// Whether the theme's copy of the search script reads the search index this build writes. A site made by
/// `gongkai init` carries its own `theme/assets/search.js`; the script names the index format it reads in a line
/// `var INDEX_FORMAT = <n>;` (scripts of format 1, one file per page text, have no such line), and refuses another
/// format in the page. This warns at the build, where the editor can still update the file.
struct SearchScriptFormatCheck: Sendable {
    /// The script's path below the theme folder, as the build copies it to `public/`.
    static let assetPath = "assets/search.js"
    /// What the script's format line starts with.
    static let marker = Array("var INDEX_FORMAT = ".utf8)

    /// A warning at the format line of the theme's search script (or its first line, when it has none) when the
    /// format it reads is not `SearchIndexFile.format`; nothing when the theme has no search script. `themePath` is
    /// the theme folder as messages show it (`theme`).
    static func findings(assets: [StaticFile], themePath: String) -> [Diagnostic] {
        guard let script = assets.first(where: { $0.outputPath == assetPath }) else { return [] }
        let found = format(in: script.bytes)
        guard found.format != SearchIndexFile.format else { return [] }
        let location = SourceLocation(path: "\(themePath)/\(assetPath)", line: found.line, column: found.column)
        return [.warning(BuildText.searchScriptOldFormat(["script": String(found.format), "index": String(SearchIndexFile.format)]), at: location)]
    }

    /// The format the script `bytes` reads and where its format line names it (line and column of the number, from
    /// 1); format 1 at line 1, column 1 when no line starts with the marker (after indentation).
    static func format(in bytes: [UInt8]) -> (format: Int, line: Int, column: Int) {
        var line = 1, start = 0
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            var i = start
            while i < end, bytes[i] == 0x20 || bytes[i] == 0x09 { i += 1 }
            if end - i >= marker.count, Array(bytes[i..<(i + marker.count)]) == marker {
                let digits = bytes[(i + marker.count)..<end].prefix { $0 >= 0x30 && $0 <= 0x39 }
                if let n = Int(String(decoding: digits, as: UTF8.self)) {
                    return (n, line, i + marker.count - start + 1)
                }
            }
            line += 1
            start = end + 1
        }
        return (1, 1, 1)
    }
}
