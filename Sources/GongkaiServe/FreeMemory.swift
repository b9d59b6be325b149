#if canImport(Glibc)
/// glibc's `malloc_trim` (malloc.h is not in Swift's Glibc module): gives the free memory at the top of the heap
/// and inside each arena back to the system.
@_silgen_name("malloc_trim")
private func gongkaiMallocTrim(_ pad: Int) -> Int32
#endif

/// Hands the memory a finished build freed back to the system. Without it malloc keeps it mapped, and the server's
/// resident size stays at the build's peak between builds.
enum FreeMemory {
    /// Returns free heap memory to the system (a few milliseconds for a 10,000-page site's heap); nothing to do
    /// where the allocator has no such call.
    static func release() {
        #if canImport(Glibc)
        _ = gongkaiMallocTrim(0)
        #endif
    }
}
