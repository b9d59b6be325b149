import Foundation
#if canImport(Glibc)
import Glibc
#endif
import GongkaiBuild
import GongkaiCore

/// The private folder a preview server writes its builds into when it is not asked to keep `public/` in step:
/// `$XDG_CACHE_HOME/gongkai/serve/<hash>/` (else `~/.cache/…`, else `/var/tmp/gongkai-<uid>/serve/…`), one
/// folder per site, named by a hash of the site folder's real path. Never below the site folder itself (the
/// fallback is taken when the cache location would be).
///
/// The folder is this server's while it runs: it holds the folder's `OutputLock` (`.<hash>.lock` beside it) from
/// start to stop and passes it to every build; a second server of the same site uses a folder of its own
/// (`<hash>-<process id>`). A folder left by an earlier server is reused (a build into it rewrites only what
/// changed) and kept at exit; one the server made is removed at a clean stop (`removeIfMade()`).
final class SiteCache: Sendable {
    /// The folder's lock, held while the server runs; its `destination` is the folder (which need not exist yet).
    let lock: OutputLock
    /// True when the folder did not exist before this server.
    let madeIt: Bool

    /// The folder builds are written into.
    var folder: URL { lock.destination }

    /// Picks and claims the cache folder for the site at `root`; `location` overrides the user's cache
    /// (`location(_:)`). Throws ``ServeError`` when the folder cannot be made or claimed.
    init(root: URL, location: URL? = nil, environment: [String: String] = ProcessInfo.processInfo.environment,
         language: Language = .english) throws(ServeError) {
        let site = Self.real(root.path)
        var parent = location ?? Self.location(environment)
        if parent.path == site || parent.path.hasPrefix(site + "/") { parent = Self.fallback() }
        do {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw ServeError.cannotMakeCache(path: parent.path, reason: Self.reason(error))
        }
        let hash = String(Manifest.sha256(Array(site.utf8)).prefix(16))
        let lock: OutputLock
        if let claimed = try? OutputLock(destination: parent.appendingPathComponent(hash)) {
            lock = claimed
        } else {
            // Another server previews this site: a folder of our own, not shared.
            do {
                lock = try OutputLock(destination: parent.appendingPathComponent("\(hash)-\(ProcessInfo.processInfo.processIdentifier)"))
            } catch {
                throw ServeError.outputInUse(error.diagnostics.map { $0.line(language) }.joined(separator: "\n"))
            }
        }
        let folder = lock.destination
        var exists = FileManager.default.fileExists(atPath: folder.path)
        if exists && !FileManager.default.fileExists(atPath: folder.appendingPathComponent("manifest.json").path) {
            // Not a whole build (emptied or damaged by hand): the folder is ours alone, so it starts again.
            try? FileManager.default.removeItem(at: folder)
            exists = false
        }
        self.lock = lock
        madeIt = !exists
    }

    /// Removes the folder (and its lock file) when this server made it; a folder it found is kept.
    func removeIfMade() {
        guard madeIt else { return }
        try? FileManager.default.removeItem(at: folder)
        try? FileManager.default.removeItem(atPath: OutputLock.lockPath(for: folder))
    }


    /// `$XDG_CACHE_HOME/gongkai/serve`, or `$HOME/.cache/gongkai/serve`, or the fallback (relative values are
    /// ignored, as the XDG specification asks).
    static func location(_ environment: [String: String]) -> URL {
        if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") {
            return URL(fileURLWithPath: cache).appendingPathComponent("gongkai/serve")
        }
        if let home = environment["HOME"], home.hasPrefix("/") {
            return URL(fileURLWithPath: home).appendingPathComponent(".cache/gongkai/serve")
        }
        return fallback()
    }

    /// `/var/tmp/gongkai-<uid>/serve` (`/var/tmp` is on disk where `/tmp` may be memory).
    static func fallback() -> URL {
        URL(fileURLWithPath: "/var/tmp/gongkai-\(getuid())/serve")
    }

    private static func real(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return URL(fileURLWithPath: path).standardizedFileURL.path }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static func reason(_ error: any Error) -> String {
        ((error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError)?.localizedDescription ?? error.localizedDescription
    }
}
