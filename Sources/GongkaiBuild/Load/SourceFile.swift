import Foundation
import GongkaiCore

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
            throw DiagnosticError([.error("cannot read file: \(error.localizedDescription)", at: SourceLocation(path: displayPath, line: 1, column: 1))])
        }
        return try decode(data, displayPath: displayPath)
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
        throw DiagnosticError([.error("file is not valid UTF-8 (byte offset \(offset)); save it as UTF-8, or import it with `gongkai import`, which also reads GB18030",
                                      at: SourceLocation(path: displayPath, line: line, column: column))])
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
