import Foundation
import GongkaiCore

/// Watches folder trees by comparing modification times, sizes and inode numbers every `interval`: the fallback
/// where inotify is unavailable (some containers, network file systems).
final class PollingWatcher: Sendable {
    private let roots: [URL]
    private let interval: Duration
    private let stopped = Locked(false)

    /// Creates a watcher that scans `roots` every `interval`.
    init(roots: [URL], interval: Duration) {
        self.roots = roots
        self.interval = interval
    }

    /// Starts watching; `onChange` receives each batch of changed paths (on the watcher's thread).
    func start(_ onChange: @escaping @Sendable ([String]) -> Void) {
        let thread = Thread { [self] in run(onChange) }
        thread.name = "gongkai-poll"
        thread.start()
    }

    /// Stops the thread after its current sleep.
    func stop() {
        stopped.withLock { $0 = true }
    }

    private struct Stamp: Equatable {
        var seconds: Int
        var nanoseconds: Int
        var size: Int
        var inode: UInt
    }

    private func run(_ onChange: @Sendable ([String]) -> Void) {
        var previous = scan()
        let (seconds, attoseconds) = interval.components
        let sleep = Double(seconds) + Double(attoseconds) / 1e18
        while !stopped.current {
            Thread.sleep(forTimeInterval: sleep)
            if stopped.current { break }
            let now = scan()
            guard now != previous else { continue }
            var changed = Set(now.keys.filter { previous[$0] != now[$0] })
            changed.formUnion(previous.keys.filter { now[$0] == nil })
            previous = now
            onChange(changed.sorted())
        }
    }

    private func scan() -> [String: Stamp] {
        var stamps: [String: Stamp] = [:]
        for root in roots {
            stamp(root.path, into: &stamps)
            guard let walker = FileManager.default.enumerator(atPath: root.path) else { continue }
            for case let relative as String in walker {
                let name = (relative as NSString).lastPathComponent
                if SiteWatcher.isEditorNoise(name) { continue }
                stamp(root.path + "/" + relative, into: &stamps)
            }
        }
        return stamps
    }

    private func stamp(_ path: String, into stamps: inout [String: Stamp]) {
        var info = stat()
        guard stat(path, &info) == 0 else { return }
        #if canImport(Darwin)
        let time = info.st_mtimespec
        #else
        let time = info.st_mtim
        #endif
        stamps[path] = Stamp(seconds: Int(time.tv_sec), nanoseconds: Int(time.tv_nsec), size: Int(info.st_size), inode: UInt(info.st_ino))
    }
}
