import Foundation
import GongkaiCore

extension Manifest {
    /// Why `bytes` are not a manifest that gongkai wrote, or nil when they are: they decode as one (format version
    /// 1), every path is a plain relative path (no `.`/`..`/empty part, no leading `/`), the entries are sorted by
    /// path without repeats, each SHA-256 is 64 hex digits, and the digest is the one its entries give. Another
    /// program's `manifest.json` (a web app's, say) fails this; so does a gongkai manifest edited by hand (its bytes
    /// must also be exactly what `json()` writes for it).
    public static func problem(in bytes: [UInt8]) -> Message? {
        let manifest: Manifest
        do { manifest = try JSONDecoder().decode(Manifest.self, from: Data(bytes)) } catch {
            return WriteText.manifestLacksFields.message
        }
        if let problem = manifest.problem { return problem }
        return manifest.json() == bytes ? nil : WriteText.manifestLayout.message
    }

    /// Decodes a gongkai manifest; nil when `problem(in:)` finds one.
    public static func decoded(_ bytes: [UInt8]) -> Manifest? {
        guard let manifest = try? JSONDecoder().decode(Manifest.self, from: Data(bytes)), manifest.problem == nil,
              manifest.json() == bytes else { return nil }
        return manifest
    }

    /// Why this manifest is not one gongkai wrote (see `problem(in:)`), or nil.
    public var problem: Message? {
        guard version == 1 else { return WriteText.manifestVersion(["version": version]) }
        var previous: String?
        for entry in files {
            if let previous, !(previous < entry.path) { return WriteText.manifestOrder(["path": entry.path]) }
            guard Self.isPlainPath(entry.path), entry.path != "manifest.json" else { return WriteText.manifestForeignPath(["path": entry.path]) }
            guard entry.sha256.utf8.count == 64, entry.sha256.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }) else {
                return WriteText.manifestBadSHA(["path": entry.path])
            }
            previous = entry.path
        }
        guard Self.digest(of: files) == digest else { return WriteText.manifestDigestWrong.message }
        return nil
    }

    /// A relative path of non-empty parts, none `.` or `..`, without NUL or backslash.
    static func isPlainPath(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/"), !path.utf8.contains(0), !path.utf8.contains(0x5C) else { return false }
        return path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." }
    }
}
