import Foundation
import GongkaiCore

/// Compares a deployed copy of a site with a manifest: which files changed, which are missing, which are extra.
public struct ManifestVerifier: Sendable {
    /// The comparison's result.
    public struct Report: Sendable, Hashable {
        /// Files whose SHA-256 differs.
        public var changed: [String]
        /// Files in the manifest but not in the folder.
        public var missing: [String]
        /// Files in the folder but not in the manifest.
        public var extra: [String]
        /// True when the folder is exactly what the manifest lists.
        public var isIdentical: Bool { changed.isEmpty && missing.isEmpty && extra.isEmpty }
    }

    /// The manifest.
    public let manifest: Manifest

    /// Creates a verifier.
    public init(manifest: Manifest) { self.manifest = manifest }

    /// Reads a manifest file.
    public static func load(_ url: URL) throws(DiagnosticError) -> Manifest {
        do {
            return try JSONDecoder().decode(Manifest.self, from: Data(contentsOf: url))
        } catch {
            throw DiagnosticError([.error("cannot read manifest: \(error.localizedDescription)", at: SourceLocation(path: url.path, line: 1, column: 1))])
        }
    }

    /// Compares the folder at `directory` with the manifest.
    public func verify(_ directory: URL) -> Report {
        let fm = FileManager.default
        var present = Set<String>()
        if let walker = fm.enumerator(atPath: directory.path) {
            for case let path as String in walker {
                var isDir: ObjCBool = false
                if fm.fileExists(atPath: directory.appendingPathComponent(path).path, isDirectory: &isDir), !isDir.boolValue { present.insert(path) }
            }
        }
        var changed: [String] = [], missing: [String] = []
        for entry in manifest.files {
            guard present.contains(entry.path), let data = fm.contents(atPath: directory.appendingPathComponent(entry.path).path) else {
                missing.append(entry.path)
                continue
            }
            if Manifest.sha256(data) != entry.sha256 { changed.append(entry.path) }
        }
        let listed = Set(manifest.files.map(\.path)).union(["manifest.json"])
        let extra = present.subtracting(listed).sorted()
        return Report(changed: changed, missing: missing, extra: extra)
    }
}
