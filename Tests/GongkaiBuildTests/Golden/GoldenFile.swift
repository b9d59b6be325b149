import Foundation
import GongkaiBuild

/// One site's recorded output, stored as one txtar-like text file so that a change to the output reads in
/// `git diff`:
///
///     # comment lines (what was built, how to re-record)
///     -- index.html --
///     <!doctype html>…                      (a text file in full: the lines up to the next header)
///     -- robots.txt (no final newline) --
///     …                                     (the same, the file lacks the last line's newline)
///     -- data.csv (CRLF line ends) --
///     …                                     (stored with LF, every line of the file ends in CR LF)
///     -- logo.png (1234 bytes, sha256 9f86d0…) --
///                                           (a binary file, or a text file kept out of a large site's full text)
///
/// Every file of the output has an entry, in path order. A text file is stored in full only when the format can
/// give back its exact bytes: valid UTF-8 without NUL, carriage returns only before every line feed, and no line
/// shaped like a header; any other file is stored as its size and SHA-256.
struct GoldenFile: Equatable {
    /// What is recorded of one file.
    enum Content: Equatable {
        /// The file's bytes, in full.
        case text([UInt8])
        /// Only the file's size and SHA-256 (lower-case hex).
        case digest(size: Int, sha256: String)
    }

    /// One output file.
    struct Entry: Equatable {
        /// The path below the output folder.
        var path: String
        /// What is recorded of it.
        var content: Content
    }

    /// A golden file that cannot be read, with its 1-based line.
    struct ReadError: Error, CustomStringConvertible {
        var line: Int
        var message: String
        var description: String { "line \(line): \(message)" }
    }

    /// The `#` lines at the top (without `# `).
    var comments: [String]
    /// Every file, in path order.
    var entries: [Entry]

    /// The text form of a file: its lines with LF, and what the header says about the file's own line ends.
    private struct TextForm {
        var lines: [UInt8]
        var crlf = false
        var noFinalNewline = false
    }

    /// Records `files` (path → bytes): in full those `fullText` picks whose text the format can hold, the others
    /// as size and SHA-256.
    init(recording files: [String: [UInt8]], comments: [String], fullText: (String) -> Bool = { _ in true }) {
        self.comments = comments
        entries = files.keys.sorted().map { path in
            let bytes = files[path] ?? []
            if fullText(path), Self.textForm(bytes) != nil { return Entry(path: path, content: .text(bytes)) }
            return Entry(path: path, content: .digest(size: bytes.count, sha256: Manifest.sha256(bytes)))
        }
    }

    /// Reads a golden file's bytes.
    init(reading bytes: [UInt8]) throws(ReadError) {
        comments = []
        entries = []
        var current: (entry: Entry, form: TextForm, line: Int, start: Int)?
        func close(at end: Int) throws(ReadError) {
            guard let open = current else { return }
            var entry = open.entry
            let body = Array(bytes[open.start..<end])
            switch entry.content {
            case .digest:
                guard body.isEmpty else { throw ReadError(line: open.line + 1, message: "text after a size-and-digest entry") }
            case .text:
                var text = body
                if open.form.noFinalNewline {
                    guard text.last == 0x0A else { throw ReadError(line: open.line, message: "a file without final newline needs a line of text") }
                    text.removeLast()
                }
                entry.content = .text(open.form.crlf ? Self.crlf(text) : text)
            }
            if let last = entries.last, last.path >= entry.path {
                throw ReadError(line: open.line, message: "\(entry.path) is not after \(last.path) (entries are in path order, each once)")
            }
            entries.append(entry)
        }
        var lineNumber = 0
        var start = 0
        while start < bytes.count {
            lineNumber += 1
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            let line = bytes[start..<end]
            let next = min(end + 1, bytes.count)
            if let header = Self.header(line) {
                try close(at: start)
                let parsed = Self.entry(header)
                current = (parsed.entry, parsed.form, lineNumber, next)
            } else if current == nil {
                guard line.first == UInt8(ascii: "#") else { throw ReadError(line: lineNumber, message: "text before the first `-- path --` header") }
                let text = line.dropFirst()
                comments.append(String(decoding: text.first == 0x20 ? text.dropFirst() : text, as: UTF8.self))
            }
            start = next
        }
        try close(at: bytes.count)
    }

    /// The golden file's bytes.
    func rendered() -> [UInt8] {
        var out: [UInt8] = []
        for comment in comments { out += Array("# \(comment)\n".utf8) }
        for entry in entries {
            switch entry.content {
            case .digest(let size, let sha256):
                out += Array("-- \(entry.path) (\(size) bytes, sha256 \(sha256)) --\n".utf8)
            case .text(let bytes):
                let form = Self.textForm(bytes) ?? TextForm(lines: bytes)
                let notes = (form.crlf ? ["CRLF line ends"] : []) + (form.noFinalNewline ? ["no final newline"] : [])
                out += Array("-- \(entry.path)\(notes.isEmpty ? "" : " (" + notes.joined(separator: ", ") + ")") --\n".utf8)
                out += form.lines
                if form.noFinalNewline { out.append(0x0A) }
            }
        }
        return out
    }

    /// How `bytes` is stored as text, nil when the text form could not give it back unchanged.
    private static func textForm(_ bytes: [UInt8]) -> TextForm? {
        guard String(validating: bytes, as: UTF8.self) != nil, !bytes.contains(0) else { return nil }
        var form = TextForm(lines: bytes)
        if bytes.contains(0x0D) {
            // Only CR LF line ends: every LF after a CR, no CR elsewhere.
            var lines: [UInt8] = []
            lines.reserveCapacity(bytes.count)
            var i = 0
            while i < bytes.count {
                if bytes[i] == 0x0D {
                    guard i + 1 < bytes.count, bytes[i + 1] == 0x0A else { return nil }
                    i += 1
                } else if bytes[i] == 0x0A {
                    return nil
                }
                lines.append(bytes[i])
                i += 1
            }
            form = TextForm(lines: lines, crlf: true)
        }
        form.noFinalNewline = !form.lines.isEmpty && form.lines.last != 0x0A
        guard !form.lines.split(separator: 0x0A, omittingEmptySubsequences: false).contains(where: { header($0) != nil }) else { return nil }
        return form
    }

    /// `text` with every LF made CR LF.
    private static func crlf(_ text: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.count + text.count / 16)
        for byte in text {
            if byte == 0x0A { out.append(0x0D) }
            out.append(byte)
        }
        return out
    }

    /// The inside of a `-- … --` header line, nil for any other line.
    private static func header(_ line: ArraySlice<UInt8>) -> String? {
        let text = String(decoding: line, as: UTF8.self)
        guard text.utf8.count >= 7, text.hasPrefix("-- "), text.hasSuffix(" --") else { return nil }
        return String(text.dropFirst(3).dropLast(3))
    }

    /// The entry a header's inside names (its content still empty), and how its text is stored.
    private static func entry(_ header: String) -> (entry: Entry, form: TextForm) {
        // `path (N bytes, sha256 HEX)`, `path (CRLF line ends, no final newline)`, or a path alone.
        guard header.hasSuffix(")"), let open = header.range(of: " (", options: .backwards) else {
            return (Entry(path: header, content: .text([])), TextForm(lines: []))
        }
        let path = String(header[..<open.lowerBound])
        let notes = header[open.upperBound..<header.index(before: header.endIndex)].components(separatedBy: ", ")
        let words = notes.joined(separator: ", ").split(separator: " ")
        if words.count == 4, words[1] == "bytes,", words[2] == "sha256", let size = Int(words[0]), words[3].utf8.count == 64 {
            return (Entry(path: path, content: .digest(size: size, sha256: String(words[3]))), TextForm(lines: []))
        }
        var form = TextForm(lines: [])
        for note in notes {
            switch note {
            case "CRLF line ends": form.crlf = true
            case "no final newline": form.noFinalNewline = true
            default: return (Entry(path: header, content: .text([])), TextForm(lines: []))
            }
        }
        return (Entry(path: path, content: .text([])), form)
    }
}
