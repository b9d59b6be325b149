#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The process's CPU time, for the timing switches (`GONGKAI_TIMING`, `GONGKAI_SEARCH_TIMING`).
public enum ProcessCPUTime {
    /// User and system CPU time so far, all threads, in milliseconds (0 where it cannot be read).
    public static func milliseconds() -> Int {
        var usage = rusage()
        guard getrusage(RUSAGE_SELF.rawValue, &usage) == 0 else { return 0 }
        let user = Int(usage.ru_utime.tv_sec) * 1000 + Int(usage.ru_utime.tv_usec) / 1000
        return user + Int(usage.ru_stime.tv_sec) * 1000 + Int(usage.ru_stime.tv_usec) / 1000
    }
}
