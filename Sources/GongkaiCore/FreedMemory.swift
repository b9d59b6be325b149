import CByteSearch

/// When the memory a build freed goes back to the system. A whole build allocates and frees far more than it holds
/// (every page's HTML passes through it), and mimalloc, which the gongkai executable is linked with, keeps freed
/// pages resident for a while by default (25 ms, and until the freeing thread next allocates); returning them at
/// once costs system time (they are given back and faulted in again).
///
/// * `gongkai serve` sets it before its first build: it holds its memory for hours. Measured with
///   `Benchmarks/serve-memory.sh 10000 100`: 162 / 176 MiB after the first build / 100 edits, against 172–186 /
///   193–199 MiB by default, for about 5 ms more per edit.
/// * `gongkai build` sets it for the stage after every report's pages are made, the index's shards and the home page
///   and site map (`BuildOptions.returnFreedMemoryForLastStage`), and keeps freed pages again after it: that stage
///   was where the peak was, on top of what the windows had freed. On the 10,000-page benchmark, 8 builds each
///   alternating: peak 100,620–104,712 KiB before, 93,036–94,796 KiB after; time within the noise (means 2.35 and
///   2.38 s). Set for the whole build, it took 24 % longer.
///
/// A process-wide setting of the allocator, so only the executable's commands make it; the test binaries are not
/// linked with mimalloc, and there it does nothing.
public enum FreedMemory {
    /// From now on, returns freed pages at once.
    public static func returnAtOnce() {
        _ = gongkai_return_freed_memory_at_once()
    }

    /// Keeps freed pages for a while again, as before `returnAtOnce` (nothing when it was not called).
    public static func keepAgain() {
        gongkai_keep_freed_memory_again()
    }
}
