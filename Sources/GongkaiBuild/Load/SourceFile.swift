import Foundation
import GongkaiCore
import GongkaiYAML

/// A text file read from the site: its UTF-8 text and its path relative to the site root.
public struct SourceFile: Sendable, Hashable {
    /// Path relative to the site root, as shown in diagnostics (`content/xiangcheng-2024/01.md`).
    public var path: String
    /// The file's text (a UTF-8 BOM removed, CRLF and CR line ends turned into LF).
    public var text: String

    /// Creates a source file from text.
    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }

    /// Reads `url` as UTF-8; a non-UTF-8 file is an error naming the line and column of the first bad byte.
    public static func read(_ url: URL, displayPath: String) throws(DiagnosticError) -> SourceFile {
        var fingerprint: FileFingerprint?
        return try read(url, displayPath: displayPath, fingerprint: &fingerprint)
    }

    /// `read(_:displayPath:)`, with the file's fingerprint as read (nil when it was read through Foundation).
    static func read(_ url: URL, displayPath: String, fingerprint: inout FileFingerprint?) throws(DiagnosticError) -> SourceFile {
        if let bytes = FileBytes.read(url.path, fingerprint: &fingerprint) { return try decode(bytes: bytes, displayPath: displayPath) }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw DiagnosticError([.error(BuildText.cannotReadFileBecause(["reason": error.localizedDescription]), at: SourceLocation(path: displayPath, line: 1, column: 1))])
        }
        return try decode(data, displayPath: displayPath)
    }

    /// `read(_:displayPath:fingerprint:)` for a loader that leaves bodies on disk: when the file is read with its
    /// fingerprint and its bytes are already its decoded text's (no byte order mark, no carriage return), they are
    /// checked as UTF-8 without making a string of them, and the text is only the front matter, up to and including
    /// its closing `---` line (empty when the file has none): what `FrontMatterDocument.parse(_:keepBody: false)`
    /// reads, with the same body offset and line. Otherwise (a file not valid UTF-8, a front matter not closed …)
    /// the whole text, or the error, as `read` gives it.
    static func readFrontMatter(_ url: URL, displayPath: String, fingerprint: inout FileFingerprint?) throws(DiagnosticError) -> SourceFile {
        guard let bytes = FileBytes.read(url.path, fingerprint: &fingerprint) else {
            return try read(url, displayPath: displayPath, fingerprint: &fingerprint)
        }
        // A file that starts with an ASCII letter may be front matter without its opening `---`: read whole, so
        // `FrontMatterDocument` can say so (a body seldom starts with one; `#`, a digit or Chinese are read as before).
        if let end = frontMatterEnd(bytes), end > 0 || !(bytes.first.map { (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) } ?? false) {
            return SourceFile(path: displayPath, text: String(decoding: bytes[..<end], as: UTF8.self))
        }
        return try decode(bytes: bytes, displayPath: displayPath)
    }

    /// Whether `bytes` are already what `decode` makes of them (given they are valid UTF-8): no byte order mark to
    /// drop, no carriage return to turn into a line feed.
    static func isDecodedText(_ bytes: [UInt8]) -> Bool {
        !bytes.starts(with: [0xEF, 0xBB, 0xBF]) && !UTF8Search.contains(0x0D, in: bytes)
    }

    /// Where the front matter of valid UTF-8 `bytes` that are their decoded text (`isDecodedText`) ends (after its
    /// closing `---` line; 0 without front matter); nil for other bytes, or a front matter not closed.
    static func frontMatterEnd(_ bytes: [UInt8]) -> Int? {
        guard !bytes.isEmpty, isDecodedText(bytes) else { return nil }
        return bytes.withUnsafeBufferPointer { b -> Int? in
            guard UTF8Search.isValidUTF8(b) else { return nil }
            let open: [UInt8] = [0x2D, 0x2D, 0x2D, 0x0A]  // "---\n"
            guard b.starts(with: open) else { return 0 }
            var lineStart = open.count
            while lineStart < b.count {
                let lineEnd = UTF8Search.find(0x0A, in: b, from: lineStart) ?? b.count
                if lineEnd - lineStart == 3 && b[lineStart] == 0x2D && b[lineStart + 1] == 0x2D && b[lineStart + 2] == 0x2D {
                    return lineEnd < b.count ? lineEnd + 1 : lineEnd
                }
                lineStart = lineEnd + 1
            }
            return nil
        }
    }

    /// Decodes bytes as UTF-8 (BOM allowed).
    public static func decode(_ data: Data, displayPath: String) throws(DiagnosticError) -> SourceFile {
        try decode(bytes: [UInt8](data), displayPath: displayPath)
    }

    /// Decodes bytes as UTF-8 (BOM allowed).
    static func decode(bytes: [UInt8], displayPath: String) throws(DiagnosticError) -> SourceFile {
        var bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let text = String(validating: bytes, as: UTF8.self) {
            let normalized = UTF8Search.contains(13, in: bytes) ? text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n") : text
            return SourceFile(path: displayPath, text: normalized)
        }
        // Find the first invalid byte to name its place.
        let offset = firstInvalidUTF8Offset(bytes)
        let prefix = String(decoding: bytes[..<offset], as: UTF8.self)
        let line = prefix.reduce(1) { $1 == "\n" || $1 == "\r\n" ? $0 + 1 : $0 }
        let column = (prefix.split(separator: "\n", omittingEmptySubsequences: false).last?.count ?? 0) + 1
        // A file saved as GBK/GB18030 (Notepad's "ANSI" on a Chinese system) is named as such, with the fix. It is
        // not decoded: bodies are read again from disk at UTF-8 byte offsets, pages are written in UTF-8, and the
        // editor's next save would keep the wrong encoding; saving it once as UTF-8 ends the question.
        let message = EncodingGuess.looksLikeGB18030(bytes)
            ? YAMLText.notUTF8ButGB18030(["offset": offset, "file": displayPath])
            : YAMLText.notUTF8(["offset": offset])
        throw DiagnosticError([.error(message, at: SourceLocation(path: displayPath, line: line, column: column))])
    }

    private static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int {
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            let length: Int
            switch b {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return i
            }
            if i + length > bytes.count { return i }
            let chunk = Array(bytes[i..<(i + length)])
            if String(validating: chunk, as: UTF8.self) == nil { return i }
            i += length
        }
        return bytes.count
    }
}
