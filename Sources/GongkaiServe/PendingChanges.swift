/// The paths a file watcher has seen change since it last handed a batch over, and how long to wait for more.
///
/// A save arrives as several events (a truncate, writes, then the close), and an editor's safe save as a few more
/// (a temporary file, renames). While some path's latest event leaves it mid-change (written but not closed, created
/// but not yet written, renamed away), the watcher waits for `debounce` of quiet. Once every path's latest event
/// completes a change (closed after writing, renamed into place, deleted, attributes set), only the short `settle`
/// wait is left, which gathers what arrives with it (a save touching several files): a one-file edit reaches the
/// rebuild that much sooner.
struct PendingChanges: Sendable {
    /// How an event leaves its path.
    enum Event: Sendable {
        /// The change may go on (written but not closed, created, renamed away).
        case ongoing
        /// The change is complete (closed after writing, renamed into place, deleted, attributes set).
        case complete
    }

    /// The changed paths in the order first seen, each once.
    private(set) var paths: [String] = []
    /// Paths whose latest event was `.ongoing`.
    private var ongoing: Set<String> = []
    private var seen: Set<String> = []

    /// Whether nothing is pending.
    var isEmpty: Bool { paths.isEmpty }

    /// Whether every pending path's latest event completed its change.
    var isSettled: Bool { ongoing.isEmpty }

    /// Records an event on `path`.
    mutating func add(_ path: String, _ event: Event) {
        if seen.insert(path).inserted { paths.append(path) }
        switch event {
        case .ongoing: ongoing.insert(path)
        case .complete: ongoing.remove(path)
        }
    }

    /// How long to wait for another event before handing the batch over, in milliseconds (`idle` when none is
    /// pending).
    func wait(debounce: Int32, settle: Int32, idle: Int32) -> Int32 {
        if isEmpty { return idle }
        return isSettled ? min(settle, debounce) : debounce
    }

    /// The pending paths; none is pending afterwards.
    mutating func take() -> [String] {
        defer { self = PendingChanges() }
        return paths
    }
}
