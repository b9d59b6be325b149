import Glibc

/// Reads a whole file into bytes with `open`, `fstat` and `read`, without going through `Data` (whose reading and
/// copying into an array showed in the profile of loading 10,000 files).
enum FileBytes {
    /// The bytes of the regular file at `path`; nil when it cannot be read this way (missing, not a regular file,
    /// an error): the caller then reads it through Foundation, which names the error.
    static func read(_ path: String) -> [UInt8]? {
        var fingerprint: FileFingerprint?
        return read(path, fingerprint: &fingerprint)
    }

    /// `read(_:)`, with the file's fingerprint as it was opened (nil when it could not be read).
    static func read(_ path: String, fingerprint: inout FileFingerprint?) -> [UInt8]? {
        // O_NONBLOCK: opening a FIFO without a writer would otherwise wait forever (it is not a regular file, so it
        // is refused below and Foundation names the error); for a regular file the flag changes nothing.
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        fingerprint = FileFingerprint(info)
        // The file's size plus one byte: a read that fills the buffer means the file grew, and it is read on.
        var failed = false
        let expected = max(Int(info.st_size), 0) + 1
        var bytes = [UInt8](unsafeUninitializedCapacity: expected) { buffer, initialized in
            initialized = fill(buffer, from: fd, failed: &failed)
        }
        var full = bytes.count == expected
        while full && !failed {
            let chunk = 65_536
            let more = [UInt8](unsafeUninitializedCapacity: chunk) { buffer, initialized in
                initialized = fill(buffer, from: fd, failed: &failed)
            }
            bytes += more
            full = more.count == chunk
        }
        if failed { fingerprint = nil }
        return failed ? nil : bytes
    }

    /// Reads into `buffer` until it is full or the file ends; returns the bytes read.
    private static func fill(_ buffer: UnsafeMutableBufferPointer<UInt8>, from fd: Int32, failed: inout Bool) -> Int {
        guard let base = buffer.baseAddress else { return 0 }
        var count = 0
        while count < buffer.count {
            let n = Glibc.read(fd, base + count, buffer.count - count)
            if n < 0 {
                if errno == EINTR { continue }
                failed = true
                break
            }
            if n == 0 { break }
            count += n
        }
        return count
    }
}
