import CByteSearch
import Crypto
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import GongkaiCore

/// Stage 5 while rendering: each file is written as soon as it is made (from several threads), and only its manifest
/// entry is kept, so a large site is never held in memory whole. It is made with the output's `OutputLock` held, so
/// only one build writes a folder at a time.
///
/// The folder changes in one step, so that a build stopped at any moment (an error, Ctrl-C, `kill -9`, a power
/// cut after the last sync) leaves the old site or the new one, never a mix:
///
/// * a first build (no folder yet) goes into a temporary folder beside it (`.public.tmp-…`), renamed into place;
/// * a later build makes a whole new tree in a staging folder beside it (`.public.staging-…`): files whose bytes
///   changed are written there, unchanged ones hard-linked from the folder in place, and the files gongkai did not
///   make are hard-linked over too; the two trees are then swapped with one `renameat2(RENAME_EXCHANGE)` and the
///   old one removed. Nothing in the folder in place is written before the swap.
///
/// Which files are gongkai's is what the folder's previous `manifest.json` lists; a folder whose manifest is not a
/// gongkai manifest, or that has files but no manifest, is refused. Only files that manifest lists are ever removed
/// or replaced; anything else is kept where it was (and reported), and a file gongkai did not make at a path the
/// site now needs is an error.
///
/// Where no tree can be staged beside the folder (it is a mount point, or on another file system than its parent),
/// files are replaced one by one in place (each through a temporary file and a rename, the manifest last), with the
/// same rules about which files may go; then a stopped build can leave a mix, which the summary says.
final class StreamingOutput: SiteOutput, @unchecked Sendable {
    private enum Mode {
        /// No output folder yet: everything goes into `temp`, renamed into place at the end.
        case fresh(temp: URL)
        /// A later build: a whole new tree in `staging`, swapped with the folder at the end.
        case swap(staging: URL)
        /// A later build that cannot stage a tree beside the folder: files replaced one by one.
        case inPlace
    }

    private let destination: URL
    /// `destination.path`, made once: a later build compares every file with the one in place.
    private let destinationPath: String
    private let root: URL
    /// `root.path`, made once (a URL's path is rebuilt on every use).
    private let rootPath: String
    /// The root folder, open: files and folders are created relative to it (`openat`, `mkdirat`), so that the
    /// kernel does not walk the whole path again for each of them.
    private let rootFD: Int32
    private let mode: Mode
    /// The base path for manifest entries; nil when the caller brings its own manifest (nothing is recorded).
    private let basePath: String?
    /// Held until this output is done with (only one build writes the folder at a time).
    private let outputLock: OutputLock
    /// What the folder held before this build (everything but folders), by path.
    private let onDisk: Set<String>
    /// The paths the folder's previous manifest lists, and `manifest.json` itself: the only files gongkai may
    /// remove or replace.
    private let previous: Set<String>
    /// The folder's entries before this build (what a swap carries over is taken from them).
    private let before: [FileTree.Entry]
    /// The folder's own permission bits before this build (the new tree gets them).
    private var folderMode: mode_t = 0o755
    private let lock = NSLock()
    private var folders = Set<String>()
    /// Each file put: its path, whether it was written, its manifest entry.
    private var records = OutputRecords()
    private var unchanged = 0
    private var failure: Message?
    /// In place: the manifest, written once the stale files are gone.
    private var pendingManifest: OutputFile?

    /// Prepares to write into the folder `outputLock` holds; without `swaps`, a later build replaces files in place
    /// even where it could swap the tree (tests).
    init(lock outputLock: OutputLock, basePath: String?, swaps: Bool = true) throws(DiagnosticError) {
        let destination = outputLock.destination
        self.destination = destination
        destinationPath = destination.path
        self.basePath = basePath
        self.outputLock = outputLock
        Self.recover(destination)
        var info = stat()
        if lstat(destinationPath, &info) == 0 {
            guard info.st_mode & S_IFMT == S_IFDIR else {
                throw Self.fail(WriteText.outputNotAFolder(["name": destination.lastPathComponent]), destination)
            }
            folderMode = info.st_mode & 0o7777
            let entries = FileTree.entries(in: destinationPath)
            let files = entries.filter { $0.kind != .folder }.map(\.path)
            onDisk = Set(files)
            previous = files.isEmpty ? [] : try Self.previousPaths(in: destination, holding: onDisk)
            before = entries
            var parent = stat()
            if swaps, stat(destination.deletingLastPathComponent().path, &parent) == 0, parent.st_dev == info.st_dev,
               let staging = try? Self.makeSibling(of: destination, "staging") {
                mode = .swap(staging: staging)
                root = staging
                rootPath = staging.path
                rootFD = open(staging.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            } else {
                mode = .inPlace
                root = destination
                rootPath = destinationPath
                rootFD = -1
            }
        } else {
            onDisk = []
            previous = []
            before = []
            let temp = try Self.makeSibling(of: destination, "tmp")
            mode = .fresh(temp: temp)
            root = temp
            rootPath = temp.path
            rootFD = open(temp.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        }
    }

    /// The paths the folder's `manifest.json` lists (with `manifest.json`), or an error when the folder has no
    /// manifest or one gongkai did not write: then the folder is not gongkai's to change.
    private static func previousPaths(in destination: URL, holding files: Set<String>) throws(DiagnosticError) -> Set<String> {
        let name = destination.lastPathComponent
        let advice = WriteText.writeOnlyIntoOwnFolder(["name": name])
        guard files.contains("manifest.json") else {
            throw fail(WriteText.foreignFilesNoManifest(["name": name, "advice": advice]), destination)
        }
        let path = destination.path + "/manifest.json"
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        var info = stat()
        guard fd >= 0, fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            if fd >= 0 { close(fd) }
            throw fail(WriteText.manifestNotPlainFile(["name": name, "advice": advice]), destination)
        }
        let bytes = FileHandle(fileDescriptor: fd, closeOnDealloc: true).readDataToEndOfFile()
        let text = [UInt8](bytes)
        guard let manifest = Manifest.decoded(text) else {
            let why = Manifest.problem(in: text) ?? WriteText.manifestUnreadable.message
            throw fail(WriteText.manifestForeign(["name": name, "why": why, "advice": advice]), destination)
        }
        var paths = Set(manifest.files.map(\.path))
        paths.insert("manifest.json")
        return paths
    }

    /// The folder a swap without `renameat2` moved aside (`.public.old`): put back when the folder is missing (the
    /// build stopped between its two renames), removed otherwise.
    private static func recover(_ destination: URL) {
        let old = oldPath(of: destination)
        var info = stat()
        guard lstat(old, &info) == 0 else { return }
        if lstat(destination.path, &info) != 0 && errno == ENOENT {
            _ = rename(old, destination.path)
        } else {
            FileTree.removeTree(old)
        }
    }

    /// Where a swap without `renameat2` moves the old folder.
    private static func oldPath(of destination: URL) -> String {
        destination.deletingLastPathComponent().path + "/.\(destination.lastPathComponent).old"
    }

    /// A new empty folder beside `destination` (`.public.<kind>-<host>-<process id>`), for a first build or a
    /// staged tree. Folders of earlier builds that were killed are removed first: on this machine, those whose
    /// process is gone; a folder of another machine's build (a site folder on a network share) only once it is a day
    /// old, as no process of that machine can be asked about. A staging folder must be on `destination`'s file
    /// system (it is swapped with it); when it is not (`public/` is a mount point), this throws, and the caller
    /// writes otherwise.
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
            FileTree.removeTree(path.path)
        }
        let folder = parent.appendingPathComponent("\(prefix)\(kind)-\(hostTag)-\(own)")
        FileTree.removeTree(folder.path)
        do { try fm.createDirectory(at: folder, withIntermediateDirectories: true) } catch {
            throw fail(WriteText.cannotWriteOutput(["reason": WriteText.reason(error)]), destination)
        }
        if kind == "staging" {
            var a = stat(), b = stat()
            guard lstat(destination.path, &a) == 0, stat(folder.path, &b) == 0, a.st_dev == b.st_dev else {
                FileTree.removeTree(folder.path)
                throw fail(WriteText.otherFileSystem(["name": destination.lastPathComponent]), destination)
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
        if onDisk.contains(file.path) && !previous.contains(file.path) {
            let name = destination.lastPathComponent
            lock.withLock {
                if failure == nil {
                    failure = WriteText.foreignFileInTheWay(["name": name, "path": file.path])
                }
            }
            return
        }
        let digest = basePath.map { _ in SHA256.hash(data: file.bytes) }
        var didWrite = true
        do {
            switch mode {
            case .fresh:
                try ensureFolder(of: file.path)
                try Self.writeFile(file.bytes, to: rootFD >= 0 ? file.path : rootPath + "/" + file.path, in: rootFD >= 0 ? rootFD : AT_FDCWD)
            case .swap:
                try ensureFolder(of: file.path)
                // Unchanged: the file in place, hard-linked into the new tree (it is the same file, so no copy).
                let old = destinationPath + "/" + file.path
                if onDisk.contains(file.path) && Self.holds(file.bytes, at: old) && linkat(AT_FDCWD, old, rootFD, file.path, 0) == 0 {
                    didWrite = false
                } else {
                    try Self.writeFile(file.bytes, to: file.path, in: rootFD, exclusive: true)
                }
            case .inPlace:
                if file.path == "manifest.json" {
                    didWrite = !(onDisk.contains(file.path) && Self.holds(file.bytes, at: destinationPath + "/manifest.json"))
                    if didWrite { lock.withLock { pendingManifest = file } }
                } else {
                    try ensureFolder(of: file.path)
                    didWrite = try Self.replace(file, at: rootPath + "/" + file.path, mayExist: onDisk.contains(file.path))
                }
            }
        } catch {
            lock.withLock { if failure == nil { failure = WriteText.cannotWriteFile(["path": file.path, "reason": WriteText.reason(error)]) } }
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

    /// Writes the manifest (unless the caller already put its own `manifest.json`) and completes the output: moves
    /// the first build into place, swaps the new tree with the old, or (in place) removes the stale files and
    /// writes the manifest last.
    func finish(_ manifest: Manifest?) throws(DiagnosticError) -> OutputWriter.Summary {
        if let manifest { put(OutputFile(path: "manifest.json", bytes: manifest.json(), kind: .data)) }
        if let failure { abandon(); throw Self.fail(failure, destination) }
        let written = records.writtenPaths().sorted()
        let made = Set(records.paths())
        let stale = onDisk.intersection(previous).subtracting(made).sorted()
        let parent = destination.deletingLastPathComponent().path
        switch mode {
        case .fresh(let temp):
            Self.sync(rootFD)
            guard rename(temp.path, destinationPath) == 0 else {
                let reason = String(cString: strerror(errno))
                abandon()
                throw Self.fail(WriteText.cannotWriteOutput(["reason": reason]), destination)
            }
            Self.syncFolder(parent)
            return OutputWriter.Summary(written: written, removed: [], unchanged: 0)
        case .swap(let staging):
            let kept: [String]
            let retired: (saved: [String], aside: String?)
            do throws(DiagnosticError) { kept = try carryOver(made: made) } catch {
                abandon()
                throw error
            }
            // The new tree on disk before it becomes the site, and the swap on disk after.
            Self.sync(rootFD)
            if gongkai_exchange(staging.path, destinationPath) != 0 {
                let reason = errno
                // A file system without the exchange: two renames (a build stopped between them is put right by
                // the next one, which finds the old folder aside).
                let old = Self.oldPath(of: destination)
                guard reason == EINVAL || reason == ENOSYS, rename(destinationPath, old) == 0 else {
                    abandon()
                    throw Self.fail(WriteText.cannotPutInPlace(["reason": String(cString: strerror(reason))]), destination)
                }
                guard rename(staging.path, destinationPath) == 0 else {
                    let why = String(cString: strerror(errno))
                    _ = rename(old, destinationPath)
                    abandon()
                    throw Self.fail(WriteText.cannotPutInPlace(["reason": why]), destination)
                }
                Self.syncFolder(parent)
                retired = retire(old, made: made)
            } else {
                Self.syncFolder(parent)
                // The old tree, now at the staging path.
                retired = retire(staging.path, made: made)
            }
            return OutputWriter.Summary(written: written, removed: stale, unchanged: unchanged, kept: (kept + retired.saved).sorted(),
                                        previousKeptAt: retired.aside)
        case .inPlace:
            // Stale files first, the manifest last: until it is written, the folder's manifest is the previous one.
            let removed = removeStale(stale)
            if let file = pendingManifest {
                do { _ = try Self.replace(file, at: destinationPath + "/manifest.json", mayExist: true) } catch {
                    throw Self.fail(WriteText.cannotWriteManifest(["reason": WriteText.reason(error)]), destination)
                }
            }
            let kept = onDisk.subtracting(previous).subtracting(made).sorted()
            return OutputWriter.Summary(written: written, removed: removed, unchanged: unchanged, kept: kept, replacedInPlace: true)
        }
    }

    /// Hard-links into the new tree every file of the folder in place that gongkai did not make (its previous
    /// manifest does not list it and this build did not make it), and makes the empty folders it did not make;
    /// folders keep their permissions. Returns what was kept (folders with a final `/`).
    private func carryOver(made: Set<String>) throws(DiagnosticError) -> [String] {
        let name = destination.lastPathComponent
        var previousFolders = Set<String>()
        for path in previous {
            var folder = Substring(path)
            while let slash = folder.lastIndex(of: "/") {
                folder = folder[..<slash]
                if !previousFolders.insert(String(folder)).inserted { break }
            }
        }
        var nonEmpty = Set<String>()
        for entry in before {
            if let slash = entry.path.lastIndex(of: "/") { nonEmpty.insert(String(entry.path[..<slash])) }
        }
        var kept: [String] = []
        for entry in before {
            if entry.kind == .folder {
                guard !nonEmpty.contains(entry.path), !previousFolders.contains(entry.path) else { continue }
                do { try Self.makeFolders(entry.path, in: rootFD, shownUnder: name) } catch {
                    throw Self.fail(WriteText.foreignFolderCannotBeKept(["name": name, "path": entry.path]), destination)
                }
                kept.append(entry.path + "/")
                continue
            }
            guard !previous.contains(entry.path), !made.contains(entry.path) else { continue }
            do { try ensureFolder(of: entry.path) } catch {
                throw Self.fail(WriteText.foreignFileUnderFile(["name": name, "path": entry.path]), destination)
            }
            if linkat(AT_FDCWD, destinationPath + "/" + entry.path, rootFD, entry.path, 0) != 0 {
                let reason = errno == EEXIST ? WriteText.siteHasFolderThere.message : CoreText.verbatim(["text": String(cString: strerror(errno))])
                throw Self.fail(WriteText.foreignFileCannotBeKept(["name": name, "path": entry.path, "reason": reason]), destination)
            }
            kept.append(entry.path)
        }
        if folderMode != 0o755 { _ = fchmod(rootFD, folderMode) }
        // (gongkai makes its folders rwxr-xr-x: only others need a call)
        for entry in before where entry.kind == .folder && entry.mode != 0o755 { _ = fchmodat(rootFD, entry.path, entry.mode, 0) }
        return kept
    }

    /// Removes the old tree at `old` (swapped out), after saving what someone else put into the folder while this
    /// build ran: a file gongkai did not make that is in the old tree but not (as the same file) in the new one is
    /// hard-linked into the site in place. Should such a file be where this build made one of its own, the old tree
    /// is kept aside as `.public.kept-PID` rather than removed, and said so. Returns the files saved.
    private func retire(_ old: String, made: Set<String>) -> (saved: [String], aside: String?) {
        let previous = self.previous, destinationPath = self.destinationPath
        let saved = Locked<[String]>([])
        // Each entry looked at as the old tree is removed (one walk): gongkai's own files simply go.
        let removed = FileTree.removeTree(old) { path in
            guard !previous.contains(path) else { return false }
            var was = stat(), now = stat()
            guard lstat(old + "/" + path, &was) == 0 else { return false }
            let live = destinationPath + "/" + path
            let exists = lstat(live, &now) == 0
            if exists && now.st_ino == was.st_ino && now.st_dev == was.st_dev { return false }
            if exists && made.contains(path) { return true }
            if let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) {
                try? Self.makeFolders(destinationPath + "/" + path[..<slash])
            }
            // Through a temporary name, so that a file replaced meanwhile is replaced in one step.
            let temp = live + ".gongkai-saved"
            unlink(temp)
            guard linkat(AT_FDCWD, old + "/" + path, AT_FDCWD, temp, 0) == 0, rename(temp, live) == 0 else {
                unlink(temp)
                return true
            }
            saved.withLock { $0.append(path) }
            return false
        }
        let list = saved.withLock { $0 }
        guard !removed else { return (list, nil) }
        let aside = destination.deletingLastPathComponent().path + "/.\(destination.lastPathComponent).kept-\(ProcessInfo.processInfo.processIdentifier)"
        FileTree.removeTree(aside)
        return (list, rename(old, aside) == 0 ? aside : old)
    }

    /// Writes the file system holding the open folder `fd` to disk (nothing when it is not open).
    private static func sync(_ fd: Int32) {
        if fd >= 0 { _ = gongkai_syncfs(fd) }
    }

    /// fsync(2) of the folder at `path`: a rename in it is on disk.
    private static func syncFolder(_ path: String) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }

    /// Removes `stale`, files of the previous build this one did not make (and folders left empty); returns their paths.
    private func removeStale(_ stale: [String]) -> [String] {
        for path in stale {
            unlink(destinationPath + "/" + path)
            FileTree.removeEmptyFolders(above: path, in: destinationPath)
        }
        return stale
    }

    /// Gives up: a first build's temporary folder or the staged tree is removed (in place, only whole files have
    /// been replaced). The folder in place is as it was.
    func abandon() {
        switch mode {
        case .fresh(let temp): FileTree.removeTree(temp.path)
        case .swap(let staging): FileTree.removeTree(staging.path)
        case .inPlace: break
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
            throw OutputFileError(message: WriteText.existsNotAFolder(["path": shown]))
        case ENOENT:
            guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")), slash > path.startIndex else { break }
            try makeFolders(String(path[..<slash]), in: folder, shownUnder: base)
            if mkdirat(folder, path, 0o755) == 0 { return }
            // Made meanwhile by another job (or a file: an error).
            if errno == EEXIST { return try makeFolders(path, in: folder, shownUnder: base) }
        default:
            break
        }
        throw OutputFileError(message: WriteText.cannotCreateFolder(["folder": shown, "reason": String(cString: strerror(errno))]))
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
            throw OutputFileError(message: WriteText.cannotReplaceFile(["path": file.path, "reason": reason]))
        }
        return true
    }

    /// Whether the file at `path` holds exactly `bytes`: its size first, then its content read in pieces and
    /// compared with memcmp (no copy of the whole file; a missing or unreadable file holds nothing).
    static func holds(_ bytes: [UInt8], at path: String) -> Bool {
        // A symbolic link holds nothing: it is never taken for the file it points to.
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
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

    /// Writes `bytes` to a new file at `path` (relative to `folder` when it is an open folder). With `exclusive`, a
    /// file already at `path` is unlinked first rather than written over: in a staged tree it may be a hard link to
    /// the site in place, which must not change.
    private static func writeFile(_ bytes: [UInt8], to path: String, in folder: Int32 = AT_FDCWD, exclusive: Bool = false) throws {
        var fd = openat(folder, path, O_WRONLY | O_CREAT | (exclusive ? O_EXCL : O_TRUNC) | O_CLOEXEC, 0o644)
        if fd < 0 && exclusive && errno == EEXIST {
            unlinkat(folder, path, 0)
            fd = openat(folder, path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        }
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

    static func fail(_ message: Message, _ destination: URL) -> DiagnosticError {
        DiagnosticError([.error(message, at: SourceLocation(path: destination.lastPathComponent, line: 1, column: 1))])
    }
}
