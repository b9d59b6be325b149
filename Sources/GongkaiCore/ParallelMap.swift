import Dispatch
import Foundation

/// Maps an array on all cores, keeping the input order.
public enum ParallelMap {
    /// `input.map(transform)`, computed in chunks on every core; `transform` runs on several threads at once.
    /// Inlinable, so that callers in other modules get it specialised for their types.
    @inlinable
    public static func map<T: Sendable, R: Sendable>(_ input: [T], _ transform: @Sendable (T) -> R) -> [R] {
        guard input.count > 1 else { return input.map(transform) }
        let results = ResultSlots<R>(count: input.count)
        let chunk = max(1, input.count / (ProcessInfo.processInfo.activeProcessorCount * 8))
        let chunks = (input.count + chunk - 1) / chunk
        input.withUnsafeBufferPointer { buffer in
            nonisolated(unsafe) let buffer = buffer
            DispatchQueue.concurrentPerform(iterations: chunks) { c in
                let start = c * chunk
                let end = min(input.count, start + chunk)
                for i in start..<end { results.set(i, transform(buffer[i])) }
            }
        }
        return results.values()
    }
}

/// Fixed slots written from several threads, each slot by exactly one (raw memory: no exclusivity conflicts).
@usableFromInline
final class ResultSlots<R>: @unchecked Sendable {
    @usableFromInline let storage: UnsafeMutableBufferPointer<R?>
    @inlinable
    init(count: Int) {
        storage = .allocate(capacity: count)
        storage.initialize(repeating: nil)
    }
    deinit {
        storage.deinitialize()
        storage.deallocate()
    }
    @inlinable
    func set(_ i: Int, _ value: R) { storage[i] = value }
    @inlinable
    func values() -> [R] { storage.compactMap { $0 } }
}
