import GongkaiCore
import GongkaiSearch
import Markdown

/// The site's search index: the pages of a site model as search documents, indexed by `SearchIndexJob`
/// (GongkaiSearch, which knows nothing of the model).
///
/// The documents are added a few reports at a time, from those reports' rendered bodies (`SiteSearchJob`, which
/// the pipeline drives).
///
/// Documents are the pages readers land on: each report's overview (title, salutation, opening: the text that page
/// shows), then its topics in reading order, each split at its headings; reports as the model orders them (newest
/// first).
public struct SearchIndexBuilder: Sendable {
    /// The site.
    public let model: SiteModel
    /// How the index is cut into shards and in what portions it is built.
    public var settings = SearchIndexSettings()

    /// Creates a builder.
    public init(model: SiteModel) { self.model = model }

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

    /// The document at `source` in `model`, its report's rendered Markdown being `bodies`.
    static func document(_ model: SiteModel, _ source: DocumentSource, bodies: ReportBodies) -> SearchDocument {
        let report = model.reports[source.report]
        guard let t = source.topic else { return overview(report, opening: bodies.opening) }
        return document(report, report.topics[t], body: bodies.topic(t))
    }

    /// The document of a report's overview: title, salutation, opening.
    static func overview(_ report: ReportModel, opening: RenderedMarkdown?) -> SearchDocument {
        let m = report.metadata
        var overview: [String] = [m.title]
        if !m.salutation.isEmpty { overview.append(m.salutation) }
        if let opening { overview.append(SearchText.plain(opening.html)) }
        return SearchDocument(url: report.urlPath, title: m.title, breadcrumb: [],
                              sections: [.init(anchor: "", heading: "", text: overview.filter { !$0.isEmpty }.joined(separator: "\n"))])
    }

    /// The document of `topic` of `report`, whose rendered body is `body`.
    static func document(_ report: ReportModel, _ topic: TopicModel, body: RenderedMarkdown) -> SearchDocument {
        var crumbs = [reportName(report.metadata)]
        var chain: [String] = []
        var cursor = topic.parentID
        while let c = cursor, let parent = report.topic(c) { chain.insert(parent.navTitle, at: 0); cursor = parent.parentID }
        crumbs += chain
        return SearchDocument(url: topic.urlPath, title: topic.navTitle, breadcrumb: crumbs, sections: sections(of: topic, body: body))
    }

    /// The report as a search result names it: its title, with its year when the title does not say it.
    static func reportName(_ m: ReportMetadata) -> String {
        m.title.contains("\(m.year)") ? m.title : "\(m.title)（\(m.year)年）"
    }

    /// The sections of `topic` whose rendered body is `body` (split at its headings).
    static func sections(of topic: TopicModel, body: RenderedMarkdown) -> [SearchDocument.Section] {
        SearchDocument.sections(title: topic.title, html: body.html, headings: body.headings.map { ($0.id, $0.text) })
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

    /// The documents of `site` (whose structure this builder's model must be), in index order, its bodies rendered
    /// by the body stage: what the pipeline indexes.
    func documents(of site: AssembledSite) -> [SearchDocument] {
        let bodies = site.bodies.render(site, positions: 0..<model.reports.count).map(\.bodies)
        return documentSources().map { Self.document(model, $0, bodies: bodies[$0.report]) }
    }

    /// The whole index of `site` in memory, its files sorted by path (what the pipeline writes, made apart: tests).
    func build(_ site: AssembledSite, keepState: Bool) -> Index {
        let collected = Locked<[OutputFile]>([])
        let emit: @Sendable (OutputFile) -> Void = { file in collected.withLock { $0.append(file) } }
        var job = SiteSearchJob(self, keepState: keepState)
        job.add(site.bodies.render(site, positions: 0..<model.reports.count).map(\.bodies), of: model, emit: emit)
        var index = job.finish(emit: emit)
        index.files = collected.withLock { $0 }.sorted { $0.path < $1.path }
        return index
    }

    /// An index file as an output file.
    static func outputFile(_ file: SearchIndexFile) -> OutputFile {
        OutputFile(path: file.path, bytes: file.bytes, kind: .data)
    }
}
