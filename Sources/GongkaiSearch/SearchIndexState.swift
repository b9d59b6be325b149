/// The search index as kept between builds by `serve`: every document and every key's posting list,
/// so that one edited page updates only the index files it touches. An update gives exactly the files a full
/// build of the new site would give. Made by a `SearchIndexJob` that keeps state.
public struct SearchIndexState: Sendable {
    /// One key's posting list, in the compact form the build's merge made (a third of its text's bytes; decoded
    /// for the key's entry to change, written as text when its shard is).
    struct KeyList: Sendable {
        var postings: CompactPostings
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
            lists[k.key] = KeyList(postings: k.postings, hash: k.hash)
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
        var list = lists.removeValue(forKey: key) ?? KeyList(postings: CompactPostings(), hash: SearchPostings.keyHash(key))
        var (docs, values) = list.postings.entries()
        let existed = !docs.isEmpty
        if existed { total -= keyBytes + list.postings.textCount }
        let doc = Int32(n)
        var lo = 0, hi = docs.count
        while lo < hi { let mid = (lo + hi) / 2; if docs[mid] < doc { lo = mid + 1 } else { hi = mid } }
        let present = lo < docs.count && docs[lo] == doc
        switch (present, info) {
        case (true, let value?): values[lo] = value
        case (true, nil): docs.remove(at: lo); values.remove(at: lo)
        case (false, let value?): docs.insert(doc, at: lo); values.insert(value, at: lo)
        case (false, nil): break
        }
        let shard = Int(list.hash & UInt32(shards - 1))
        if docs.isEmpty {
            lists[key] = nil
            if existed, let at = shardKeys[shard].firstIndex(of: key) { shardKeys[shard].remove(at: at) }
            return
        }
        list.postings = CompactPostings()
        list.postings.append(docs: docs, info: values)
        total += keyBytes + list.postings.textCount
        lists[key] = list
        if !existed {
            let at = shardKeys[shard].firstIndex { $0 > key } ?? shardKeys[shard].count
            shardKeys[shard].insert(key, at: at)
        }
    }
}
