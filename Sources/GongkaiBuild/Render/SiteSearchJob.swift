import GongkaiSearch

/// A site's search index made a part at a time (the pipeline adds each window's reports while their HTML is
/// at hand): the documents are located once, by their positions in the model, and handed to a `SearchIndexJob`.
///
/// It holds no site model: each `add` is given the model that holds the documents' pages at that moment.
struct SiteSearchJob {
    /// Every document of the site, in index order (`SearchIndexBuilder.documentSources`).
    private let sources: [DocumentSource]
    private var job: SearchIndexJob
    /// The next document to add.
    private var next = 0

    /// A job for `builder`'s site and settings (the builder's model is not kept).
    init(_ builder: SearchIndexBuilder, keepState: Bool) {
        sources = builder.documentSources()
        job = SearchIndexJob(documentCount: sources.count, settings: builder.settings, keepState: keepState)
    }

    /// How many documents the site has.
    var documentCount: Int { sources.count }

    /// Adds the documents of the next reports, whose rendered bodies are `bodies` (in report order, each the next
    /// report's), and hands their files to `emit`.
    mutating func add(_ bodies: [ReportBodies], of model: SiteModel, emit: @Sendable (OutputFile) -> Void) {
        let sources = sources
        guard next < sources.count, !bodies.isEmpty else { return }
        let firstReport = sources[next].report
        let count = bodies.reduce(0) { $0 + 1 + $1.topics.count }
        job.add(count, document: { i in
            let source = sources[i]
            return SearchIndexBuilder.document(model, source, bodies: bodies[source.report - firstReport])
        }, emit: { emit(SearchIndexBuilder.outputFile($0)) })
        next += count
    }

    /// Writes `meta.js` and the shards (every document must have been added) and returns the shard count, with the
    /// state incremental updates need when the job keeps it.
    func finish(emit: @Sendable (OutputFile) -> Void) -> SearchIndexBuilder.Index {
        let (shards, state) = job.finish { emit(SearchIndexBuilder.outputFile($0)) }
        return SearchIndexBuilder.Index(files: [], shards: shards, state: state)
    }
}
