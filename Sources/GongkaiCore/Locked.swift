import Foundation

/// A value guarded by a lock, for the few places where an actor hop is not wanted (the preview's snapshot read by
/// every request, the watcher's stop flag, files collected from rendering threads).
public final class Locked<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    /// Creates the box holding `value`.
    public init(_ value: Value) { self.value = value }

    /// Runs `body` with exclusive access to the value.
    public func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }

    /// The current value.
    public var current: Value { withLock { $0 } }
}
