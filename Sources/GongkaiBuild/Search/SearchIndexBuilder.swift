import Foundation
import GongkaiCore

/// The offline search index (`public/search/`), read by `theme/assets/search.js`. See the README's search section.
///
/// * Documents are the pages readers land on: each report's overview and every topic page. A document keeps its
///   sections (the page split at its headings) so that a hit links to the heading anchor nearest the match.
/// * Keys are every overlapping pair of normalised characters (no segmentation, so any substring of two or more
///   characters is found) and every single character (for one-character queries). Pairs containing a space are
///   not indexed: queries are split at spaces.
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
            /// The plain text, heading included (the first part starts with the page title).
            public var text: String
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

    /// Creates a builder.
    public init(model: SiteModel) { self.model = model }

    /// The documents, in index order: per report (newest first) its overview (title, salutation, opening: the text
    /// that page shows), then its topics in reading order.
    public func documents() -> [Document] {
        var docs: [Document] = []
        for report in model.reports {
            let m = report.metadata
            var overview: [String] = [m.title]
            if !m.salutation.isEmpty { overview.append(m.salutation) }
            if let opening = report.opening { overview.append(SearchText.plain(opening.html)) }
            docs.append(Document(url: report.urlPath, title: m.title, breadcrumb: [],
                                 sections: [.init(anchor: "", heading: "", text: overview.filter { !$0.isEmpty }.joined(separator: "\n"))]))
            for topic in report.topics {
                var crumbs = [m.title]
                var chain: [String] = []
                var cursor = topic.parentID
                while let c = cursor, let parent = report.topic(c) { chain.insert(parent.navTitle, at: 0); cursor = parent.parentID }
                crumbs += chain
                docs.append(Document(url: topic.urlPath, title: topic.navTitle, breadcrumb: crumbs, sections: sections(of: topic)))
            }
        }
        return docs
    }

    private func sections(of topic: TopicModel) -> [Document.Section] {
        let parts = SearchText.splitAtHeadings(topic.body.html)
        let headings = topic.body.headings
        guard parts.count == headings.count + 1 else {
            return [.init(anchor: "", heading: "", text: [topic.title, SearchText.plain(topic.body.html)].filter { !$0.isEmpty }.joined(separator: "\n"))]
        }
        var out: [Document.Section] = [.init(anchor: "", heading: "", text: [topic.title, SearchText.plain(String(parts[0]))].filter { !$0.isEmpty }.joined(separator: "\n"))]
        for (heading, part) in zip(headings, parts.dropFirst()) {
            out.append(.init(anchor: heading.id, heading: heading.text, text: SearchText.plain(String(part))))
        }
        return out
    }

    /// Key of a character pair or (with `second == nil`) a single character.
    static func key(_ first: UInt32, _ second: UInt32?) -> UInt64 { UInt64(first) << 21 | UInt64(second ?? 0x1F_FFFF) }

    static func keyString(_ key: UInt64) -> String {
        var s = String.UnicodeScalarView()
        if let a = Unicode.Scalar(UInt32(key >> 21)) { s.append(a) }
        let b = UInt32(key & 0x1F_FFFF)
        if b != 0x1F_FFFF, let u = Unicode.Scalar(b) { s.append(u) }
        return String(s)
    }

    /// The keys of one document with their counts and whether they occur in the title, sorted by key.
    static func postings(text: String, title: String) -> [(key: UInt64, count: UInt32, inTitle: Bool)] {
        func counts(_ norm: [UInt32]) -> [UInt64: UInt32] {
            var c: [UInt64: UInt32] = [:]
            c.reserveCapacity(norm.count)
            for i in norm.indices where norm[i] != 0x20 {
                c[key(norm[i], nil), default: 0] += 1
                if i + 1 < norm.count, norm[i + 1] != 0x20 { c[key(norm[i], norm[i + 1]), default: 0] += 1 }
            }
            return c
        }
        let all = counts(SearchText.normalise(text))
        let titleKeys = counts(SearchText.normalise(title))
        return all.keys.sorted().map { ($0, all[$0]!, titleKeys[$0] != nil) }
    }

    /// Every file of the index, paths below `public/`.
    public func files() -> [OutputFile] {
        let started = DispatchTime.now().uptimeNanoseconds
        let docs = documents()
        let perDoc = ParallelMap.map(docs) { doc in Self.postings(text: doc.text, title: doc.title) }
        var lists: [UInt64: [(doc: Int, count: UInt32, inTitle: Bool)]] = [:]
        for (n, entries) in perDoc.enumerated() {
            for e in entries { lists[e.key, default: []].append((n, e.count, e.inTitle)) }
        }
        let keys = lists.keys.sorted()
        let groups = keys.map { (key: $0, list: lists[$0]!) }
        lists = [:]
        let encoded: [(key: String, postings: String, hash: UInt32)] = ParallelMap.map(groups) { key, list in
            var out = ""
            var previous = 0
            for (i, e) in list.enumerated() {
                if i > 0 { out += "," }
                out += String(e.doc - previous, radix: 36)
                previous = e.doc
                if e.count > 1 { out += ":" + String(e.count, radix: 36) }
                if e.inTitle { out += "*" }
            }
            let k = Self.keyString(key)
            return (k, out, SearchText.fnv1a(k))
        }
        let total = encoded.reduce(0) { $0 + $1.key.utf8.count + $1.postings.utf8.count + 6 }
        var shards = 1
        while shards < maxShards && total / shards > targetShardBytes { shards *= 2 }
        let width = String(shards - 1, radix: 16).count
        var shardEntries = [[String]](repeating: [], count: shards)
        for e in encoded {
            shardEntries[Int(e.hash & UInt32(shards - 1))].append(JSON.string(e.key) + ":" + JSON.string(e.postings))
        }
        var files: [OutputFile] = []
        let meta = "{\"version\":1,\"docs\":\(docs.count),\"shards\":\(shards)}"
        files.append(Self.script("meta", meta))
        for (i, entries) in shardEntries.enumerated() where !entries.isEmpty {
            let hex = String(i, radix: 16)
            files.append(Self.script("p/" + String(repeating: "0", count: width - hex.count) + hex, "{" + entries.joined(separator: ",\n") + "}"))
        }
        files += ParallelMap.map(Array(docs.enumerated())) { n, doc in
            let sections = doc.sections.map { "[" + [$0.anchor, $0.heading, $0.text].map(JSON.string).joined(separator: ",") + "]" }
            let json = "{\"u\":\(JSON.string(doc.url)),\"t\":\(JSON.string(doc.title)),\"b\":[\(doc.breadcrumb.map(JSON.string).joined(separator: ","))],\"s\":[\(sections.joined(separator: ",\n"))]}"
            return Self.script("d/\(n)", json)
        }
        if ProcessInfo.processInfo.environment["GONGKAI_SEARCH_TIMING"] != nil {
            let ms = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e6
            let bytes = files.reduce(0) { $0 + $1.bytes.count }
            FileHandle.standardError.write(Data("search index: \(docs.count) documents, \(keys.count) keys, \(shards) shards, \(files.count) files, \(bytes) bytes, \(String(format: "%.1f", ms)) ms\n".utf8))
        }
        return files
    }

    static func script(_ name: String, _ json: String) -> OutputFile {
        OutputFile(path: "search/\(name).js", bytes: Array("gongkaiSearch(\"\(name)\",\(json));\n".utf8), kind: .data)
    }

    /// JSON text for strings (deterministic, only the escapes JSON and JavaScript need).
    enum JSON {
        static func string(_ s: String) -> String { TextEscaping.json(s) }
    }
}
