import Foundation
import GongkaiCore
#if canImport(Glibc)
import Glibc
#endif

/// The entries below a folder, read with opendir(3)/readdir(3): one call per folder entry, where Foundation's
/// enumerator plus a `fileExists` per entry cost a later build of a 10,000-page site a tenth of its time.
enum FileTree {
    /// What an entry of a folder is, as lstat(2) tells (a symbolic link is itself, never what it points to).
    enum Kind: Sendable, Equatable {
        case file, folder, symlink, other
    }

    /// One entry below a folder: its path relative to the folder, its kind, and (for a folder) its permission bits.
    struct Entry: Sendable, Equatable {
        var path: String
        var kind: Kind
        var mode: mode_t = 0
    }

    /// Every entry below `root` (folders too, each before what it holds; symbolic links are not followed, nor
    /// folders on another file system than `root` entered), relative to it.
    static func entries(in root: String) -> [Entry] {
        var out: [Entry] = []
        var info = stat()
        guard lstat(root, &info) == 0 else { return out }
        walkEntries(root, prefix: "", device: info.st_dev, into: &out)
        return out
    }

    private static func walkEntries(_ folder: String, prefix: String, device: dev_t, into out: inout [Entry]) {
        guard let dir = opendir(folder) else { return }
        defer { closedir(dir) }
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            let full = folder + "/" + name
            var kind: Kind
            switch entry.pointee.d_type {
            case UInt8(DT_DIR): kind = .folder
            case UInt8(DT_REG): kind = .file
            case UInt8(DT_LNK): kind = .symlink
            case UInt8(DT_UNKNOWN): kind = .other
            default: kind = .other
            }
            var info = stat()
            if kind == .folder || entry.pointee.d_type == UInt8(DT_UNKNOWN) {
                guard lstat(full, &info) == 0 else { continue }
                switch info.st_mode & S_IFMT {
                case S_IFDIR: kind = .folder
                case S_IFREG: kind = .file
                case S_IFLNK: kind = .symlink
                default: kind = .other
                }
            }
            if kind == .folder {
                out.append(Entry(path: prefix + name, kind: .folder, mode: info.st_mode & 0o7777))
                // A folder on another file system (a mount point) is listed, not entered.
                if info.st_dev == device { walkEntries(full, prefix: prefix + name + "/", device: device, into: &out) }
            } else {
                out.append(Entry(path: prefix + name, kind: kind))
            }
        }
    }

    /// Removes the folder at `path` and everything in it, without following symbolic links and without entering a
    /// folder on another file system (such a folder, and the folders holding it, stay). `keep`, when given, is asked
    /// about each entry that is not a folder (its path relative to `path`) before it goes, and keeps it by
    /// returning true (its folders then stay too). The top folder's entries are shared among the cores. Returns
    /// whether all went.
    @discardableResult
    static func removeTree(_ path: String, keep: (@Sendable (String) -> Bool)? = nil) -> Bool {
        var info = stat()
        guard lstat(path, &info) == 0 else { return true }
        guard info.st_mode & S_IFMT == S_IFDIR else { return unlink(path) == 0 }
        let device = info.st_dev
        // The top folder's entries first, then its folders removed in parallel.
        guard let dir = opendir(path) else { return false }
        var folders: [String] = []
        var all = true
        let fd = dirfd(dir)
        while let entry = readdir(dir) {
            let name = entryName(entry)
            if name == "." || name == ".." { continue }
            if isFolder(entry, name, in: fd) { folders.append(name); continue }
            if keep?(name) == true { all = false } else if unlinkat(fd, name, 0) != 0 { all = false }
        }
        let results = ParallelMap.map(folders) { name -> Bool in
            var sub = stat()
            guard fstatat(fd, name, &sub, AT_SYMLINK_NOFOLLOW) == 0, sub.st_dev == device else { return false }
            return removeContents(of: path + "/" + name, relative: name + "/", device: device, keep: keep) && unlinkat(fd, name, AT_REMOVEDIR) == 0
        }
        closedir(dir)
        return all && !results.contains(false) && rmdir(path) == 0
    }

    private static func entryName(_ entry: UnsafeMutablePointer<dirent>) -> String {
        withUnsafeBytes(of: entry.pointee.d_name) { raw in String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self) }
    }

    private static func isFolder(_ entry: UnsafeMutablePointer<dirent>, _ name: String, in fd: Int32) -> Bool {
        if entry.pointee.d_type != UInt8(DT_UNKNOWN) { return entry.pointee.d_type == UInt8(DT_DIR) }
        var info = stat()
        return fstatat(fd, name, &info, AT_SYMLINK_NOFOLLOW) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }

    private static func removeContents(of folder: String, relative: String, device: dev_t, keep: (@Sendable (String) -> Bool)?) -> Bool {
        guard let dir = opendir(folder) else { return false }
        defer { closedir(dir) }
        let fd = dirfd(dir)
        var all = true
        var subfolders: [String] = []
        while let entry = readdir(dir) {
            let name = entryName(entry)
            if name == "." || name == ".." { continue }
            if isFolder(entry, name, in: fd) { subfolders.append(name); continue }
            if keep?(relative + name) == true { all = false } else if unlinkat(fd, name, 0) != 0 { all = false }
        }
        for name in subfolders {
            var info = stat()
            guard fstatat(fd, name, &info, AT_SYMLINK_NOFOLLOW) == 0, info.st_dev == device else { all = false; continue }
            if !removeContents(of: folder + "/" + name, relative: relative + name + "/", device: device, keep: keep)
                || unlinkat(fd, name, AT_REMOVEDIR) != 0 { all = false }
        }
        return all
    }

    /// Removes the folders holding `path` (relative to `root`) that are now empty, deepest first, stopping at the
    /// first that is not (rmdir(2) refuses a folder with anything in it).
    static func removeEmptyFolders(above path: String, in root: String) {
        var folder = Substring(path)
        while let slash = folder.utf8.lastIndex(of: UInt8(ascii: "/")) {
            folder = folder[..<slash]
            if folder.isEmpty || rmdir(root + "/" + folder) != 0 { return }
        }
    }
}
