import CByteSearch

/// When the memory a build freed goes back to the system. A whole build allocates and frees far more than the server
/// keeps (every page's HTML passes through it), and mimalloc, which the gongkai executable is linked with, keeps
/// freed pages resident for later by default. Measured with `Benchmarks/serve-memory.sh 10000 100`: 162 / 176 MiB
/// after the first build / 100 edits at once, against 172–186 / 193–199 MiB by default, for about 5 ms more per edit.
/// A whole build pays more (`gongkai build` on 10,000 pages with the same setting took 24 % longer), so only serve,
/// which holds its memory for hours, sets it.
enum FreedMemory {
    /// From now on, returns freed pages at once (called before the first build, so that its pages go back as they
    /// are freed).
    static func returnAtOnce() {
        _ = gongkai_return_freed_memory_at_once()
    }
}
