import Crypto
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import GongkaiCore

/// Stage 5 while rendering: each file is written as soon as it is made (from several threads), and only its manifest
/// entry is kept, so a large site is never held in memory whole. The rules are `OutputWriter`'s: a first build goes
/// into a temporary folder beside `public/` that replaces it at the end (a failed build leaves nothing behind); a
/// later build rewrites only files whose bytes changed (through a temporary file and a rename) and removes files
/// the site no longer has; a non-empty folder without a Gongkai manifest is refused.
///
/// A later build may also be staged (`staged: true`), for a builder that writes before it has checked the site:
/// changed files go into a staging folder beside `public/` and are renamed into place only by `finish`, so that
/// `abandon` leaves `public/` as it was.
final class StreamingOutput: @unchecked Sendable {
    private enum Mode {
        case fresh(temp: URL)
        case update(existing: Set<String>)
        case staged(existing: Set<String>, staging: URL)
    }

    private let destination: URL
    /// `destination.path`, made once: a staged build compares every file with the one in place.
    private let destinationPath: String
    private let root: URL
    /// `root.path`, made once (a URL's path is rebuilt on every use).
    private let rootPath: String
    /// The root folder, open: a first build creates its files and folders relative to it (`openat`, `mkdirat`), so
    /// that the kernel does not walk the whole path again for each of them.
    private let rootFD: Int32
    private let mode: Mode
    /// The base path for manifest entries; nil when the caller brings its own manifest (nothing is recorded).
    private let basePath: String?
    private let lock = NSLock()
    private var folders = Set<String>()
    /// Each file put: its path, whether it was written, its manifest entry.
    private var records = OutputRecords()
    private var unchanged = 0
    private var failure: String?

    /// Prepares to write into `destination`; with `staged`, a later build's changes wait in a staging folder until
    /// `finish`.
    init(destination: URL, basePath: String?, staged: Bool = false) throws(DiagnosticError) {
        self.destination = destination
        destinationPath = destination.path
        self.basePath = basePath
        let fm = FileManager.default
        var isDir: ObjCBool = false
        if fm.fileExists(atPath: destination.path, isDirectory: &isDir) {
            guard isDir.boolValue else { throw Self.fail("output path exists and is not a folder", destination) }
            let existing = FileTree.files(in: destination.path)
            if !existing.isEmpty && !existing.contains("manifest.json") {
                throw Self.fail("\(destination.lastPathComponent)/ holds files that Gongkai did not write (no manifest.json); move them away or choose another output folder", destination)
            }
            if staged {
                let staging = try Self.makeSibling(of: destination, "staging")
                mode = .staged(existing: Set(existing), staging: staging)
                root = staging
                rootPath = staging.path
                rootFD = open(staging.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            } else {
                mode = .update(existing: Set(existing))
                root = destination
                rootPath = destination.path
                rootFD = -1
            }
        } else {
            let temp = try Self.makeSibling(of: destination, "tmp")
            mode = .fresh(temp: temp)
            root = temp
            rootPath = temp.path
            rootFD = open(temp.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        }
    }

    /// A new empty folder beside `destination` (`.public.<kind>-<host>-<process id>`), for a first build or staged
    /// changes. Folders of earlier builds that were killed are removed first: on this machine, those whose process
    /// is gone; a folder of another machine's build (a site folder on a network share) only once it is a day old,
    /// as no process of that machine can be asked about. A staging folder must be on `destination`'s file system (its
    /// files are renamed into place); when it is not (`public/` is a mount point or a link to another disk), this
    /// throws, and the caller writes otherwise.
    private static func makeSibling(of destination: URL, _ kind: String) throws(DiagnosticError) -> URL {
        let parent = destination.deletingLastPathComponent()
        let prefix = ".\(destination.lastPathComponent)."
        let own = ProcessInfo.processInfo.processIdentifier
        let fm = FileManager.default
        for name in (try? fm.contentsOfDirectory(atPath: parent.path)) ?? [] where name.hasPrefix(prefix) {
            let rest = name.dropFirst(prefix.count)
            guard let first = rest.firstIndex(of: "-"), let last = rest.lastIndex(of: "-"), ["tmp", "staging"].contains(rest[..<first]),
                  let pid = Int32(rest[rest.index(after: last)...]) else { continue }
            // No host: a folder of a version that did not write it, taken as this machine's.
            let host = first == last ? hostTag : String(rest[rest.index(after: first)..<last])
            let path = parent.appendingPathComponent(name)
            if host == hostTag {
                guard pid != own, kill(pid, 0) != 0, errno == ESRCH else { continue }
            } else {
                var info = stat()
                guard lstat(path.path, &info) == 0, time(nil) - info.st_mtim.tv_sec > 86_400 else { continue }
            }
            try? fm.removeItem(at: path)
        }
        let folder = parent.appendingPathComponent("\(prefix)\(kind)-\(hostTag)-\(own)")
        try? fm.removeItem(at: folder)
        do { try fm.createDirectory(at: folder, withIntermediateDirectories: true) } catch {
            throw fail("cannot write output: \(error.localizedDescription)", destination)
        }
        if kind == "staging" {
            var a = stat(), b = stat()
            guard stat(destination.path, &a) == 0, stat(folder.path, &b) == 0, a.st_dev == b.st_dev else {
                try? fm.removeItem(at: folder)
                throw fail("\(destination.lastPathComponent)/ is on another file system than its folder: changes cannot be staged beside it", destination)
            }
        }
        return folder
    }

    deinit {
        if rootFD >= 0 { close(rootFD) }
    }

    /// This machine's name as it goes into a folder's name: ASCII letters, digits, `.` and `_` kept, anything else
    /// (`-` included, which separates the name's parts) as `_`.
    static let hostTag: String = {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "host" }
        let name = buffer.prefix { $0 != 0 }.map { c -> Character in
            let b = UInt8(bitPattern: c)
            let kept = (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b == 0x2E || b == 0x5F
            return kept ? Character(Unicode.Scalar(b)) : "_"
        }
        return name.isEmpty ? "host" : String(name)
    }()

    /// Writes one file (safe to call from several threads for different paths) and records its manifest entry.
    func put(_ file: OutputFile) {
        let digest = basePath.map { _ in SHA256.hash(data: file.bytes) }
        var didWrite = true
        do {
            switch mode {
            case .fresh:
                try ensureFolder(of: file.path)
                try Self.writeFile(file.bytes, to: rootFD >= 0 ? file.path : rootPath + "/" + file.path, in: rootFD >= 0 ? rootFD : AT_FDCWD)
            case .update(let existing):
                try ensureFolder(of: file.path)
                didWrite = try Self.replace(file, at: rootPath + "/" + file.path, mayExist: existing.contains(file.path))
            case .staged(let existing, _):
                // Compared with the file in place; a changed file waits in the staging folder.
                didWrite = !(existing.contains(file.path) && Self.holds(file.bytes, at: destinationPath + "/" + file.path))
                if didWrite {
                    try ensureFolder(of: file.path)
                    try Self.writeFile(file.bytes, to: file.path, in: rootFD)
                }
            }
        } catch {
            lock.withLock { if failure == nil { failure = "cannot write \(file.path): \(error.localizedDescription)" } }
            return
        }
        lock.withLock {
            records.append(file, written: didWrite, basePath: basePath ?? "", digest: digest)
            if !didWrite { unchanged += 1 }
        }
    }

    /// The manifest of everything put so far.
    func manifest() -> Manifest {
        Manifest(entries: lock.withLock { records.entries() })
    }

    /// Writes the manifest (unless the caller already put its own `manifest.json`) and completes the output:
    /// moves the first build into place, or removes stale files.
    func finish(_ manifest: Manifest?) throws(DiagnosticError) -> OutputWriter.Summary {
        if let manifest { put(OutputFile(path: "manifest.json", bytes: manifest.json(), kind: .data)) }
        if let failure { abandon(); throw Self.fail(failure, destination) }
        let written = records.writtenPaths()
        let fm = FileManager.default
        switch mode {
        case .fresh(let temp):
            do { try fm.moveItem(at: temp, to: destination) } catch {
                abandon()
                throw Self.fail("cannot write output: \(error.localizedDescription)", destination)
            }
            return OutputWriter.Summary(written: written.sorted(), removed: [], unchanged: 0)
        case .update(let existing):
            return OutputWriter.Summary(written: written.sorted(), removed: removeStale(existing.subtracting(records.paths())), unchanged: unchanged)
        case .staged(let existing, let staging):
            let stale = existing.subtracting(records.paths())
            // Before anything in the folder changes: a file of the previous build in the way of a new folder is
            // fine only when it goes (it is removed first); any other is an error that leaves the folder as it was.
            var checked = Set<String>()
            for path in written {
                var folder = ""
                for part in path.split(separator: "/").dropLast() {
                    folder += folder.isEmpty ? String(part) : "/" + part
                    guard checked.insert(folder).inserted else { continue }
                    var info = stat()
                    guard lstat(destinationPath + "/" + folder, &info) == 0, info.st_mode & S_IFMT != S_IFDIR else { continue }
                    if stale.contains(folder) { continue }
                    abandon()
                    throw Self.fail("cannot write \(path): \(destination.lastPathComponent)/\(folder) exists and is not a folder", destination)
                }
            }
            let removed = removeStale(stale)
            // The manifest last: until it is in place, the folder's manifest is the previous build's.
            let changed = written.sorted { ($0 == "manifest.json" ? 1 : 0, $0) < ($1 == "manifest.json" ? 1 : 0, $1) }
            for path in changed {
                do {
                    if let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) { try Self.makeFolders(destinationPath + "/" + path[..<slash]) }
                    if rename(rootPath + "/" + path, destinationPath + "/" + path) != 0 {
                        throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: String(cString: strerror(errno))])
                    }
                } catch {
                    abandon()
                    throw Self.fail("cannot write \(path): \(error.localizedDescription)", destination)
                }
            }
            try? fm.removeItem(at: staging)
            return OutputWriter.Summary(written: written.sorted(), removed: removed, unchanged: unchanged)
        }
    }

    /// Removes `stale`, the files of the previous build this one did not make (and folders left empty); returns their paths.
    private func removeStale(_ stale: Set<String>) -> [String] {
        let removed = stale.sorted()
        for path in removed {
            try? FileManager.default.removeItem(at: destination.appendingPathComponent(path))
            FileTree.removeEmptyFolders(above: path, in: destinationPath)
        }
        return removed
    }

    /// Gives up: a first build's temporary folder or staged changes are removed (an update has replaced only whole
    /// files).
    func abandon() {
        switch mode {
        case .fresh(let temp): try? FileManager.default.removeItem(at: temp)
        case .staged(_, let staging): try? FileManager.default.removeItem(at: staging)
        case .update: break
        }
    }

    private func ensureFolder(of path: String) throws {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return }
        let folder = String(path[..<slash])
        guard !folder.isEmpty else { return }
        if lock.withLock({ folders.contains(folder) }) { return }
        if rootFD >= 0 {
            try Self.makeFolders(folder, in: rootFD, shownUnder: rootPath)
        } else {
            try Self.makeFolders(rootPath + "/" + folder)
        }
        lock.withLock { _ = folders.insert(folder) }
    }

    /// Creates the folder at `path` and any missing parents (mkdir(2) directly: Foundation's `createDirectory`
    /// builds URLs and checks every component, once per page folder). An existing folder is fine; an existing file
    /// in its place is an error.
    /// With `folder` (an open folder), `path` is relative to it, and messages name it below `shownUnder` (the
    /// folder's path), as they name an absolute path.
    static func makeFolders(_ path: String, in folder: Int32 = AT_FDCWD, shownUnder base: String? = nil) throws {
        let shown = base.map { $0 + "/" + path } ?? path
        if mkdirat(folder, path, 0o755) == 0 { return }
        switch errno {
        case EEXIST:
            var info = stat()
            if fstatat(folder, path, &info, 0) == 0 && info.st_mode & S_IFMT == S_IFDIR { return }
            throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "\(shown) exists and is not a folder"])
        case ENOENT:
            guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")), slash > path.startIndex else { break }
            try makeFolders(String(path[..<slash]), in: folder, shownUnder: base)
            if mkdirat(folder, path, 0o755) == 0 { return }
            // Made meanwhile by another job (or a file: an error).
            if errno == EEXIST { return try makeFolders(path, in: folder, shownUnder: base) }
        default:
            break
        }
        throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "cannot create folder \(shown): \(String(cString: strerror(errno)))"])
    }

    /// Replaces the file at `path` with `file`'s bytes unless it already holds them (returns whether it wrote).
    /// rename(2) replaces the old file atomically: a reader sees the old bytes or the new, never half.
    static func replace(_ file: OutputFile, at path: String, mayExist: Bool) throws -> Bool {
        if mayExist && holds(file.bytes, at: path) { return false }
        let temp = (path as NSString).deletingLastPathComponent + "/.\((path as NSString).lastPathComponent).gongkai-tmp"
        try writeFile(file.bytes, to: temp)
        if rename(temp, path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temp)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "cannot replace \(file.path): \(reason)"])
        }
        return true
    }

    /// Whether the file at `path` holds exactly `bytes`: its size first, then its content read in pieces and
    /// compared with memcmp (no copy of the whole file; a missing or unreadable file holds nothing).
    static func holds(_ bytes: [UInt8], at path: String) -> Bool {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) == bytes.count else { return false }
        let piece = 64 * 1024
        var buffer = [UInt8](repeating: 0, count: min(piece, max(bytes.count, 1)))
        var done = 0
        return bytes.withUnsafeBytes { expected in
            buffer.withUnsafeMutableBytes { chunk in
                while done < expected.count {
                    let n = read(fd, chunk.baseAddress, min(chunk.count, expected.count - done))
                    if n < 0 && errno == EINTR { continue }
                    guard n > 0, let want = expected.baseAddress, let got = chunk.baseAddress, memcmp(got, want + done, n) == 0 else { return false }
                    done += n
                }
                // The file must end here too (it may have grown since fstat).
                var extra: UInt8 = 0
                return read(fd, &extra, 1) == 0
            }
        }
    }

    /// Writes `bytes` to a new file at `path` (relative to `folder` when it is an open folder).
    private static func writeFile(_ bytes: [UInt8], to path: String, in folder: Int32 = AT_FDCWD) throws {
        let fd = openat(folder, path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: String(cString: strerror(errno))]) }
        defer { close(fd) }
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { buffer in Glibc.write(fd, buffer.baseAddress.map { $0 + done }, bytes.count - done) }
            if n < 0 {
                if errno == EINTR { continue }
                throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: String(cString: strerror(errno))])
            }
            done += n
        }
    }

    static func fail(_ message: String, _ destination: URL) -> DiagnosticError {
        DiagnosticError([.error(message, at: SourceLocation(path: destination.lastPathComponent, line: 1, column: 1))])
    }
}
