/// Where the pipeline puts each output file as soon as it is made (from several threads at once): in memory
/// (`MemoryOutput`), streamed to disk (`StreamingOutput`), or both (`TeeOutput`).
protocol SiteOutput: Sendable {
    /// Takes one finished file.
    func put(_ file: OutputFile)
}
