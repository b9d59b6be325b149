import Foundation

/// Rendered navigation items by key (everything the item shows), shared by the threads rendering one build's pages.
final class NavItemCache: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String: String] = [:]

    /// The HTML for `key`, rendering it with `make` the first time (two threads may both render a new key: the
    /// results are equal, and one is kept).
    func html(for key: String, make: () -> String) -> String {
        if let known = lock.withLock({ items[key] }) { return known }
        let html = make()
        lock.withLock { items[key] = html }
        return html
    }
}
