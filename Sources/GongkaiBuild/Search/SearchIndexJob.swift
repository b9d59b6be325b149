import Foundation
import GongkaiCore

/// The search index made a part at a time: documents are added in index order, in runs of any length (a whole
/// site at once, or a build's reports a few at a time while their HTML is at hand), then `finish` writes the
/// shards and `meta.js`. The files are the same however the documents were split (`SearchIndexTests`).
///
/// It holds no site model: each `add` is given the model that holds the documents' pages at that moment.
struct SearchIndexJob {
    /// Every document of the site, in index order (`SearchIndexBuilder.documentSources`).
    let sources: [DocumentSource]
    private let documentsPerBatch: Int
    private let batchesPerWindow: Int
    private let targetShardBytes: Int
    private let maxShards: Int
    private let keepState: Bool
    private let mergers: [PartitionMerger]
    /// Documents added so far (the next one's number).
    private(set) var added = 0
    private var docs: [SearchIndexBuilder.Document] = []
    private var docEntries: [[UInt64]] = []
    private let started = DispatchTime.now().uptimeNanoseconds
    private let startedCPU = StageTimer.cpuMilliseconds()

    /// A job for `builder`'s site and settings (the builder's model is not kept).
    init(_ builder: SearchIndexBuilder, keepState: Bool) {
        sources = builder.documentSources()
        documentsPerBatch = builder.documentsPerBatch
        batchesPerWindow = builder.batchesPerWindow
        targetShardBytes = builder.targetShardBytes
        maxShards = builder.maxShards
        self.keepState = keepState
        mergers = (0..<SearchIndexBuilder.partitions).map { PartitionMerger(partition: $0, keepLists: keepState) }
    }

    /// Adds the next `count` documents, read from `model` (a topic's HTML from `bodies` when given), and writes
    /// their files through `emit`: their postings in parallel batches, then merged into the partitions' lists (in
    /// parallel partitions), window by window, so that only one window's entries are held.
    mutating func add(_ count: Int, from model: SiteModel, bodies: TopicBodyStore? = nil, emit: @Sendable (OutputFile) -> Void) {
        let end = min(sources.count, added + count)
        let ranges = stride(from: added, to: end, by: documentsPerBatch).map { $0..<min(end, $0 + documentsPerBatch) }
        for window in stride(from: 0, to: ranges.count, by: batchesPerWindow) {
            let part = SearchIndexBuilder.documentPostings(model, bodies: bodies, sources, ranges: ranges[window..<min(ranges.count, window + batchesPerWindow)],
                                                           keep: keepState, emit: emit)
            docs += part.docs
            docEntries += part.entries
            _ = ParallelMap.map(mergers) { $0.add(part.batches) }
        }
        added = end
    }

    /// Writes `meta.js` and the shards (every document must have been added) and returns the shard count, with the
    /// state incremental updates need when the job keeps it.
    func finish(emit: @Sendable (OutputFile) -> Void) -> SearchIndexBuilder.Index {
        assert(added == sources.count, "search index finished with documents left out")
        let merged = DispatchTime.now().uptimeNanoseconds
        let encoded = mergers.flatMap { $0.finish() }.sorted { $0.key < $1.key }
        let keyCount = encoded.count
        let total = encoded.reduce(0) { $0 + SearchIndexBuilder.keyString($1.key).utf8.count + $1.postings.textCount + 6 }
        var shards = 1
        while shards < maxShards && total / shards > targetShardBytes { shards *= 2 }
        var shardEntries = [[Int]](repeating: [], count: shards)
        for (i, e) in encoded.enumerated() { shardEntries[Int(e.hash & UInt32(shards - 1))].append(i) }
        let meta = "{\"version\":1,\"docs\":\(sources.count),\"shards\":\(shards)}"
        emit(SearchIndexBuilder.script("meta", meta))
        let nonEmpty = shardEntries.enumerated().filter { !$0.element.isEmpty }
        let shardCount = shards
        let bytes = ParallelMap.map(nonEmpty) { i, members -> Int in
            let file = SearchIndexBuilder.shardFile(i, shards: shardCount, keys: members.map { (encoded[$0].key, encoded[$0].postings) })
            emit(file)
            return file.bytes.count
        }.reduce(0, +)
        if ProcessInfo.processInfo.environment["GONGKAI_SEARCH_TIMING"] != nil {
            let now = DispatchTime.now().uptimeNanoseconds
            let ms = Double(now - started) / 1e6
            FileHandle.standardError.write(Data("search index: \(sources.count) documents, \(keyCount) keys, \(shards) shards, \(sources.count + nonEmpty.count + 1) files, \(bytes) bytes of shards, \(String(format: "%.1f", ms)) ms (documents, texts, postings and merge \((merged - started) / 1_000_000), shards \((now - merged) / 1_000_000) ms; cpu \(StageTimer.cpuMilliseconds() - startedCPU) ms)\n".utf8))
        }
        var state: SearchIndexState?
        if keepState {
            state = SearchIndexState(docs: docs, entries: docEntries, keys: encoded, shards: shards, total: total,
                                     targetShardBytes: targetShardBytes, maxShards: maxShards)
        }
        return SearchIndexBuilder.Index(files: [], shards: shards, state: state)
    }
}
