/// How the search index is cut: into shards of about what size, and in what portions it is built.
public struct SearchIndexSettings: Sendable, Hashable {
    /// Aim for shards of about this many bytes.
    public var targetShardBytes = 12_000
    /// At most this many shards (a power of two).
    public var maxShards = 8192
    /// Documents written in one file of page texts (`search/d/<n>.js`): fewer files, more bytes loaded per query.
    public var documentsPerFile = 16
    /// Documents counted with one table, in one job.
    public var documentsPerBatch = 64
    /// Batches merged at once: the index holds the entries of this many batches, besides the encoded lists.
    public var batchesPerWindow = 40

    /// The default settings.
    public init() {}
}
