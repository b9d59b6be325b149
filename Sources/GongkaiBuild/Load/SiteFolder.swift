import Foundation
import Glibc
import GongkaiCore

/// Lists the site's folders with `opendir`/`readdir`, so that nothing in them is skipped without a word: a name
/// that is not valid UTF-8 (which Foundation's listing drops or alters), a link leading outside the site, a folder
/// link, a dangling link, a FIFO … are errors naming the path (`SymlinkGuard`). Names starting with `.` are left out,
/// as before. The listing's file type spares an `lstat` for every regular file and folder.
enum SiteFolder {
    /// The entries of `dir` (shown as `display`), sorted by name, judged against the real boundary folder
    /// `boundary`; entries that may not be read are left out, with an error each in `diagnostics`.
    static func entries(of dir: URL, display: String, boundary: String, diagnostics: inout [Diagnostic]) -> [FolderEntry] {
        guard let handle = opendir(dir.path) else { return [] }
        defer { closedir(handle) }
        var raw: [(name: String, type: UInt8)] = []
        while let entry = readdir(handle) {
            let type = entry.pointee.d_type
            let bytes: [UInt8] = withUnsafeBytes(of: entry.pointee.d_name) { buffer in
                Array(buffer.prefix { $0 != 0 })
            }
            guard let first = bytes.first, first != UInt8(ascii: ".") else { continue }
            guard let name = String(validating: bytes, as: UTF8.self) else {
                let shown = String(decoding: bytes, as: UTF8.self)
                let hex = bytes.map { String($0, radix: 16, uppercase: true) }.joined(separator: " ")
                diagnostics.append(.error(BuildText.fileNameNotUTF8(["bytes": hex]),
                                          at: SourceLocation(path: "\(display)/\(shown)", line: 1, column: 1)))
                continue
            }
            raw.append((name, type))
        }
        raw.sort { $0.name < $1.name }
        var out: [FolderEntry] = []
        out.reserveCapacity(raw.count)
        for (name, type) in raw {
            let url = dir.appendingPathComponent(name, isDirectory: false)
            switch SymlinkGuard.verdict(url.path, type: type, boundary: boundary, displayPath: "\(display)/\(name)") {
            case .file: out.append(FolderEntry(name: name, url: url, isDirectory: false))
            case .folder: out.append(FolderEntry(name: name, url: url, isDirectory: true))
            case .missing: continue
            case .refused(let problem): diagnostics.append(problem)
            }
        }
        return out
    }

    /// Every file below `dir` (relative paths, sorted as Foundation's walk sorted them: by the whole relative path),
    /// folders walked, with the same checks as `entries`.
    static func files(below dir: URL, display: String, boundary: String, diagnostics: inout [Diagnostic]) -> [(relative: String, url: URL)] {
        var out: [(relative: String, url: URL)] = []
        func walk(_ folder: URL, prefix: String) {
            for entry in entries(of: folder, display: prefix.isEmpty ? display : "\(display)/\(prefix.dropLast())", boundary: boundary, diagnostics: &diagnostics) {
                if entry.isDirectory { walk(entry.url, prefix: "\(prefix)\(entry.name)/") } else { out.append(("\(prefix)\(entry.name)", entry.url)) }
            }
        }
        walk(dir, prefix: "")
        out.sort { $0.relative < $1.relative }
        return out
    }
}
