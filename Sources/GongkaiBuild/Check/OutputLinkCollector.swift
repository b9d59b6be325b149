import GongkaiCore

/// The output `gongkai check` gives the pipeline: of each file it keeps only what the output link check reads
/// (`OutputLinkChecker.Page`), so that checking a large site never holds its HTML.
final class OutputLinkCollector: SiteOutput {
    private let collected = Locked<[OutputLinkChecker.Page]>([])

    init() {}

    func put(_ file: OutputFile) {
        let page = OutputLinkChecker.Page(file)
        collected.withLock { $0.append(page) }
    }

    /// What was kept of every file, with `manifest.json` (which a build adds last), sorted by path.
    func pages() -> [OutputLinkChecker.Page] {
        let manifest = OutputLinkChecker.Page(OutputFile(path: "manifest.json", bytes: [], kind: .data))
        return (collected.withLock { $0 } + [manifest]).sorted { $0.path < $1.path }
    }
}
