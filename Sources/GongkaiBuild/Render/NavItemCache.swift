import Foundation

/// Rendered navigation items by key (everything the item shows), shared by the threads rendering one build's pages.
///
/// Items are kept for the few reports being rendered (pages come in output-path order, so a report's pages come
/// together): a 10,000-page site's items of every report would hold about 10 MB until the build ends.
final class NavItemCache: @unchecked Sendable {
    /// Reports whose items are kept; the least recently used one's are let go first.
    static let reports = 8

    private let lock = NSLock()
    private var items: [String: [String: String]] = [:]
    /// Each report's closed top-level items, by root prefix.
    private var closedTrees: [String: [String: [String]]] = [:]
    /// Report ids, least recently used first.
    private var recent: [String] = []

    /// The HTML for `key` of `report`, rendering it with `make` the first time (two threads may both render a new
    /// key: the results are equal, and one is kept).
    func html(for key: String, report: String, make: () -> String) -> String {
        let known = lock.withLock { () -> String? in
            guard let html = items[report]?[key] else { return nil }
            use(report)
            return html
        }
        if let known { return known }
        let html = make()
        lock.withLock {
            if items[report] == nil { hold(report) } else { use(report) }
            items[report]?[key] = html
        }
        return html
    }

    /// The HTML of every top-level item of `report`, closed, for pages whose links start with `root`; made with
    /// `make` the first time (kept and let go with the report's items).
    func closedTree(report: String, root: String, make: () -> [String]) -> [String] {
        if let known = lock.withLock({ () -> [String]? in
            guard let tree = closedTrees[report]?[root] else { return nil }
            use(report)
            return tree
        }) { return known }
        let tree = make()
        lock.withLock {
            if items[report] == nil { hold(report) } else { use(report) }
            closedTrees[report, default: [:]][root] = tree
        }
        return tree
    }

    /// Starts keeping `report`'s items, letting the least recently used report's go (under the lock).
    private func hold(_ report: String) {
        items[report] = [:]
        recent.append(report)
        if recent.count > Self.reports {
            let dropped = recent.removeFirst()
            items[dropped] = nil
            closedTrees[dropped] = nil
        }
    }

    /// Marks `report` the most recently used (under the lock).
    private func use(_ report: String) {
        guard recent.last != report, let at = recent.firstIndex(of: report) else { return }
        recent.append(recent.remove(at: at))
    }

    /// The reports whose items are held (for tests).
    var heldReports: [String] { lock.withLock { recent } }
}
