import Dispatch
import Foundation

/// Prints how long each build stage took to standard error when `GONGKAI_TIMING` is set (for the benchmark);
/// does nothing otherwise.
struct StageTimer {
    private let enabled = ProcessInfo.processInfo.environment["GONGKAI_TIMING"] != nil
    private var last = DispatchTime.now().uptimeNanoseconds
    private var parts: [String] = []

    /// Ends the stage called `name`.
    mutating func lap(_ name: String) {
        guard enabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        parts.append("\(name) \((now - last) / 1_000_000)")
        last = now
    }

    /// Prints the stages so far (in milliseconds).
    func report() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("stages (ms): \(parts.joined(separator: ", "))\n".utf8))
    }
}
