import Dispatch

/// A value worked out on another thread while the caller goes on; `value()` waits for it. Each task runs once.
public final class BackgroundTask<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: Value?

    /// Starts `work` at once on a global queue.
    public init(_ work: @escaping @Sendable () -> Value) {
        DispatchQueue.global().async {
            self.result = work()
            self.done.signal()
        }
    }

    /// The value, once `work` has finished (waits until then). Call it once.
    public func value() -> Value {
        done.wait()
        // The semaphore orders the write before this read; `result` is set exactly once before `signal`.
        guard let result else { preconditionFailure("BackgroundTask finished without a value") }
        return result
    }
}
