import Crypto
import Foundation
import GongkaiCore

/// `public/manifest.json`: every generated file with its URL, title, kind, report and SHA-256, plus a digest of
/// the whole site — what the office can show it published.
public struct Manifest: Sendable, Hashable, Codable {
    /// One file's entry.
    public struct Entry: Sendable, Hashable, Codable {
        public var path: String
        public var url: String
        public var title: String
        public var kind: String
        public var report: String?
        public var sha256: String
        public var size: Int
    }

    /// Format version.
    public var version: Int
    /// Entries sorted by path.
    public var files: [Entry]
    /// SHA-256 over the lines `sha256  path\n` of all entries, in order.
    public var digest: String

    /// The manifest of files already hashed (sorted here).
    init(entries: consuming [Entry]) {
        version = 1
        entries.sort { $0.path < $1.path }
        files = entries
        digest = Self.digest(of: files)
    }

    /// The manifest of `files` (the manifest itself is not listed).
    public init(files: [OutputFile], basePath: String) {
        version = 1
        self.files = ParallelMap.map(files.sorted { $0.path < $1.path }) { Entry(file: $0, basePath: basePath) }
        digest = Self.digest(of: self.files)
    }

    /// Updates this manifest in place after `changed` files were written and `removed` paths deleted, keeping
    /// `chunks` (each entry's `entryJSON`) in step with the entries.
    ///
    /// `digestText`, when given, holds the digest's lines before the update (nil: they are made here); it is kept
    /// in step with the entries too, so that the next update hashes the lines without writing them all again.
    mutating func update(changed: [OutputFile], removed: [String], basePath: String, chunks: inout [[UInt8]],
                         digestText: inout ManifestDigestText?) {
        var text = digestText ?? ManifestDigestText(files)
        for path in removed {
            let (i, found) = PathSearch.position(of: path, in: files, key: \.path)
            guard found else { continue }
            files.remove(at: i)
            chunks.remove(at: i)
            text.remove(at: i)
        }
        let entries = ParallelMap.map(changed) { Entry(file: $0, basePath: basePath) }
        for entry in entries {
            let (i, found) = PathSearch.position(of: entry.path, in: files, key: \.path)
            if found {
                files[i] = entry
                chunks[i] = Self.entryJSON(entry)
                text.replace(at: i, with: entry)
            } else {
                files.insert(entry, at: i)
                chunks.insert(Self.entryJSON(entry), at: i)
                text.insert(entry, at: i)
            }
        }
        digest = text.digest
        digestText = text
    }

    /// The entry for `path` (binary search: entries are sorted by path).
    public func entry(at path: String) -> Entry? {
        let (i, found) = PathSearch.position(of: path, in: files, key: \.path)
        return found ? files[i] : nil
    }

    /// Hex SHA-256 of `bytes`.
    public static func sha256<D: DataProtocol>(_ bytes: D) -> String {
        hex(SHA256.hash(data: bytes))
    }

    /// Bytes (a digest) in lower-case hex.
    static func hex<S: Sequence<UInt8>>(_ digest: S) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for byte in digest {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: hex, as: UTF8.self)
    }

    /// The site digest over entries (the text is `ManifestDigestText`'s, which `serve` keeps between edits).
    public static func digest(of entries: [Entry]) -> String {
        // The same text, hashed a block at a time instead of made whole.
        var hasher = SHA256()
        var block: [UInt8] = []
        block.reserveCapacity(1 << 16)
        for entry in entries {
            ManifestDigestText.appendLine(entry, to: &block)
            if block.count >= 1 << 16 - 512 {
                hasher.update(data: block)
                block.removeAll(keepingCapacity: true)
            }
        }
        hasher.update(data: block)
        return hex(hasher.finalize())
    }

    /// Deterministic JSON (sorted keys, two-space indentation, `"key" : value`, final newline): the layout of
    /// Foundation's pretty-printed, key-sorted `JSONEncoder`, written directly (a large site has tens of thousands
    /// of entries, and `serve` rewrites it after every edit).
    public func json() -> [UInt8] {
        // Each entry written straight into the one buffer: a large site's entries are not encoded apart. Room for
        // every entry (its strings, the fixed parts and the digest take under 256 more bytes), so that the buffer
        // never doubles: only text needing escapes takes more.
        let capacity = files.reduce(256) { $0 + $1.path.utf8.count + $1.url.utf8.count + $1.title.utf8.count + $1.kind.utf8.count
                                             + ($1.report?.utf8.count ?? 0) + 256 }
        return json(entries: files.count, capacity: capacity) { i, out in Self.appendEntryJSON(files[i], to: &out) }
    }

    /// The JSON from each entry's `entryJSON` (which `serve` keeps, so an edit re-encodes only changed entries).
    func json(chunks: [[UInt8]]) -> [UInt8] {
        json(entries: chunks.count, capacity: chunks.reduce(200) { $0 + $1.count + 8 }) { i, out in out += chunks[i] }
    }

    /// The document around `count` entries, each written by `entry` (its index, the buffer), in a buffer of
    /// `capacity` bytes.
    private func json(entries count: Int, capacity: Int, _ entry: (Int, inout [UInt8]) -> Void) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(capacity)
        out += JSONBytes.head
        Self.appendString(digest, to: &out)
        out += JSONBytes.filesKey
        if count == 0 { out += JSONBytes.emptyList }
        for i in 0..<count {
            out += i == 0 ? JSONBytes.firstEntry : JSONBytes.nextEntry
            entry(i, &out)
        }
        if count > 0 { out += JSONBytes.listEnd }
        out += JSONBytes.version
        out += Array(String(version).utf8)
        out += JSONBytes.end
        return out
    }

    /// One entry's object, from its `{` to its `}` (indented as inside the list).
    static func entryJSON(_ entry: Entry) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(entry.path.utf8.count + entry.url.utf8.count + entry.title.utf8.count + 200)
        appendEntryJSON(entry, to: &out)
        return out
    }

    /// Appends `entryJSON(entry)` to `out`.
    static func appendEntryJSON(_ entry: Entry, to out: inout [UInt8]) {
        out += JSONBytes.kind; appendString(entry.kind, to: &out)
        out += JSONBytes.path; appendString(entry.path, to: &out)
        if let report = entry.report { out += JSONBytes.report; appendString(report, to: &out) }
        out += JSONBytes.sha256; appendString(entry.sha256, to: &out)
        out += JSONBytes.size; out += Array(String(entry.size).utf8)
        out += JSONBytes.title; appendString(entry.title, to: &out)
        out += JSONBytes.url; appendString(entry.url, to: &out)
        out += JSONBytes.entryEnd
    }

    /// A JSON string as Foundation's encoder writes it (`/` and non-ASCII as they are).
    private static func appendString(_ s: String, to out: inout [UInt8]) {
        out.append(0x22)
        for b in s.utf8 {
            switch b {
            case 0x22: out += JSONBytes.quote
            case 0x5C: out += JSONBytes.backslash
            case 0x08: out += JSONBytes.backspace
            case 0x0C: out += JSONBytes.formFeed
            case 0x0A: out += JSONBytes.newline
            case 0x0D: out += JSONBytes.carriageReturn
            case 0x09: out += JSONBytes.tab
            case 0x00..<0x20:
                let hex = String(b, radix: 16)
                out += Array(("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
            default: out.append(b)
            }
        }
        out.append(0x22)
    }

    /// The fixed parts of `json()`.
    private enum JSONBytes {
        static let quote = Array("\\\"".utf8), backslash = Array("\\\\".utf8), backspace = Array("\\b".utf8)
        static let formFeed = Array("\\f".utf8), newline = Array("\\n".utf8), carriageReturn = Array("\\r".utf8), tab = Array("\\t".utf8)
        static let head = Array("{\n  \"digest\" : ".utf8), filesKey = Array(",\n  \"files\" : [".utf8), emptyList = Array("\n\n  ]".utf8)
        static let firstEntry = Array("\n    ".utf8), nextEntry = Array(",\n    ".utf8)
        static let kind = Array("{\n      \"kind\" : ".utf8), path = Array(",\n      \"path\" : ".utf8)
        static let report = Array(",\n      \"report\" : ".utf8), sha256 = Array(",\n      \"sha256\" : ".utf8)
        static let size = Array(",\n      \"size\" : ".utf8), title = Array(",\n      \"title\" : ".utf8)
        static let url = Array(",\n      \"url\" : ".utf8), entryEnd = Array("\n    }".utf8), listEnd = Array("\n  ]".utf8)
        static let version = Array(",\n  \"version\" : ".utf8), end = Array("\n}\n".utf8)
    }

    /// The same document through Foundation's `JSONEncoder` (what `json()` must equal; used by tests).
    func encodedByFoundation() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(self)) ?? Data()
        return [UInt8](data) + [0x0A]
    }
}

extension Manifest.Entry {
    /// The entry of an output file (its SHA-256 computed here).
    init(file: OutputFile, basePath: String) {
        self.init(path: file.path, url: basePath + file.urlPath, title: file.title, kind: file.kind.rawValue,
                  report: file.reportID, sha256: Manifest.sha256(file.bytes), size: file.bytes.count)
    }
}
