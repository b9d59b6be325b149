import Dispatch
import Foundation
import GongkaiCore

/// Prints how long each build stage took to standard error when `GONGKAI_TIMING` is set (for the benchmark),
/// with the process's CPU time in it (user and system, all threads: twice the wall time means both cores were busy)
/// and its resident memory after it (and the peak so far, from /proc); does nothing otherwise.
struct StageTimer {
    private let enabled = ProcessInfo.processInfo.environment["GONGKAI_TIMING"] != nil
    private var last = DispatchTime.now().uptimeNanoseconds
    private var lastCPU = ProcessCPUTime.milliseconds()
    private var parts: [String] = []

    /// Ends the stage called `name`.
    mutating func lap(_ name: String) {
        guard enabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        let cpu = ProcessCPUTime.milliseconds()
        parts.append("\(name) \((now - last) / 1_000_000) (cpu \(cpu - lastCPU))\(Self.memory())")
        last = now
        lastCPU = cpu
    }

    /// " [rss N MiB, peak M MiB]" from /proc/self/status, or "" where there is none.
    static func memory() -> String {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return "" }
        func kib(_ key: String) -> Int? {
            guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(key) }) else { return nil }
            return Int(line.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst().first ?? "")
        }
        guard let rss = kib("VmRSS:"), let peak = kib("VmHWM:") else { return "" }
        return " [rss \(rss / 1024) MiB, peak \(peak / 1024) MiB]"
    }

    /// Prints the stages so far (in milliseconds).
    func report() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("stages (ms): \(parts.joined(separator: ", "))\n".utf8))
    }
}
