import Foundation
#if canImport(Glibc)
import Glibc
#endif
import GongkaiCore

/// Compares a deployed copy of a site with a manifest kept on the build side (the deployed copy's own
/// `manifest.json` is not trusted: whoever changed a page could have changed its entry too). Every entry of the
/// folder is looked at with lstat(2), without following symbolic links: a changed, missing or extra file, an extra
/// folder, a symbolic link anywhere (a web server may follow it out of the site) or anything else that is not a
/// plain file, and a `manifest.json` that is not the trusted one byte for byte, are all differences. The site digest
/// is recomputed from the files found, never read from a manifest.
public struct ManifestVerifier: Sendable {
    /// The comparison's result.
    public struct Report: Sendable, Hashable {
        /// Files whose SHA-256 (or size) differs from their entry.
        public var changed: [String] = []
        /// Files in the manifest but not in the folder (or not a plain file there).
        public var missing: [String] = []
        /// Plain files in the folder but not in the manifest.
        public var extra: [String] = []
        /// Folders that hold no file of the manifest (the outermost of them).
        public var extraFolders: [String] = []
        /// A symbolic link found in the folder.
        public struct Symlink: Sendable, Hashable {
            /// Its path in the folder.
            public var path: String
            /// Where it points.
            public var target: String
        }

        /// Symbolic links, each with where it points.
        public var symlinks: [Symlink] = []
        /// Entries that are neither a plain file, nor a folder, nor a symbolic link (devices, sockets, pipes).
        public var special: [String] = []
        /// What is wrong with the folder's `manifest.json`, when it is missing or not the trusted manifest.
        public var manifestProblem: Message?
        /// The site digest recomputed from the folder's files: SHA-256 over `sha256  path\n` for every entry of the
        /// manifest, in order, with the SHA-256 of the file found (equal to the manifest's digest only when every
        /// listed file is there unchanged).
        public var digest: String = ""

        /// True when the folder is exactly what the manifest lists.
        public var isIdentical: Bool {
            changed.isEmpty && missing.isEmpty && extra.isEmpty && extraFolders.isEmpty && symlinks.isEmpty && special.isEmpty
                && manifestProblem == nil
        }

        /// How many differences.
        public var differenceCount: Int {
            changed.count + missing.count + extra.count + extraFolders.count + symlinks.count + special.count + (manifestProblem == nil ? 0 : 1)
        }

        /// One error per difference, located at the deployed path (`folder` as the user named it, then the path).
        public func diagnostics(in folder: String) -> [Diagnostic] {
            let base = folder.hasSuffix("/") ? folder : folder + "/"
            func at(_ path: String) -> SourceLocation { SourceLocation(path: base + path, line: 1, column: 1) }
            var out: [Diagnostic] = []
            if let manifestProblem { out.append(.error(manifestProblem, at: at("manifest.json"))) }
            for path in changed { out.append(.error(WriteText.changedSinceBuild.message, at: at(path))) }
            for path in missing { out.append(.error(WriteText.missingDeployed.message, at: at(path))) }
            for path in extra { out.append(.error(WriteText.extraFile.message, at: at(path))) }
            for path in extraFolders { out.append(.error(WriteText.extraFolder.message, at: at(path))) }
            for link in symlinks {
                out.append(.error(WriteText.symlinkDeployed(["target": link.target]), at: at(link.path)))
            }
            for path in special { out.append(.error(WriteText.specialDeployed.message, at: at(path))) }
            return out
        }
    }

    /// The trusted manifest.
    public let manifest: Manifest

    /// Creates a verifier.
    public init(manifest: Manifest) { self.manifest = manifest }

    /// Reads a manifest file: it must be a manifest gongkai wrote (`Manifest.problem(in:)`), so that an edited one
    /// (its digest no longer its entries') is an error, not a new truth.
    public static func load(_ url: URL) throws(DiagnosticError) -> Manifest {
        let bytes: [UInt8]
        do { bytes = [UInt8](try Data(contentsOf: url)) } catch {
            throw DiagnosticError([.error(WriteText.cannotReadManifest(["reason": error.localizedDescription]), at: SourceLocation(path: url.path, line: 1, column: 1))])
        }
        guard let manifest = Manifest.decoded(bytes) else {
            let why = Manifest.problem(in: bytes) ?? WriteText.manifestUnreadable.message
            throw DiagnosticError([.error(WriteText.notAManifest(["why": why]), at: SourceLocation(path: url.path, line: 1, column: 1))])
        }
        return manifest
    }

    /// Reads the `manifest.json` of a deployed folder, trusted only as far as `digest` goes: it must be a manifest
    /// gongkai wrote whose site digest is `digest` (the one the build printed, kept on the build side).
    public static func load(deployedIn directory: URL, digest: String) throws(DiagnosticError) -> Manifest {
        let url = directory.appendingPathComponent("manifest.json")
        guard let bytes = plainFile(url.path) else {
            throw DiagnosticError([.error(WriteText.noManifestToCheck.message, at: SourceLocation(path: url.path, line: 1, column: 1))])
        }
        guard let manifest = Manifest.decoded(bytes) else {
            let why = Manifest.problem(in: bytes) ?? WriteText.manifestUnreadable.message
            throw DiagnosticError([.error(WriteText.notAManifest(["why": why]), at: SourceLocation(path: url.path, line: 1, column: 1))])
        }
        guard manifest.digest == digest.lowercased() else {
            throw DiagnosticError([.error(WriteText.digestMismatch(["found": manifest.digest, "expected": digest.lowercased()]), at: SourceLocation(path: url.path, line: 1, column: 1))])
        }
        return manifest
    }

    /// Compares the folder at `directory` with the manifest.
    public func verify(_ directory: URL) -> Report {
        let root = directory.path
        let entries = FileTree.entries(in: root)
        var report = Report()
        var files = Set<String>()
        var folders: [String] = []
        for entry in entries {
            switch entry.kind {
            case .file: files.insert(entry.path)
            case .folder: folders.append(entry.path)
            case .symlink:
                var buffer = [CChar](repeating: 0, count: 4096)
                let n = readlink(root + "/" + entry.path, &buffer, buffer.count - 1)
                let target = n >= 0 ? String(decoding: buffer[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self) : "?"
                report.symlinks.append(Report.Symlink(path: entry.path, target: target))
            case .other: report.special.append(entry.path)
            }
        }
        // Every listed file hashed as found (on all cores); a missing one has no line in the recomputed digest.
        let present = files
        let found = ParallelMap.map(manifest.files) { entry -> String? in
            guard present.contains(entry.path), let bytes = Self.plainFile(root + "/" + entry.path) else { return nil }
            return bytes.count == entry.size ? Manifest.sha256(bytes) : Manifest.sha256(bytes) + "-size"
        }
        var lines = [Manifest.Entry]()
        lines.reserveCapacity(manifest.files.count)
        for (entry, sha) in zip(manifest.files, found) {
            guard let sha else { report.missing.append(entry.path); continue }
            if sha != entry.sha256 { report.changed.append(entry.path) }
            var actual = entry
            actual.sha256 = String(sha.prefix(64))
            lines.append(actual)
        }
        report.digest = Manifest.digest(of: lines)
        var listed = Set(manifest.files.map(\.path))
        listed.insert("manifest.json")
        report.extra = files.subtracting(listed).sorted()
        var listedFolders = Set<String>()
        for path in listed {
            var folder = Substring(path)
            while let slash = folder.lastIndex(of: "/") {
                folder = folder[..<slash]
                if !listedFolders.insert(String(folder)).inserted { break }
            }
        }
        let extraFolders = Set(folders.filter { !listedFolders.contains($0) })
        report.extraFolders = extraFolders.filter { path in
            guard let slash = path.lastIndex(of: "/") else { return true }
            return !extraFolders.contains(String(path[..<slash]))
        }.sorted()
        report.symlinks.sort { $0.path < $1.path }
        report.special.sort()
        // The manifest itself: byte for byte the trusted one (as gongkai writes it).
        if files.contains("manifest.json"), let bytes = Self.plainFile(root + "/manifest.json") {
            if bytes != manifest.json() {
                report.manifestProblem = WriteText.manifestEdited.message
            }
        } else if !report.symlinks.contains(where: { $0.path == "manifest.json" }) {
            report.manifestProblem = WriteText.manifestMissing.message
        }
        return report
    }

    /// The bytes of the plain file at `path`, or nil when it is missing, a symbolic link or not a plain file.
    static func plainFile(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { close(fd); return nil }
        let data = FileHandle(fileDescriptor: fd, closeOnDealloc: true).readDataToEndOfFile()
        return [UInt8](data)
    }
}
