import GongkaiCore

/// Collects the output in memory (what `SiteBuilder.build()` returns and `gongkai check` reads).
final class MemoryOutput: SiteOutput {
    private let collected = Locked<[OutputFile]>([])

    init() {}

    func put(_ file: OutputFile) { collected.withLock { $0.append(file) } }

    /// Every file put, sorted by path.
    func files() -> [OutputFile] { collected.withLock { $0 }.sorted { $0.path < $1.path } }
}
