import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The folder a good build was written to (the server's cache folder, or `--write`'s output folder), read one file
/// at a time as requests ask for it.
///
/// A file is opened relative to the folder one path component at a time (`openat` with `O_NOFOLLOW`), so a symbolic
/// link anywhere below the folder, or the folder itself being a link, is refused rather than followed: nothing
/// outside the folder can be read through it, whatever someone puts there. Only regular files are read. The callers
/// ask only for paths the snapshot lists (the build's manifest).
struct SiteFolder: Sendable {
    /// Why a file could not be read.
    struct Failure: Error, Sendable {
        /// What went wrong, as the system says it.
        let reason: String
    }

    /// The folder's path.
    let path: String

    /// The bytes of the file at `relative` (`example-2025/01/index.html`) below the folder.
    func bytes(at relative: String) throws(Failure) -> [UInt8] {
        let components = relative.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard let name = components.last, components.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." }) else {
            throw Failure(reason: String(cString: strerror(EINVAL)))
        }
        var folder = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard folder >= 0 else { throw Self.failure() }
        for component in components.dropLast() {
            let next = openat(folder, component, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            let error = errno
            close(folder)
            guard next >= 0 else { throw Failure(reason: String(cString: strerror(error))) }
            folder = next
        }
        // O_NONBLOCK: a FIFO put there must not hang the request (it is refused below, as anything not a regular file).
        let fd = openat(folder, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
        let error = errno
        close(folder)
        guard fd >= 0 else { throw Failure(reason: String(cString: strerror(error))) }
        defer { close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0 else { throw Self.failure() }
        guard status.st_mode & S_IFMT == S_IFREG else { throw Failure(reason: String(cString: strerror(EINVAL))) }
        return try Self.readAll(fd, expected: Int(status.st_size))
    }

    /// Everything `fd` holds (it may have grown or shrunk since `fstat`).
    private static func readAll(_ fd: Int32, expected: Int) throws(Failure) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: max(expected, 0) + 1)
        var count = 0
        while true {
            if count == bytes.count { bytes.append(contentsOf: repeatElement(0, count: max(bytes.count, 4096))) }
            let n = bytes.withUnsafeMutableBytes { buffer in
                read(fd, buffer.baseAddress.map { $0 + count }, buffer.count - count)
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw failure()
            }
            if n == 0 { break }
            count += n
        }
        bytes.removeLast(bytes.count - count)
        return bytes
    }

    private static func failure() -> Failure {
        Failure(reason: String(cString: strerror(errno)))
    }
}
