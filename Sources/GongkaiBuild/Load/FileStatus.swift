import Glibc

/// What a path is, from one `lstat` (and one `stat` only for a symbolic link): what the loader needs to know of every
/// entry of a folder, without `FileManager.attributesOfItem` (which also reads extended attributes and looks the
/// owner up in `/etc/passwd` and `/etc/group`, for each file).
struct FileStatus: Sendable, Equatable {
    /// The path itself is a symbolic link.
    let isSymbolicLink: Bool
    /// The path, links followed, is a folder.
    let isDirectory: Bool

    /// The status of `path`; nil when nothing is there. A link whose target is missing is a symbolic link that is
    /// not a folder.
    init?(path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        isSymbolicLink = info.st_mode & S_IFMT == S_IFLNK
        if isSymbolicLink {
            var target = stat()
            isDirectory = stat(path, &target) == 0 && target.st_mode & S_IFMT == S_IFDIR
        } else {
            isDirectory = info.st_mode & S_IFMT == S_IFDIR
        }
    }
}
