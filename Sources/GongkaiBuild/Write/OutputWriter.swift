import Foundation
#if canImport(Glibc)
import Glibc
#endif
import GongkaiCore

/// Stage 5: puts the built files into `public/`. Runs only after every earlier stage succeeded, so a failed
/// build never touches `public/`. A first build is written to a temporary folder beside `public/` and moved into
/// place; later builds replace only files whose bytes changed (each through a temporary file and a rename) and
/// remove files the site no longer has. A non-empty folder without a Gongkai manifest is refused.
public struct OutputWriter: Sendable {
    /// What a write did.
    public struct Summary: Sendable, Hashable {
        /// Files written (new or changed).
        public var written: [String]
        /// Files removed.
        public var removed: [String]
        /// Files left as they were.
        public var unchanged: Int
    }

    /// The output folder.
    public let destination: URL

    /// Creates a writer for `destination` (usually `public/`).
    public init(destination: URL) { self.destination = destination }

    /// Writes `files` (the manifest must be among them).
    public func write(_ files: [OutputFile]) throws(DiagnosticError) -> Summary {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        let exists = fm.fileExists(atPath: destination.path, isDirectory: &isDir)
        do {
            if !exists {
                return try writeFresh(files)
            }
            guard isDir.boolValue else { throw fail("output path exists and is not a folder") }
            let existing = try listFiles()
            if !existing.isEmpty && !existing.contains("manifest.json") {
                throw fail("\(destination.lastPathComponent)/ holds files that Gongkai did not write (no manifest.json); move them away or choose another output folder")
            }
            return try update(files, existing: Set(existing))
        } catch let error as DiagnosticError {
            throw error
        } catch {
            throw fail("cannot write output: \(error.localizedDescription)")
        }
    }

    private func fail(_ message: String) -> DiagnosticError {
        DiagnosticError([.error(message, at: SourceLocation(path: destination.lastPathComponent, line: 1, column: 1))])
    }

    private func writeFresh(_ files: [OutputFile]) throws -> Summary {
        let fm = FileManager.default
        let parent = destination.deletingLastPathComponent()
        let temp = parent.appendingPathComponent(".\(destination.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)")
        try? fm.removeItem(at: temp)
        try fm.createDirectory(at: temp, withIntermediateDirectories: true)
        do {
            // Folders first (each once), then the files on all cores.
            var folders = Set<String>()
            for file in files {
                var folder = (file.path as NSString).deletingLastPathComponent
                while !folder.isEmpty && folders.insert(folder).inserted { folder = (folder as NSString).deletingLastPathComponent }
            }
            for folder in folders.sorted() {
                try fm.createDirectory(at: temp.appendingPathComponent(folder), withIntermediateDirectories: false)
            }
            let root = temp.path
            let failures = ParallelMap.map(files) { file in Self.writeFile(file.bytes, to: root + "/" + file.path) }.compactMap { $0 }
            if let failure = failures.first { throw failure }
            try fm.moveItem(at: temp, to: destination)
        } catch {
            try? fm.removeItem(at: temp)
            throw error
        }
        return Summary(written: files.map(\.path), removed: [], unchanged: 0)
    }

    /// Writes `bytes` to a new file at `path`; the error, if any.
    static func writeFile(_ bytes: [UInt8], to path: String) -> CocoaError? {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            return CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path, NSLocalizedDescriptionKey: "cannot write \(path): \(String(cString: strerror(errno)))"])
        }
        defer { close(fd) }
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { buffer in Glibc.write(fd, buffer.baseAddress.map { $0 + done }, bytes.count - done) }
            if n < 0 {
                if errno == EINTR { continue }
                return CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path, NSLocalizedDescriptionKey: "cannot write \(path): \(String(cString: strerror(errno)))"])
            }
            done += n
        }
        return nil
    }

    private func update(_ files: [OutputFile], existing: Set<String>) throws -> Summary {
        let fm = FileManager.default
        var written: [String] = []
        var unchanged = 0
        var createdDirs = Set<String>()
        for file in files {
            let url = destination.appendingPathComponent(file.path)
            if existing.contains(file.path), let old = fm.contents(atPath: url.path), old.count == file.bytes.count, old.elementsEqual(file.bytes) {
                unchanged += 1
                continue
            }
            let dir = url.deletingLastPathComponent()
            if !createdDirs.contains(dir.path) {
                try fm.createDirectory(at: dir, withIntermediateDirectories: true)
                createdDirs.insert(dir.path)
            }
            let temp = dir.appendingPathComponent(".\(url.lastPathComponent).gongkai-tmp")
            try Data(file.bytes).write(to: temp)
            // rename(2) replaces the old file atomically: a reader sees the old bytes or the new, never half.
            if rename(temp.path, url.path) != 0 {
                let code = errno
                try? fm.removeItem(at: temp)
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path, NSLocalizedDescriptionKey: "cannot replace \(file.path): \(String(cString: strerror(code)))"])
            }
            written.append(file.path)
        }
        let keep = Set(files.map(\.path))
        let removed = existing.subtracting(keep).sorted()
        for path in removed {
            try fm.removeItem(at: destination.appendingPathComponent(path))
        }
        Self.removeEmptyFolders(in: destination)
        return Summary(written: written, removed: removed, unchanged: unchanged)
    }

    private func listFiles() throws -> [String] {
        let fm = FileManager.default
        guard let walker = fm.enumerator(atPath: destination.path) else { return [] }
        var out: [String] = []
        for case let path as String in walker {
            var isDir: ObjCBool = false
            if fm.fileExists(atPath: destination.appendingPathComponent(path).path, isDirectory: &isDir), !isDir.boolValue {
                out.append(path)
            }
        }
        return out
    }

    /// Removes folders left empty below `destination`, deepest first.
    static func removeEmptyFolders(in destination: URL) {
        let fm = FileManager.default
        guard let walker = fm.enumerator(atPath: destination.path) else { return }
        var dirs: [String] = []
        for case let path as String in walker {
            var isDir: ObjCBool = false
            if fm.fileExists(atPath: destination.appendingPathComponent(path).path, isDirectory: &isDir), isDir.boolValue { dirs.append(path) }
        }
        for dir in dirs.sorted(by: { $0.count > $1.count }) {
            let url = destination.appendingPathComponent(dir)
            if (try? fm.contentsOfDirectory(atPath: url.path))?.isEmpty == true { try? fm.removeItem(at: url) }
        }
    }
}
