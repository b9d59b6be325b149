import Foundation
import GongkaiCore

/// The offline search index (`public/search/`), read by `theme/assets/search.js`. See the README's search section.
///
/// * Documents are the pages readers land on: each report's overview and every topic page. A document keeps its
///   sections (the page split at its headings) so that a hit links to the heading anchor nearest the match.
/// * Keys are every overlapping pair of normalised characters (no segmentation, so any substring of two or more
///   characters is found) and every single character (for one-character queries). Pairs containing a space are
///   not indexed: queries are split at spaces. Nor are pairs containing punctuation or a symbol
///   (`SearchText.separates`): a query is looked up by the pairs of its runs between them (or, with no such pair,
///   by its characters) and checked in the texts as a whole.
/// * `search/meta.js` holds the shard count; `search/p/<hex>.js` the postings of the keys whose FNV-1a hash falls
///   in that shard; `search/d/<n>.js` document `n` (title, breadcrumb, URL, sections' text). A query loads the
///   meta file, the shards of its keys, then the texts of its best candidates, in which it verifies the query as a
///   real substring: no false hits.
/// * Every file is a script calling `gongkaiSearch(name, data)`, so it loads through a `<script>` tag: from
///   `file://` as well as under any sub-path.
///
/// Postings of one key: entries separated by `,`, one per document in ascending order: the document number as a
/// base-36 difference from the previous entry's (the first is the number itself), then `:tf` (base 36) when the key
/// occurs more than once, then `*` when it occurs in the document's title.
public struct SearchIndexBuilder: Sendable {
    /// One page as the index sees it.
    public struct Document: Sendable, Hashable {
        /// One part of the page, from a heading to the next.
        public struct Section: Sendable, Hashable {
            /// The heading's anchor id (`""` for the part before the first heading).
            public var anchor: String
            /// The heading's text (`""` for the first part).
            public var heading: String
            /// The plain text as UTF-8, heading included (the first part starts with the page title).
            public var utf8: [UInt8]
            /// The plain text, heading included (the first part starts with the page title).
            public var text: String { String(decoding: utf8, as: UTF8.self) }

            /// A section of `text`.
            public init(anchor: String, heading: String, text: String) { self.init(anchor: anchor, heading: heading, utf8: Array(text.utf8)) }

            /// A section of UTF-8 text, which must be valid (the index reads it without checks): it comes from a
            /// Swift string or from rendered HTML.
            init(anchor: String, heading: String, utf8: [UInt8]) {
                assert(String(validating: utf8, as: UTF8.self) != nil, "section text is not valid UTF-8")
                self.anchor = anchor
                self.heading = heading
                self.utf8 = utf8
            }
        }

        /// URL path relative to the site root (`xiangcheng-2024/02/01/`).
        public var url: String
        /// Title shown in results.
        public var title: String
        /// Titles above the page (report, parent topics).
        public var breadcrumb: [String]
        /// The page's sections in order.
        public var sections: [Section]
        /// The searchable text: the sections joined by line breaks.
        public var text: String { sections.map(\.text).joined(separator: "\n") }
    }

    /// The site.
    public let model: SiteModel
    /// Aim for shards of about this many bytes.
    public var targetShardBytes = 12_000
    /// At most this many shards (a power of two).
    public var maxShards = 8192
    /// Documents counted with one table, in one job.
    var documentsPerBatch = 64
    /// Batches merged at once: the index holds the entries of this many batches, besides the encoded lists.
    var batchesPerWindow = 40

    /// The topics' bodies, when the model's were handed over (see `TopicBodyStore`); nil: read from the model.
    let bodies: TopicBodyStore?

    /// Creates a builder.
    public init(model: SiteModel) { self.init(model: model, bodies: nil) }

    /// A builder that takes the topics' HTML from `bodies` (each once) instead of the model.
    init(model: SiteModel, bodies: TopicBodyStore?) {
        self.model = model
        self.bodies = bodies
    }

    /// The documents, in index order: per report (newest first) its overview (title, salutation, opening: the text
    /// that page shows), then its topics in reading order. Pages are read in parallel.
    public func documents() -> [Document] {
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
    static func document(_ model: SiteModel, _ source: DocumentSource, bodies: TopicBodyStore?) -> Document {
        let report = model.reports[source.report]
        guard let t = source.topic else { return document(report, nil) }
        let html = bodies?.take(report: source.report, topic: t)
        return document(report, report.topics[t], html: html)
    }

    static func document(_ report: ReportModel, _ topic: TopicModel?, html: String? = nil) -> Document {
        let m = report.metadata
        guard let topic else {
            var overview: [String] = [m.title]
            if !m.salutation.isEmpty { overview.append(m.salutation) }
            if let opening = report.opening { overview.append(SearchText.plain(opening.html)) }
            return Document(url: report.urlPath, title: m.title, breadcrumb: [],
                            sections: [.init(anchor: "", heading: "", text: overview.filter { !$0.isEmpty }.joined(separator: "\n"))])
        }
        var crumbs = [reportName(m)]
        var chain: [String] = []
        var cursor = topic.parentID
        while let c = cursor, let parent = report.topic(c) { chain.insert(parent.navTitle, at: 0); cursor = parent.parentID }
        crumbs += chain
        return Document(url: topic.urlPath, title: topic.navTitle, breadcrumb: crumbs, sections: Self.sections(of: topic, html: html ?? topic.body.html))
    }

    /// The report as a search result names it: its title, with its year when the title does not say it.
    static func reportName(_ m: ReportMetadata) -> String {
        m.title.contains("\(m.year)") ? m.title : "\(m.title)（\(m.year)年）"
    }

    static func sections(of topic: TopicModel) -> [Document.Section] {
        sections(of: topic, html: topic.body.html)
    }

    /// The sections of `topic` whose body HTML is `html`.
    static func sections(of topic: TopicModel, html: String) -> [Document.Section] {
        let parts = SearchText.splitAtHeadings(html)
        let headings = topic.body.headings
        /// The title line, then the part's text.
        func titled(_ html: Substring) -> [UInt8] {
            let text = SearchText.plainUTF8(html)
            if topic.title.isEmpty { return text }
            var out = Array(topic.title.utf8)
            if !text.isEmpty { out.append(0x0A); out += text }
            return out
        }
        guard parts.count == headings.count + 1 else {
            return [.init(anchor: "", heading: "", utf8: titled(html[...]))]
        }
        var out: [Document.Section] = [.init(anchor: "", heading: "", utf8: titled(parts[0]))]
        for (heading, part) in zip(headings, parts.dropFirst()) {
            out.append(.init(anchor: heading.id, heading: heading.text, utf8: SearchText.plainUTF8(part)))
        }
        return out
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
    /// `SearchIndexState.updating` needs (serve does).
    public func build(keepState: Bool = false) -> Index {
        let collected = Locked<[OutputFile]>([])
        var index = build(keepState: keepState) { file in collected.withLock { $0.append(file) } }
        index.files = collected.withLock { $0 }.sorted { $0.path < $1.path }
        return index
    }

    /// Builds the index, handing each file to `emit` as soon as it is made (from several threads at once), so that
    /// a build writes the index as it goes instead of holding it; the returned `files` is empty.
    public func build(keepState: Bool, emit: @Sendable (OutputFile) -> Void) -> Index {
        var job = SearchIndexJob(self, keepState: keepState)
        job.add(job.sources.count, from: model, bodies: bodies, emit: emit)
        return job.finish(emit: emit)
    }
}
