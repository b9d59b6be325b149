import Foundation

/// Receives progress of a build (pages rendered so far, of a total). Called from worker threads, roughly every
/// hundred pages; the command line shows it on a terminal when a build takes longer than a second.
public struct BuildProgress: Sendable {
    /// The callback.
    public let report: @Sendable (_ done: Int, _ total: Int) -> Void

    /// Creates a progress receiver.
    public init(_ report: @escaping @Sendable (_ done: Int, _ total: Int) -> Void) { self.report = report }
}

/// Counts finished items from several threads and passes every `step`-th count on.
final class ProgressCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var done = 0
    private let total: Int
    private let step: Int
    private let progress: BuildProgress?

    init(total: Int, step: Int = 100, progress: BuildProgress?) {
        self.total = total
        self.step = step
        self.progress = progress
    }

    /// Records one finished item.
    func tick() {
        guard let progress else { return }
        let value: Int = lock.withLock { done += 1; return done }
        if value % step == 0 || value == total { progress.report(value, total) }
    }
}
