import Foundation
import GongkaiCore

/// Keeps the build from publishing what lies outside the site: a symbolic link whose target is outside the
/// site folder (`content/x.png -> /etc/passwd`) is an error, never copied into `public/`.
enum SymlinkGuard {
    /// An error when `url` is a symbolic link leading outside `root`; nil otherwise.
    static func check(_ url: URL, root: URL, displayPath: String) -> Diagnostic? {
        check(url, status: FileStatus(path: url.path), root: root, displayPath: displayPath)
    }

    /// `check(_:root:displayPath:)` for a path whose status is known.
    static func check(_ url: URL, status: FileStatus?, root: URL, displayPath: String) -> Diagnostic? {
        guard status?.isSymbolicLink == true else { return nil }
        let target = url.resolvingSymlinksInPath().standardizedFileURL.path
        let base = root.resolvingSymlinksInPath().standardizedFileURL.path
        if target == base || target.hasPrefix(base.hasSuffix("/") ? base : base + "/") { return nil }
        return .error("symbolic link points outside the site (to \(target)); Gongkai publishes only files inside the site folder",
                      at: SourceLocation(path: displayPath, line: 1, column: 1))
    }
}
