#if canImport(Glibc)
import Foundation
import GongkaiCore
import Glibc

/// Watches folder trees with Linux inotify on a background thread. Every folder below the roots gets a watch;
/// folders created later are added as they appear. Events are gathered until `debounce` passes without a new one
/// — or only `settle`, once every path's latest event completed its change (`PendingChanges`) — and at most 300 ms
/// after the first, then handed over as one batch of paths.
final class InotifyWatcher: Sendable {
    private let fd: Int32
    private let roots: [URL]
    private let debounceMilliseconds: Int32
    private let settleMilliseconds: Int32
    private let stopped = Locked(false)

    private static let mask = UInt32(IN_MODIFY) | UInt32(IN_ATTRIB) | UInt32(IN_CLOSE_WRITE) | UInt32(IN_MOVED_FROM)
        | UInt32(IN_MOVED_TO) | UInt32(IN_CREATE) | UInt32(IN_DELETE) | UInt32(IN_DELETE_SELF) | UInt32(IN_MOVE_SELF)

    /// Creates a watcher, or nil when inotify is not available (then poll instead).
    init?(roots: [URL], debounce: Duration, settle: Duration = .milliseconds(2)) {
        let fd = inotify_init1(Int32(IN_CLOEXEC) | Int32(IN_NONBLOCK))
        guard fd >= 0 else { return nil }
        self.fd = fd
        self.roots = roots
        debounceMilliseconds = Self.milliseconds(debounce)
        settleMilliseconds = Self.milliseconds(settle)
    }

    private static func milliseconds(_ duration: Duration) -> Int32 {
        let (seconds, attoseconds) = duration.components
        return Int32(max(1, seconds * 1000 + attoseconds / 1_000_000_000_000_000))
    }

    /// Starts watching; `onChange` receives each batch of changed paths (on the watcher's thread).
    func start(_ onChange: @escaping @Sendable ([String]) -> Void) {
        let thread = Thread { [self] in run(onChange) }
        thread.name = "gongkai-inotify"
        thread.start()
    }

    /// Stops the thread (within 200 ms) and closes the descriptor.
    func stop() {
        stopped.withLock { $0 = true }
    }

    private func run(_ onChange: @Sendable ([String]) -> Void) {
        var folders: [Int32: String] = [:]
        for root in roots { addTree(root.path, into: &folders) }
        var pending = PendingChanges()
        var firstPending = ContinuousClock.now
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while !stopped.current {
            var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, pending.wait(debounce: debounceMilliseconds, settle: settleMilliseconds, idle: 200))
            if ready > 0 {
                let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                if count > 0 {
                    if pending.isEmpty { firstPending = .now }
                    for (path, event) in parse(buffer, count: count, folders: &folders) { pending.add(path, event) }
                }
                if !pending.isEmpty, ContinuousClock.now - firstPending > .milliseconds(300) {
                    onChange(pending.take())
                }
            } else if ready == 0, !pending.isEmpty {
                onChange(pending.take())
            } else if ready < 0, errno != EINTR {
                break
            }
        }
        close(fd)
    }

    /// Reads the events in `buffer`, adding watches for new folders; returns the changed paths worth a rebuild, each
    /// with how its event leaves it.
    private func parse(_ buffer: [UInt8], count: Int, folders: inout [Int32: String]) -> [(String, PendingChanges.Event)] {
        var paths: [(String, PendingChanges.Event)] = []
        var offset = 0
        let header = 16
        while offset + header <= count {
            let (wd, mask, length) = buffer.withUnsafeBytes { raw in
                (raw.loadUnaligned(fromByteOffset: offset, as: Int32.self),
                 raw.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self),
                 Int(raw.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self)))
            }
            let nameBytes = buffer[(offset + header)..<min(count, offset + header + length)].prefix { $0 != 0 }
            let name = String(decoding: nameBytes, as: UTF8.self)
            offset += header + length
            if mask & UInt32(IN_IGNORED) != 0 {
                folders[wd] = nil
                continue
            }
            guard let folder = folders[wd] else { continue }
            let path = name.isEmpty ? folder : folder + "/" + name
            if mask & UInt32(IN_ISDIR) != 0, mask & (UInt32(IN_CREATE) | UInt32(IN_MOVED_TO)) != 0 {
                addTree(path, into: &folders)
            }
            if !name.isEmpty, SiteWatcher.isEditorNoise(name) { continue }
            paths.append((path, Self.event(mask)))
        }
        return paths
    }

    /// How an event with `mask` leaves its path: a folder's events, a close after writing, a rename into place, a
    /// deletion or new attributes complete a change; a write, a creation or a rename away may go on.
    static func event(_ mask: UInt32) -> PendingChanges.Event {
        let completing = UInt32(IN_ISDIR) | UInt32(IN_CLOSE_WRITE) | UInt32(IN_MOVED_TO) | UInt32(IN_DELETE)
            | UInt32(IN_DELETE_SELF) | UInt32(IN_MOVE_SELF) | UInt32(IN_ATTRIB)
        return mask & completing != 0 ? .complete : .ongoing
    }

    private func addTree(_ path: String, into folders: inout [Int32: String]) {
        let wd = inotify_add_watch(fd, path, Self.mask)
        guard wd >= 0 else { return }
        folders[wd] = path
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return }
        for name in names {
            var isFolder: ObjCBool = false
            let child = path + "/" + name
            if FileManager.default.fileExists(atPath: child, isDirectory: &isFolder), isFolder.boolValue {
                addTree(child, into: &folders)
            }
        }
    }
}
#endif
