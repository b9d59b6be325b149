import GongkaiCore
import GongkaiSearch

/// The site's search index: the pages of a site model as search documents, indexed by `SearchIndexJob`
/// (GongkaiSearch, which knows nothing of the model).
///
/// Documents are the pages readers land on: each report's overview (title, salutation, opening: the text that page
/// shows), then its topics in reading order, each split at its headings; reports as the model orders them (newest
/// first).
public struct SearchIndexBuilder: Sendable {
    /// The site.
    public let model: SiteModel
    /// How the index is cut into shards and in what portions it is built.
    public var settings = SearchIndexSettings()

    /// The topics' bodies, when the model's were handed over (see `TopicBodyStore`); nil: read from the model.
    let bodies: TopicBodyStore?

    /// Creates a builder.
    public init(model: SiteModel) { self.init(model: model, bodies: nil) }

    /// A builder that takes the topics' HTML from `bodies` (each once) instead of the model.
    init(model: SiteModel, bodies: TopicBodyStore?) {
        self.model = model
        self.bodies = bodies
    }

    /// The documents, in index order. Pages are read in parallel.
    public func documents() -> [SearchDocument] {
        ParallelMap.map(documentSources()) { Self.document(model, $0, bodies: bodies) }
    }

    /// Where each document comes from, in index order: a report's position in the model, and its topic's position
    /// or nil for its overview. Positions, not copies of the models: the list is held while the whole index is built.
    func documentSources() -> [DocumentSource] {
        var jobs: [DocumentSource] = []
        for (r, report) in model.reports.enumerated() {
            jobs.append(DocumentSource(report: r, topic: nil))
            for t in report.topics.indices { jobs.append(DocumentSource(report: r, topic: t)) }
        }
        return jobs
    }

    /// The document at `source` in `model` (a topic's HTML taken from `bodies` when given).
    static func document(_ model: SiteModel, _ source: DocumentSource, bodies: TopicBodyStore?) -> SearchDocument {
        let report = model.reports[source.report]
        guard let t = source.topic else { return document(report, nil) }
        let html = bodies?.take(report: source.report, topic: t)
        return document(report, report.topics[t], html: html)
    }

    static func document(_ report: ReportModel, _ topic: TopicModel?, html: String? = nil) -> SearchDocument {
        let m = report.metadata
        guard let topic else {
            var overview: [String] = [m.title]
            if !m.salutation.isEmpty { overview.append(m.salutation) }
            if let opening = report.opening { overview.append(SearchText.plain(opening.html)) }
            return SearchDocument(url: report.urlPath, title: m.title, breadcrumb: [],
                                  sections: [.init(anchor: "", heading: "", text: overview.filter { !$0.isEmpty }.joined(separator: "\n"))])
        }
        var crumbs = [reportName(m)]
        var chain: [String] = []
        var cursor = topic.parentID
        while let c = cursor, let parent = report.topic(c) { chain.insert(parent.navTitle, at: 0); cursor = parent.parentID }
        crumbs += chain
        return SearchDocument(url: topic.urlPath, title: topic.navTitle, breadcrumb: crumbs, sections: Self.sections(of: topic, html: html ?? topic.body.html))
    }

    /// The report as a search result names it: its title, with its year when the title does not say it.
    static func reportName(_ m: ReportMetadata) -> String {
        m.title.contains("\(m.year)") ? m.title : "\(m.title)（\(m.year)年）"
    }

    /// The sections of `topic` (its body split at its headings).
    static func sections(of topic: TopicModel) -> [SearchDocument.Section] {
        sections(of: topic, html: topic.body.html)
    }

    /// The sections of `topic` whose body HTML is `html`.
    static func sections(of topic: TopicModel, html: String) -> [SearchDocument.Section] {
        SearchDocument.sections(title: topic.title, html: html, headings: topic.body.headings.map { ($0.id, $0.text) })
    }

    /// The index's files and its shard count.
    public struct Index: Sendable {
        /// Every file of the index, paths below `public/`.
        public var files: [OutputFile]
        /// How many shards the keys are spread over (what `meta.js` says).
        public var shards: Int
        /// What an incremental update needs (only when asked for).
        public var state: SearchIndexState?
    }

    /// Every file of the index, paths below `public/`.
    public func files() -> [OutputFile] { build().files }

    /// Builds the index, its files collected in `files` (sorted by path); with `keepState`, also keeps what
    /// `SearchIndexState.update` needs (serve does).
    public func build(keepState: Bool = false) -> Index {
        let collected = Locked<[OutputFile]>([])
        var index = build(keepState: keepState) { file in collected.withLock { $0.append(file) } }
        index.files = collected.withLock { $0 }.sorted { $0.path < $1.path }
        return index
    }

    /// Builds the index, handing each file to `emit` as soon as it is made (from several threads at once), so that
    /// a build writes the index as it goes instead of holding it; the returned `files` is empty.
    public func build(keepState: Bool, emit: @Sendable (OutputFile) -> Void) -> Index {
        var job = SiteSearchJob(self, keepState: keepState)
        job.add(job.documentCount, from: model, bodies: bodies, emit: emit)
        return job.finish(emit: emit)
    }

    /// An index file as an output file.
    static func outputFile(_ file: SearchIndexFile) -> OutputFile {
        OutputFile(path: file.path, bytes: file.bytes, kind: .data)
    }
}
