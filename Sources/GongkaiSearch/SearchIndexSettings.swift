/// How the search index is cut: into shards of about what size, and in what portions it is built.
public struct SearchIndexSettings: Sendable, Hashable {
    /// Aim for shards of about this many bytes.
    public var targetShardBytes = 12_000
    /// At most this many shards (a power of two).
    public var maxShards = 8192
    /// Documents written in one file of page texts (`search/d/<n>.js`): fewer files, more bytes loaded per query.
    /// On the 10,000-page search benchmark (Benchmarks/search/README.md) the largest query loads 134 KB with 1,
    /// 230 KB with 4, 354 KB with 8 and 612 KB with 16; 4 cuts the 10,100 files of texts to 2,525.
    public var documentsPerFile = 4
    /// Documents counted with one table, in one job.
    public var documentsPerBatch = 64
    /// Batches merged at once: the index holds the entries of this many batches, besides the encoded lists.
    public var batchesPerWindow = 40

    /// The default settings.
    public init() {}
}
