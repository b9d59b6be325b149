import Foundation
import GongkaiCore

/// The offline search index (`public/search/`), read by `theme/assets/search.js`, made a part at a time: documents
/// are added in index order, in runs of any length (a whole site at once, or a build's reports a few at a time
/// while their HTML is at hand), then `finish` writes the shards and `meta.js`. The files are the same however the
/// documents were split (`SearchIndexTests`). See the README's search section.
///
/// * Documents are the pages readers land on; a document keeps its sections (the page split at its headings) so
///   that a hit links to the heading anchor nearest the match. The job is told how many there are and asks for
///   each by its number; it holds no site.
/// * Keys are every overlapping pair of normalised characters (no segmentation, so any substring of two or more
///   characters is found) and every single character (for one-character queries). Pairs containing a space are
///   not indexed: queries are split at spaces. Nor are pairs containing punctuation or a symbol
///   (`SearchText.separates`): a query is looked up by the pairs of its runs between them (or, with no such pair,
///   by its characters) and checked in the texts as a whole.
/// * `search/meta.js` holds the format version (`SearchIndexFile.format`), the shard count and the documents a
///   file of texts holds (`perFile`, K); `search/p/<hex>.js` the postings of the keys whose FNV-1a hash falls in
///   that shard; `search/d/<n>.js` documents `n * K` to `n * K + K - 1` (each: title, breadcrumb, URL, sections'
///   text), an array in which document `d` is entry `d % K` of file `d / K`. A query loads the meta file and the
///   shards of its keys, then the files of texts of its best candidates, in which it verifies the query as a real
///   substring: no false hits.
/// * Every file is a script calling `gongkaiSearch(name, data)`, so it loads through a `<script>` tag: from
///   `file://` as well as under any sub-path.
///
/// Postings of one key: entries separated by `,`, one per document in ascending order: the document number as a
/// base-36 difference from the previous entry's (the first is the number itself), then `:tf` (base 36) when the key
/// occurs more than once, then `*` when it occurs in the document's title.
public struct SearchIndexJob {
    /// How many documents the index has.
    public let documentCount: Int
    private let settings: SearchIndexSettings
    private let keepState: Bool
    private let mergers: [PartitionMerger]
    /// Documents added so far (the next one's number).
    public private(set) var added = 0
    private var docs: [SearchDocument] = []
    private var files: DocumentFileGroups
    private let started = DispatchTime.now().uptimeNanoseconds
    private let startedCPU = ProcessCPUTime.milliseconds()

    /// A job for an index of `documentCount` documents; with `keepState`, `finish` also returns what
    /// `SearchIndexState.update` needs (serve does).
    public init(documentCount: Int, settings: SearchIndexSettings = SearchIndexSettings(), keepState: Bool) {
        self.documentCount = documentCount
        self.settings = settings
        self.keepState = keepState
        files = DocumentFileGroups(perFile: max(1, settings.documentsPerFile), documentCount: documentCount)
        mergers = (0..<SearchPostings.partitions).map { PartitionMerger(partition: $0) }
    }

    /// Adds the next `count` documents, each made by `document` from its number (on several threads at once), and
    /// hands their files to `emit` (also from several threads): their postings in parallel batches, then merged into
    /// the partitions' lists (in parallel partitions), window by window, so that only one window's entries are held.
    public mutating func add(_ count: Int, document: @Sendable (Int) -> SearchDocument, emit: @Sendable (SearchIndexFile) -> Void) {
        let end = min(documentCount, added + count)
        let ranges = stride(from: added, to: end, by: settings.documentsPerBatch).map { $0..<min(end, $0 + settings.documentsPerBatch) }
        for window in stride(from: 0, to: ranges.count, by: settings.batchesPerWindow) {
            let part = SearchPostings.documentPostings(ranges: ranges[window..<min(ranges.count, window + settings.batchesPerWindow)],
                                                       perFile: files.perFile, documentCount: documentCount,
                                                       keep: keepState, document: document, emit: emit)
            for file in files.add(part.fragments) { emit(file) }
            docs += part.docs
            _ = ParallelMap.map(mergers) { $0.add(part.batches) }
        }
        added = end
    }

    /// Writes `meta.js` and the shards through `emit` (every document must have been added) and returns the shard
    /// count, with the state incremental updates need when the job keeps it.
    public func finish(emit: @Sendable (SearchIndexFile) -> Void) -> (shards: Int, state: SearchIndexState?) {
        assert(added == documentCount && files.isEmpty, "search index finished with documents left out")
        let merged = DispatchTime.now().uptimeNanoseconds
        let encoded = mergers.flatMap { $0.finish() }.sorted { $0.key < $1.key }
        let keyCount = encoded.count
        let total = encoded.reduce(0) { $0 + SearchPostings.keyString($1.key).utf8.count + $1.postings.textCount + 6 }
        var shards = 1
        while shards < settings.maxShards && total / shards > settings.targetShardBytes { shards *= 2 }
        var shardEntries = [[Int]](repeating: [], count: shards)
        for (i, e) in encoded.enumerated() { shardEntries[Int(e.hash & UInt32(shards - 1))].append(i) }
        let meta = "{\"version\":\(SearchIndexFile.format),\"docs\":\(documentCount),\"shards\":\(shards),\"perFile\":\(files.perFile)}"
        emit(SearchIndexFile.script("meta", meta))
        let nonEmpty = shardEntries.enumerated().filter { !$0.element.isEmpty }
        let shardCount = shards
        let bytes = ParallelMap.map(nonEmpty) { i, members -> Int in
            let file = SearchIndexFile.shard(i, shards: shardCount, keys: members.map { (encoded[$0].key, encoded[$0].postings) })
            emit(file)
            return file.bytes.count
        }.reduce(0, +)
        if ProcessInfo.processInfo.environment["GONGKAI_SEARCH_TIMING"] != nil {
            let now = DispatchTime.now().uptimeNanoseconds
            let ms = Double(now - started) / 1e6
            FileHandle.standardError.write(Data("search index: \(documentCount) documents, \(keyCount) keys, \(shards) shards, \((documentCount + files.perFile - 1) / files.perFile + nonEmpty.count + 1) files, \(bytes) bytes of shards, \(String(format: "%.1f", ms)) ms (documents, texts, postings and merge \((merged - started) / 1_000_000), shards \((now - merged) / 1_000_000) ms; cpu \(ProcessCPUTime.milliseconds() - startedCPU) ms)\n".utf8))
        }
        var state: SearchIndexState?
        if keepState {
            state = SearchIndexState(docs: docs, keys: encoded, shards: shards, total: total, perFile: files.perFile,
                                     targetShardBytes: settings.targetShardBytes, maxShards: settings.maxShards)
        }
        return (shards, state)
    }
}
