import Foundation
import GongkaiCore

/// Watches a site's `content/` and `theme/` and reports batches of changed paths: inotify where the system has
/// it, otherwise (or when asked) polling.
final class SiteWatcher: Sendable {
    /// How changes are noticed.
    enum Method: String, Sendable {
        case inotify, polling
    }

    /// The method in use.
    let method: Method
    private let stopWatching: @Sendable () -> Void
    /// Batches of changed paths. While a rebuild runs, new batches are merged into one (no path is lost: an
    /// incremental rebuild must see every change).
    let changes: AsyncCompactMapSequence<AsyncStream<Void>, [String]>
    private let pending = Locked<[String]>([])

    /// Starts watching `content/` and `theme/` under `root`.
    init(root: URL, polling: Bool, debounce: Duration = .milliseconds(15), pollInterval: Duration = .milliseconds(250)) {
        let roots = ["content", "theme"].map { root.appendingPathComponent($0, isDirectory: true) }
        let (signals, continuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        let pending = self.pending
        // Each batch is added to `pending` and signalled; the reader takes everything pending at once.
        changes = signals.compactMap { _ in
            let batch = pending.withLock { paths -> [String] in defer { paths = [] }; return paths }
            return batch.isEmpty ? nil : batch
        }
        let onChange: @Sendable ([String]) -> Void = { paths in
            pending.withLock { $0 += paths }
            continuation.yield()
        }
        #if canImport(Glibc)
        if !polling, let watcher = InotifyWatcher(roots: roots, debounce: debounce) {
            method = .inotify
            watcher.start(onChange)
            stopWatching = { watcher.stop(); continuation.finish() }
            return
        }
        #endif
        let watcher = PollingWatcher(roots: roots, interval: pollInterval)
        method = .polling
        watcher.start(onChange)
        stopWatching = { watcher.stop(); continuation.finish() }
    }

    /// Stops watching and ends `changes`.
    func stop() { stopWatching() }

    /// Swap files, backups and editors' probe files: never part of the site, never a reason to rebuild.
    static func isEditorNoise(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasSuffix("~") || name.hasSuffix(".swp") || name.hasSuffix(".swx")
            || name == "4913" || name.hasPrefix("#")
    }
}
