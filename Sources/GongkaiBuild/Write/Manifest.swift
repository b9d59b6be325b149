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

    /// The manifest of `files` (the manifest itself is not listed).
    public init(files: [OutputFile], basePath: String) {
        version = 1
        self.files = ParallelMap.map(files.sorted { $0.path < $1.path }) { file in
            Entry(path: file.path, url: basePath + file.urlPath, title: file.title, kind: file.kind.rawValue,
                  report: file.reportID, sha256: Self.sha256(file.bytes), size: file.bytes.count)
        }
        digest = Self.digest(of: self.files)
    }

    /// Hex SHA-256 of `bytes`.
    public static func sha256<D: DataProtocol>(_ bytes: D) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for byte in SHA256.hash(data: bytes) {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: hex, as: UTF8.self)
    }

    /// The site digest over entries.
    public static func digest(of entries: [Entry]) -> String {
        sha256(Array(entries.map { "\($0.sha256)  \($0.path)\n" }.joined().utf8))
    }

    /// Deterministic JSON (sorted keys, two-space indentation, `"key" : value`, final newline): the layout of
    /// Foundation's pretty-printed, key-sorted `JSONEncoder`, written directly (a large site has tens of thousands
    /// of entries, and `serve` rewrites it after every edit).
    public func json() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(files.count * 260 + 200)
        func raw(_ s: String) { out.append(contentsOf: s.utf8) }
        func string(_ s: String) {
            out.append(0x22)
            for b in s.utf8 {
                switch b {
                case 0x22: raw("\\\"")
                case 0x5C: raw("\\\\")
                case 0x08: raw("\\b")
                case 0x0C: raw("\\f")
                case 0x0A: raw("\\n")
                case 0x0D: raw("\\r")
                case 0x09: raw("\\t")
                case 0x00..<0x20:
                    let hex = String(b, radix: 16)
                    raw("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
                default: out.append(b)
                }
            }
            out.append(0x22)
        }
        raw("{\n  \"digest\" : ")
        string(digest)
        raw(",\n  \"files\" : [")
        if files.isEmpty { raw("\n\n  ]") }
        for (i, entry) in files.enumerated() {
            raw(i == 0 ? "\n    {\n" : ",\n    {\n")
            raw("      \"kind\" : "); string(entry.kind)
            raw(",\n      \"path\" : "); string(entry.path)
            if let report = entry.report { raw(",\n      \"report\" : "); string(report) }
            raw(",\n      \"sha256\" : "); string(entry.sha256)
            raw(",\n      \"size\" : \(entry.size)")
            raw(",\n      \"title\" : "); string(entry.title)
            raw(",\n      \"url\" : "); string(entry.url)
            raw("\n    }")
        }
        if !files.isEmpty { raw("\n  ]") }
        raw(",\n  \"version\" : \(version)\n}\n")
        return out
    }

    /// The same document through Foundation's `JSONEncoder` (what `json()` must equal; used by tests).
    func encodedByFoundation() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(self)) ?? Data()
        return [UInt8](data) + [0x0A]
    }
}
