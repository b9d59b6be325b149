import Foundation
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
    /// folder on another file system (such a folder, and the folders holding it, stay). Returns whether all went.
    @discardableResult
    static func removeTree(_ path: String) -> Bool {
        var info = stat()
        guard lstat(path, &info) == 0 else { return true }
        guard info.st_mode & S_IFMT == S_IFDIR else { return unlink(path) == 0 }
        return removeContents(of: path, device: info.st_dev) && rmdir(path) == 0
    }

    private static func removeContents(of folder: String, device: dev_t) -> Bool {
        guard let dir = opendir(folder) else { return false }
        defer { closedir(dir) }
        let fd = dirfd(dir)
        var all = true
        var subfolders: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            var isFolder = entry.pointee.d_type == UInt8(DT_DIR)
            if entry.pointee.d_type == UInt8(DT_UNKNOWN) {
                var info = stat()
                isFolder = fstatat(fd, name, &info, AT_SYMLINK_NOFOLLOW) == 0 && info.st_mode & S_IFMT == S_IFDIR
            }
            if isFolder { subfolders.append(name) } else if unlinkat(fd, name, 0) != 0 { all = false }
        }
        for name in subfolders {
            var info = stat()
            guard fstatat(fd, name, &info, AT_SYMLINK_NOFOLLOW) == 0, info.st_dev == device else { all = false; continue }
            if !removeContents(of: folder + "/" + name, device: device) || unlinkat(fd, name, AT_REMOVEDIR) != 0 { all = false }
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
