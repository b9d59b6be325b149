import Foundation
import Glibc
import GongkaiCore

/// Keeps the build from reading or publishing what lies outside the site, and from skipping a file without a word
/// (issue #31). Every path the loader reads or walks is judged here, from the folder listing's file type when it
/// has one and otherwise one `lstat`:
///
/// * a regular file or a folder is read;
/// * a symbolic link to a regular file inside the boundary (the site folder; for the theme's files, the theme
///   folder) is read;
/// * a symbolic link leading outside the boundary is an error, and nothing is read through it;
/// * a symbolic link to a folder is an error wherever it leads (a folder link can make the walk go round in
///   circles or publish a folder twice; copy the folder instead);
/// * a dangling link, a named pipe (FIFO), a socket or a device is an error naming the path.
///
/// The boundary is resolved once (`realPath`), not for every file.
enum SymlinkGuard {
    /// What a path may be read as.
    enum Verdict {
        /// A regular file (or a link to one inside the boundary).
        case file
        /// A folder (never a link).
        case folder
        /// Nothing there.
        case missing
        /// Not to be read: the error says why.
        case refused(Diagnostic)
    }

    /// The real path of `url` (every link resolved), or its standardized path when it cannot be resolved.
    static func realPath(_ url: URL) -> String {
        guard let resolved = realpath(url.path, nil) else { return url.standardizedFileURL.path }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Judges `path` (shown as `displayPath`) against the real boundary folder `boundary`. `type` is the folder
    /// listing's `d_type` when known (`DT_UNKNOWN`, 0, otherwise): a regular file or folder then costs no system call.
    static func verdict(_ path: String, type: UInt8 = 0, boundary: String, displayPath: String) -> Verdict {
        switch Int(type) {
        case Int(DT_REG): return .file
        case Int(DT_DIR): return .folder
        default: break
        }
        let here = SourceLocation(path: displayPath, line: 1, column: 1)
        var info = stat()
        guard lstat(path, &info) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .folder
        case S_IFLNK: break
        default: return .refused(special(info.st_mode, at: here))
        }
        var target = stat()
        guard stat(path, &target) == 0 else {
            return .refused(.error(BuildText.symlinkDangling(["target": linkText(path)]), at: here))
        }
        let real = realPath(URL(fileURLWithPath: path))
        guard real == boundary || real.hasPrefix(boundary.hasSuffix("/") ? boundary : boundary + "/") else {
            return .refused(.error(BuildText.symlinkOutsideSite(["target": real]),
                                   at: here))
        }
        switch target.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR:
            return .refused(.error(BuildText.symlinkToFolder(["target": real]), at: here))
        default: return .refused(special(target.st_mode, at: here))
        }
    }

    /// An error when `path` may not be read (a link leading outside the real folder `boundary`, a folder link, a
    /// dangling link, a FIFO …); nil for a file, a folder or nothing at all.
    static func check(_ path: String, boundary: String, displayPath: String) -> Diagnostic? {
        if case .refused(let problem) = verdict(path, boundary: boundary, displayPath: displayPath) { return problem }
        return nil
    }

    /// The error for a path that is neither a file, a folder nor a link.
    private static func special(_ mode: mode_t, at location: SourceLocation) -> Diagnostic {
        let kind: BuildText
        switch mode & S_IFMT {
        case S_IFIFO: kind = .kindNamedPipe
        case S_IFSOCK: kind = .kindSocket
        case S_IFCHR, S_IFBLK: kind = .kindDevice
        default: kind = .kindNotRegular
        }
        return .error(BuildText.specialFile(["kind": kind.message]), at: location)
    }

    /// What the link at `path` says, as written.
    private static func linkText(_ path: String) -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let n = readlink(path, &buffer, buffer.count - 1)
        guard n >= 0 else { return "?" }
        return String(decoding: buffer[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
