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
    /// that page shows), then its topics in reading order. Pages are read in parallel.
    public func documents() -> [Document] {
        ParallelMap.map(documentSources(), Self.document)
    }

    /// What each document is made from, in index order (a report, and the topic or nil for its overview).
    private func documentSources() -> [(report: ReportModel, topic: TopicModel?)] {
        var jobs: [(report: ReportModel, topic: TopicModel?)] = []
        for report in model.reports {
            jobs.append((report, nil))
            for topic in report.topics { jobs.append((report, topic)) }
        }
        return jobs
    }

    private static func document(_ report: ReportModel, _ topic: TopicModel?) -> Document {
        let m = report.metadata
        guard let topic else {
            var overview: [String] = [m.title]
            if !m.salutation.isEmpty { overview.append(m.salutation) }
            if let opening = report.opening { overview.append(SearchText.plain(opening.html)) }
            return Document(url: report.urlPath, title: m.title, breadcrumb: [],
                            sections: [.init(anchor: "", heading: "", text: overview.filter { !$0.isEmpty }.joined(separator: "\n"))])
        }
        var crumbs = [m.title]
        var chain: [String] = []
        var cursor = topic.parentID
        while let c = cursor, let parent = report.topic(c) { chain.insert(parent.navTitle, at: 0); cursor = parent.parentID }
        crumbs += chain
        return Document(url: topic.urlPath, title: topic.navTitle, breadcrumb: crumbs, sections: Self.sections(of: topic))
    }

    static func sections(of topic: TopicModel) -> [Document.Section] {
        let parts = SearchText.splitAtHeadings(topic.body.html)
        let headings = topic.body.headings
        guard parts.count == headings.count + 1 else {
            return [.init(anchor: "", heading: "", text: [topic.title, SearchText.plain(topic.body.html)].filter { !$0.isEmpty }.joined(separator: "\n"))]
        }
        var out: [Document.Section] = [.init(anchor: "", heading: "", text: [topic.title, SearchText.plain(parts[0])].filter { !$0.isEmpty }.joined(separator: "\n"))]
        for (heading, part) in zip(headings, parts.dropFirst()) {
            out.append(.init(anchor: heading.id, heading: heading.text, text: SearchText.plain(part)))
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

    /// FNV-1a of the key's text (its UTF-8 bytes), computed from the scalars without building the string.
    static func keyHash(_ key: UInt64) -> UInt32 {
        var h: UInt32 = 0x811C_9DC5
        func add(_ v: UInt32) {
            func byte(_ b: UInt32) { h ^= b & 0xFF; h = h &* 0x0100_0193 }
            switch v {
            case ..<0x80: byte(v)
            case ..<0x800: byte(0xC0 | v >> 6); byte(0x80 | v & 0x3F)
            case ..<0x10000: byte(0xE0 | v >> 12); byte(0x80 | v >> 6 & 0x3F); byte(0x80 | v & 0x3F)
            default: byte(0xF0 | v >> 18); byte(0x80 | v >> 12 & 0x3F); byte(0x80 | v >> 6 & 0x3F); byte(0x80 | v & 0x3F)
            }
        }
        add(UInt32(key >> 21))
        let b = UInt32(key & 0x1F_FFFF)
        if b != 0x1F_FFFF { add(b) }
        return h
    }

    /// The keys of normalised text, sorted, with how often each occurs, counted in a caller's table (emptied
    /// afterwards).
    static func keyCounts(_ norm: [UInt32], table: inout KeyTable) -> [(key: UInt64, count: UInt32)] {
        count(norm, into: &table)
        // Keys are 42 bits, counts fit the low 22 (capped: a key found four million times in one page is not real).
        let out = table.packedSorted().map { (key: $0 >> 22, count: UInt32($0 & 0x3F_FFFF)) }
        table.removeAll()
        return out
    }

    /// Counts every key of normalised text (each character, and each pair without a space) into `table`.
    private static func count(_ norm: [UInt32], into table: inout KeyTable) {
        norm.withUnsafeBufferPointer { n in
            for i in 0..<n.count where n[i] != 0x20 {
                table.increment(key(n[i], nil))
                if i + 1 < n.count, n[i + 1] != 0x20 { table.increment(key(n[i], n[i + 1])) }
            }
        }
    }

    /// The keys of one document (its lines) with their counts and whether they occur in the title, sorted by key
    /// or (`sorted: false`) in the order they first occur, packed as `key << 22 | count << 1 | in title`.
    private static func packedPostings(lines: [String], title: String, table: inout KeyTable, sorted: Bool) -> [UInt64] {
        let titleKeys = keyCounts(SearchText.normalise(title), table: &table).map(\.key)
        count(SearchText.normalise(lines: lines), into: &table)
        var out = table.packed()
        table.removeAll()
        titleKeys.withUnsafeBufferPointer { title in
            for i in out.indices {
                // Keys are 42 bits, counts the low 22 (capped: a key found two million times in one page is not real).
                let packed = out[i]
                let count = min(packed & 0x3F_FFFF, 0x1F_FFFF)
                out[i] = (packed >> 22) << 22 | count << 1 | (Self.binarySearch(title, packed >> 22) ? 1 : 0)
            }
        }
        if sorted { out.sort() }
        return out
    }

    private static func binarySearch(_ sorted: UnsafeBufferPointer<UInt64>, _ value: UInt64) -> Bool {
        var lo = 0, hi = sorted.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sorted[mid] < value { lo = mid + 1 } else if sorted[mid] > value { hi = mid } else { return true }
        }
        return false
    }

    /// Number of partitions the postings are merged in (in parallel); a power of two.
    private static let partitions = 64

    /// The postings of a batch of consecutive documents, grouped by partition (a multiplicative hash of the key:
    /// partitions only split the merge's work, and the merged keys are sorted at the end); within a partition, by
    /// document, each document's entries in the order its keys first occur. One flat array per batch, so that the
    /// merge of a partition reads one slice per batch rather than one small array per document.
    private struct BatchPostings: Sendable {
        /// The first document's number.
        var first = 0
        /// How many documents.
        var count = 0
        /// `key << 22 | min(count, 2^21 - 1) << 1 | inTitle`.
        var entries: [UInt64] = []
        /// Start of each partition's group in `entries`, plus the end.
        var starts: [Int32] = []
        /// How many entries each document has in each partition (`perDocument[p * count + d]`).
        var perDocument: [UInt16] = []
    }

    /// Each document made, its text file handed to `emit` at once, and its postings computed, in parallel batches
    /// that share one counting table each; the documents themselves (and their entries, sorted) are kept only when
    /// asked (`keep`, for incremental updates), so that a large site's texts are never all in memory.
    private static func documentPostings(_ sources: [(report: ReportModel, topic: TopicModel?)], keep: Bool,
                                         emit: @Sendable (OutputFile) -> Void) -> (batches: [BatchPostings], docs: [Document], entries: [[UInt64]]) {
        let size = 64
        let ranges = stride(from: 0, to: sources.count, by: size).map { $0..<min(sources.count, $0 + size) }
        let done = ParallelMap.map(ranges) { range -> (BatchPostings, [Document], [[UInt64]]) in
            var table = KeyTable(expected: 4096)
            var lists: [[UInt64]] = []
            var docs: [Document] = []
            for n in range {
                let doc = document(sources[n].report, sources[n].topic)
                emit(documentFile(n, doc))
                // The merge walks documents in order and sorts the keys at the end: a document's entries need no order.
                lists.append(packedEntries(doc, table: &table, sorted: false))
                if keep { docs.append(doc) }
            }
            return (group(lists, first: range.lowerBound), docs, keep ? lists.map { $0.sorted() } : [])
        }
        return (done.map(\.0), done.flatMap(\.1), done.flatMap(\.2))
    }

    /// The entries of consecutive documents (`first`, `first + 1` …) grouped by partition (a counting sort: within a
    /// partition, entries keep their order).
    private static func group(_ lists: [[UInt64]], first: Int) -> BatchPostings {
        @inline(__always) func partition(_ packed: UInt64) -> Int {
            Int(truncatingIfNeeded: (((packed >> 22) &* 0x9E37_79B9_7F4A_7C15) >> 58) & UInt64(partitions - 1))
        }
        var starts = [Int32](repeating: 0, count: partitions + 1)
        var perDocument = [UInt16](repeating: 0, count: partitions * lists.count)
        for (d, list) in lists.enumerated() {
            for packed in list {
                let p = partition(packed)
                starts[p + 1] += 1
                perDocument[p * lists.count + d] += 1 // a document has far fewer than 65,536 keys in one partition
            }
        }
        for p in 0..<partitions { starts[p + 1] += starts[p] }
        var entries = [UInt64](repeating: 0, count: Int(starts[partitions]))
        var next = starts
        for list in lists {
            for packed in list {
                let p = partition(packed)
                entries[Int(next[p])] = packed
                next[p] += 1
            }
        }
        return BatchPostings(first: first, count: lists.count, entries: entries, starts: starts, perDocument: perDocument)
    }

    /// One key's encoded posting list (and, when kept for incremental updates, its entries).
    struct EncodedKey: Sendable {
        var key: UInt64
        var hash: UInt32
        var postings: [UInt8]
        var docs: [Int32] = []
        var info: [UInt32] = []
    }

    /// Merges one partition: walks the batches (so the documents) in order and appends each entry to its key's list.
    private static func mergePartition(_ p: Int, _ batches: [BatchPostings], keepLists: Bool) -> [EncodedKey] {
        var slot = KeyTable(expected: 1024)
        var keys: [EncodedKey] = []
        var previous: [Int] = []
        for batch in batches {
            var i = Int(batch.starts[p])
            for d in 0..<batch.count {
                let n = batch.first + d
                let end = i + Int(batch.perDocument[p * batch.count + d])
                while i < end {
                    let packed = batch.entries[i]
                    let key = packed >> 22
                    let s = Int(slot.value(for: key) {
                        keys.append(EncodedKey(key: key, hash: keyHash(key), postings: []))
                        previous.append(0)
                        return Int32(keys.count - 1)
                    })
                    if !keys[s].postings.isEmpty { keys[s].postings.append(UInt8(ascii: ",")) }
                    appendBase36(n - previous[s], to: &keys[s].postings)
                    previous[s] = n
                    let count = Int(packed >> 1 & 0x1F_FFFF)
                    if count > 1 {
                        keys[s].postings.append(UInt8(ascii: ":"))
                        appendBase36(count, to: &keys[s].postings)
                    }
                    if packed & 1 == 1 { keys[s].postings.append(UInt8(ascii: "*")) }
                    if keepLists {
                        keys[s].docs.append(Int32(n))
                        keys[s].info.append(UInt32(truncatingIfNeeded: packed & 0x3F_FFFF))
                    }
                    i += 1
                }
            }
        }
        return keys
    }

    /// The posting-list text of entries (`info` = count << 1 | in title), as `mergePartition` writes it.
    static func encodePostings(docs: [Int32], info: [UInt32]) -> [UInt8] {
        var out: [UInt8] = []
        var previous = 0
        for (i, doc) in docs.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            appendBase36(Int(doc) - previous, to: &out)
            previous = Int(doc)
            let count = Int(info[i] >> 1)
            if count > 1 {
                out.append(UInt8(ascii: ":"))
                appendBase36(count, to: &out)
            }
            if info[i] & 1 == 1 { out.append(UInt8(ascii: "*")) }
        }
        return out
    }

    /// The packed entries (`key << 22 | count << 1 | in title`) of one document, sorted by key.
    static func packedEntries(_ doc: Document) -> [UInt64] {
        var table = KeyTable(expected: 4096)
        return packedEntries(doc, table: &table, sorted: true)
    }

    private static func packedEntries(_ doc: Document, table: inout KeyTable, sorted: Bool) -> [UInt64] {
        packedPostings(lines: doc.sections.map(\.text), title: doc.title, table: &table, sorted: sorted)
    }

    private static func appendBase36(_ value: Int, to out: inout [UInt8]) {
        @inline(__always) func digit(_ d: Int) -> UInt8 { UInt8(truncatingIfNeeded: d < 10 ? 0x30 + d : 0x57 + d) }
        if value < 36 { out.append(digit(value)); return }
        var divisor = 36
        while divisor <= value / 36 { divisor *= 36 }
        var v = value
        while divisor > 0 {
            out.append(digit(v / divisor))
            v %= divisor
            divisor /= 36
        }
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
        let started = DispatchTime.now().uptimeNanoseconds
        var phases: [(String, UInt64)] = []
        func mark(_ name: String) { phases.append((name, DispatchTime.now().uptimeNanoseconds)) }
        let sources = documentSources()
        let (batches, docs, docEntries) = Self.documentPostings(sources, keep: keepState, emit: emit)
        mark("documents, texts and postings")
        let merged = ParallelMap.map(Array(0..<Self.partitions)) { p in Self.mergePartition(p, batches, keepLists: keepState) }
        mark("merge")
        let encoded = merged.flatMap { $0 }.sorted { $0.key < $1.key }
        let keyCount = encoded.count
        let total = encoded.reduce(0) { $0 + Self.keyString($1.key).utf8.count + $1.postings.count + 6 }
        var shards = 1
        while shards < maxShards && total / shards > targetShardBytes { shards *= 2 }
        var shardEntries = [[Int]](repeating: [], count: shards)
        for (i, e) in encoded.enumerated() { shardEntries[Int(e.hash & UInt32(shards - 1))].append(i) }
        let meta = "{\"version\":1,\"docs\":\(sources.count),\"shards\":\(shards)}"
        emit(Self.script("meta", meta))
        let nonEmpty = shardEntries.enumerated().filter { !$0.element.isEmpty }
        let shardCount = shards
        let bytes = ParallelMap.map(nonEmpty) { i, members -> Int in
            let file = Self.shardFile(i, shards: shardCount, keys: members.map { (encoded[$0].key, encoded[$0].postings) })
            emit(file)
            return file.bytes.count
        }.reduce(0, +)
        mark("shards")
        if ProcessInfo.processInfo.environment["GONGKAI_SEARCH_TIMING"] != nil {
            let ms = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e6
            var previous = started
            let split = phases.map { name, t in defer { previous = t }; return "\(name) \((t - previous) / 1_000_000)" }.joined(separator: ", ")
            FileHandle.standardError.write(Data("search index: \(sources.count) documents, \(keyCount) keys, \(shards) shards, \(sources.count + nonEmpty.count + 1) files, \(bytes) bytes of shards, \(String(format: "%.1f", ms)) ms (\(split) ms)\n".utf8))
        }
        var state: SearchIndexState?
        if keepState {
            state = SearchIndexState(docs: docs, entries: docEntries, keys: encoded, shards: shards, total: total,
                                     targetShardBytes: targetShardBytes, maxShards: maxShards)
        }
        return Index(files: [], shards: shards, state: state)
    }

    /// The file of shard `i`: its keys (sorted) with their posting lists.
    static func shardFile(_ i: Int, shards: Int, keys: [(key: UInt64, postings: [UInt8])]) -> OutputFile {
        let width = String(shards - 1, radix: 16).count
        var body: [UInt8] = [UInt8(ascii: "{")]
        for (j, entry) in keys.enumerated() {
            if j > 0 { body += Array(",\n".utf8) }
            body += Array(JSON.string(Self.keyString(entry.key)).utf8)
            body += [UInt8(ascii: ":"), UInt8(ascii: "\"")]
            body += entry.postings
            body.append(UInt8(ascii: "\""))
        }
        body.append(UInt8(ascii: "}"))
        return Self.script(shardName(i, width: width), body)
    }

    /// `p/<hex>`, zero-padded to the width of the largest shard number.
    static func shardName(_ i: Int, width: Int) -> String {
        let hex = String(i, radix: 16)
        return "p/" + String(repeating: "0", count: width - hex.count) + hex
    }

    /// The file of document `n`: `{"u":url,"t":title,"b":[crumbs],"s":[[anchor,heading,text],…]}`, written as bytes.
    static func documentFile(_ n: Int, _ doc: Document) -> OutputFile {
        var json: [UInt8] = []
        json.reserveCapacity(doc.sections.reduce(256) { $0 + $1.text.utf8.count + 64 })
        json += Array("{\"u\":".utf8)
        JSON.append(doc.url, to: &json)
        json += Array(",\"t\":".utf8)
        JSON.append(doc.title, to: &json)
        json += Array(",\"b\":[".utf8)
        for (i, crumb) in doc.breadcrumb.enumerated() {
            if i > 0 { json.append(UInt8(ascii: ",")) }
            JSON.append(crumb, to: &json)
        }
        json += Array("],\"s\":[".utf8)
        for (i, section) in doc.sections.enumerated() {
            if i > 0 { json += [UInt8(ascii: ","), 0x0A] }
            json.append(UInt8(ascii: "["))
            JSON.append(section.anchor, to: &json)
            json.append(UInt8(ascii: ","))
            JSON.append(section.heading, to: &json)
            json.append(UInt8(ascii: ","))
            JSON.append(section.text, to: &json)
            json.append(UInt8(ascii: "]"))
        }
        json += Array("]}".utf8)
        return Self.script("d/\(n)", json)
    }

    static func script(_ name: String, _ json: [UInt8]) -> OutputFile {
        OutputFile(path: "search/\(name).js", bytes: Array("gongkaiSearch(\"\(name)\",".utf8) + json + Array(");\n".utf8), kind: .data)
    }

    static func script(_ name: String, _ json: String) -> OutputFile {
        OutputFile(path: "search/\(name).js", bytes: Array("gongkaiSearch(\"\(name)\",\(json));\n".utf8), kind: .data)
    }

    /// JSON text for strings (deterministic, only the escapes JSON and JavaScript need).
    enum JSON {
        static func string(_ s: String) -> String { TextEscaping.json(s) }
        static func append(_ s: String, to out: inout [UInt8]) { TextEscaping.appendJSON(s, to: &out) }
    }
}
