import GongkaiCore

/// What the server currently serves: the last good snapshot and, while the sources are broken, the diagnostics
/// of the failed build. Swapped whole under a lock; requests only read it.
final class SiteState: Sendable {
    /// One consistent state.
    struct Current: Sendable {
        /// The last good build (empty before the first).
        var snapshot: SiteSnapshot
        /// The failed build's diagnostics, nil while the build is good.
        var failure: [Diagnostic]?
    }

    private let box: Locked<Current>

    /// Creates a state with no site yet.
    init(basePath: String = "/") {
        box = Locked(Current(snapshot: SiteSnapshot(basePath: basePath), failure: nil))
    }

    /// The current state.
    var current: Current { box.current }

    /// Serves `snapshot` from now on and clears any failure; returns the previous snapshot.
    @discardableResult
    func replace(with snapshot: SiteSnapshot) -> SiteSnapshot {
        box.withLock { current in
            let old = current.snapshot
            current = Current(snapshot: snapshot, failure: nil)
            return old
        }
    }

    /// Records a failed build; the last good snapshot stays served.
    func fail(_ diagnostics: [Diagnostic]) {
        box.withLock { $0.failure = diagnostics }
    }
}
