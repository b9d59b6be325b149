/// The search index as kept between builds by `serve`: every document and every key's posting list,
/// so that one edited page updates only the index files it touches. An update gives exactly the files a full
/// build of the new site would give. Made by a `SearchIndexJob` that keeps state.
public struct SearchIndexState: Sendable {
    /// One key's posting list.
    struct KeyList: Sendable {
        var docs: [Int32]
        /// `count << 1 | in title`, per entry.
        var info: [UInt32]
        var postings: [UInt8]
        var hash: UInt32
    }

    /// The documents, in index order.
    public private(set) var docs: [SearchDocument]
    private var lists: [UInt64: KeyList]
    /// Keys of each shard, sorted.
    private var shardKeys: [[UInt64]]
    /// The shard count.
    public let shards: Int
    /// Documents a file of page texts holds.
    let perFile: Int
    /// The size estimate the shard count comes from.
    private var total: Int
    private let targetShardBytes: Int
    private let maxShards: Int

    init(docs: [SearchDocument], keys: [SearchPostings.EncodedKey], shards: Int, total: Int, perFile: Int,
         targetShardBytes: Int, maxShards: Int) {
        self.perFile = perFile
        self.docs = docs
        var lists: [UInt64: KeyList] = [:]
        lists.reserveCapacity(keys.count)
        var shardKeys = [[UInt64]](repeating: [], count: shards)
        for k in keys {
            var text: [UInt8] = []
            k.postings.appendText(to: &text)
            lists[k.key] = KeyList(docs: k.docs, info: k.info, postings: text, hash: k.hash)
            shardKeys[Int(k.hash & UInt32(shards - 1))].append(k.key)
        }
        self.lists = lists
        self.shardKeys = shardKeys
        self.shards = shards
        self.total = total
        self.targetShardBytes = targetShardBytes
        self.maxShards = maxShards
    }

    /// The number of document `url`, if it is indexed.
    public func documentNumber(url: String) -> Int? { docs.firstIndex { $0.url == url } }

    /// Makes document `n` be `doc` in place; returns the index files to write (the shards it changes and the one file
    /// of page texts that holds it) and to remove, or nil when the shard count would change (the state is then unusable: build the whole index again).
    public mutating func update(document n: Int, with doc: SearchDocument) -> (write: [SearchIndexFile], remove: [String])? {
        // The document's entries are made again from its kept text rather than kept (at 10,000 pages they were a
        // third of serve's memory): the same function made them in the build.
        let old = SearchPostings.packedEntries(docs[n])
        let new = SearchPostings.packedEntries(doc)
        docs[n] = doc
        // Walk both sorted lists; every key whose entry for this document differs is updated.
        var changedKeys: [UInt64] = []
        var i = 0, j = 0
        while i < old.count || j < new.count {
            let ok = i < old.count ? old[i] >> 22 : UInt64.max
            let nk = j < new.count ? new[j] >> 22 : UInt64.max
            if ok == nk {
                if old[i] != new[j] { set(key: nk, document: n, info: UInt32(truncatingIfNeeded: new[j] & 0x3F_FFFF)); changedKeys.append(nk) }
                i += 1; j += 1
            } else if ok < nk {
                set(key: ok, document: n, info: nil); changedKeys.append(ok); i += 1
            } else {
                set(key: nk, document: n, info: UInt32(truncatingIfNeeded: new[j] & 0x3F_FFFF)); changedKeys.append(nk); j += 1
            }
        }
        var shards = 1
        while shards < maxShards && total / shards > targetShardBytes { shards *= 2 }
        guard shards == self.shards else { return nil }
        var write: [SearchIndexFile] = []
        var remove: [String] = []
        let width = String(shards - 1, radix: 16).count
        let touched = Set(changedKeys.map { Int(SearchPostings.keyHash($0) & UInt32(shards - 1)) })
        for shard in touched.sorted() {
            let keys = shardKeys[shard]
            if keys.isEmpty {
                remove.append("search/\(SearchIndexFile.shardName(shard, width: width)).js")
            } else {
                write.append(SearchIndexFile.shard(shard, shards: shards, keys: keys.compactMap { k in lists[k].map { (k, $0.postings) } }))
            }
        }
        // The file of texts that holds document n, all of its documents written again.
        let group = n / perFile
        let members = docs[(group * perFile)..<min(docs.count, group * perFile + perFile)]
        write.append(SearchIndexFile.documents(group: group, entries: members.map(SearchIndexFile.documentEntry)))
        return (write, remove)
    }

    /// Sets (or, with nil, removes) document `n`'s entry in the list of `key`, keeping lists, shard membership and
    /// the size estimate in step.
    private mutating func set(key: UInt64, document n: Int, info: UInt32?) {
        let keyBytes = SearchPostings.keyString(key).utf8.count + 6
        var list = lists[key] ?? KeyList(docs: [], info: [], postings: [], hash: SearchPostings.keyHash(key))
        let existed = !list.docs.isEmpty
        if existed { total -= keyBytes + list.postings.count }
        let doc = Int32(n)
        var lo = 0, hi = list.docs.count
        while lo < hi { let mid = (lo + hi) / 2; if list.docs[mid] < doc { lo = mid + 1 } else { hi = mid } }
        let present = lo < list.docs.count && list.docs[lo] == doc
        switch (present, info) {
        case (true, let value?): list.info[lo] = value
        case (true, nil): list.docs.remove(at: lo); list.info.remove(at: lo)
        case (false, let value?): list.docs.insert(doc, at: lo); list.info.insert(value, at: lo)
        case (false, nil): break
        }
        let shard = Int(list.hash & UInt32(shards - 1))
        if list.docs.isEmpty {
            lists[key] = nil
            if existed, let at = shardKeys[shard].firstIndex(of: key) { shardKeys[shard].remove(at: at) }
            return
        }
        list.postings = SearchPostings.encodePostings(docs: list.docs, info: list.info)
        total += keyBytes + list.postings.count
        lists[key] = list
        if !existed {
            let at = shardKeys[shard].firstIndex { $0 > key } ?? shardKeys[shard].count
            shardKeys[shard].insert(key, at: at)
        }
    }
}
