import Foundation
#if canImport(Glibc)
import Glibc
#endif
import GongkaiCore

/// One writer at a time per output folder: an exclusive flock(2) on a lock file beside the folder
/// (`.public.lock` for `public/`), held while the object lives. Beside, not inside: a build swaps the whole folder
/// for a new one, and a lock inside would go with it. The lock file stays (removing it would let two builds lock
/// two different files); the kernel lets go of the lock when the process ends, however it ends.
public final class OutputLock: @unchecked Sendable {
    /// The output folder it protects (symbolic links in its path resolved: the folder itself is what is swapped).
    public let destination: URL
    private let fd: Int32

    /// The lock file of `destination`.
    public static func lockPath(for destination: URL) -> String {
        destination.deletingLastPathComponent().path + "/.\(destination.lastPathComponent).lock"
    }

    /// Takes the lock of `destination`, or throws at once when another build (or `gongkai serve --write`) holds it.
    public init(destination: URL) throws(DiagnosticError) {
        let destination = destination.standardizedFileURL.resolvingSymlinksInPath()
        self.destination = destination
        let parent = destination.deletingLastPathComponent()
        try? FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        let path = Self.lockPath(for: destination)
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw StreamingOutput.fail(WriteText.cannotCreateLock(["path": path, "reason": String(cString: strerror(errno))]), destination)
        }
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            if errno == EINTR { continue }
            let holder = Self.holder(fd)
            close(fd)
            let name = destination.lastPathComponent
            throw StreamingOutput.fail(holder.map { WriteText.anotherBuildWritingProcess(["name": name, "process": $0.process, "host": $0.host]) }
                                           ?? WriteText.anotherBuildWriting(["name": name]), destination)
        }
        self.fd = fd
        // Who holds it, for the message another build shows.
        let line = Array("\(ProcessInfo.processInfo.processIdentifier) \(StreamingOutput.hostTag)\n".utf8)
        _ = ftruncate(fd, 0)
        _ = line.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
    }

    /// ` (process N on HOST)` from the lock file, or nothing when it cannot be read.
    private static func holder(_ fd: Int32) -> (process: String, host: String)? {
        var buffer = [UInt8](repeating: 0, count: 128)
        let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        guard n > 0 else { return nil }
        let parts = String(decoding: buffer[..<n], as: UTF8.self).split(whereSeparator: \.isWhitespace)
        guard parts.count == 2, Int32(parts[0]) != nil else { return nil }
        return (String(parts[0]), String(parts[1]))
    }

    deinit { close(fd) }
}
