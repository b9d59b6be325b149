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
            if items[report] == nil {
                items[report] = [:]
                recent.append(report)
                if recent.count > Self.reports { items[recent.removeFirst()] = nil }
            } else {
                use(report)
            }
            items[report]?[key] = html
        }
        return html
    }

    /// Marks `report` the most recently used (under the lock).
    private func use(_ report: String) {
        guard recent.last != report, let at = recent.firstIndex(of: report) else { return }
        recent.append(recent.remove(at: at))
    }

    /// The reports whose items are held (for tests).
    var heldReports: [String] { lock.withLock { recent } }
}
