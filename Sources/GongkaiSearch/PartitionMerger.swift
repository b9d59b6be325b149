/// The posting lists of one partition of the keys, built window by window: each window of documents (a few batches)
/// is merged in and its batches can then be freed, so that the index never holds every document's entries at once,
/// only the encoded lists. Documents must come in ascending order, window after window.
///
/// A class so that the partitions can be merged in parallel, each by one job at a time (`SearchIndexJob` waits
/// for every partition of a window before the next window): that is what makes it Sendable.
final class PartitionMerger: @unchecked Sendable {
    private let partition: Int
    private var lists = Lists(expected: 1024)

    /// The keys met so far, by slot, with their lists.
    private struct Lists: ~Copyable {
        var slot: KeyTable
        var keys: [UInt64] = []
        var postings: [CompactPostings] = []

        init(expected: Int) { slot = KeyTable(expected: expected) }
    }

    /// A merger for partition `partition`.
    init(partition: Int) {
        self.partition = partition
    }

    /// Merges the next documents' entries: gives each entry its key's slot, places the entries in one flat array
    /// grouped by key (a counting sort: documents stay in order), then appends each key's entries to its list.
    func add(_ batches: [SearchPostings.BatchPostings]) {
        let p = partition
        let total = batches.reduce(0) { $0 + Int($1.starts[p + 1] - $1.starts[p]) }
        guard total > 0 else { return }
        // The lists are moved into a local for the loops and back at the end: a class's stored properties are checked
        // for exclusive access at run time on every use, which cost more than the merge itself.
        var lists = Lists(expected: 0)
        swap(&lists, &self.lists)
        defer { swap(&lists, &self.lists) }
        // Raw buffers: these loops run once per entry of the whole index. A window has at most `total` new keys.
        let slots = UnsafeMutableBufferPointer<Int32>.allocate(capacity: total)
        let next = UnsafeMutableBufferPointer<Int>.allocate(capacity: lists.keys.count + total)
        defer { slots.deallocate(); next.deallocate() }
        next.initialize(repeating: 0)
        var e = 0
        for batch in batches {
            batch.entries.withUnsafeBufferPointer { entries in
                for i in Int(batch.starts[p])..<Int(batch.starts[p + 1]) {
                    let key = entries[i] >> 22
                    let s = Int(lists.slot.value(for: key) {
                        lists.keys.append(key)
                        lists.postings.append(CompactPostings())
                        return Int32(lists.keys.count - 1)
                    })
                    next[s] += 1  // counting for now
                    slots[e] = Int32(s)
                    e += 1
                }
            }
        }
        // Where each key's entries of this window start; `next` then moves along as they are placed.
        var starts = [Int](repeating: 0, count: lists.keys.count + 1)
        for k in lists.keys.indices {
            starts[k + 1] = starts[k] + next[k]
            next[k] = starts[k]
        }
        var windowDocs = [Int32](repeating: 0, count: total)
        var windowInfo = [UInt32](repeating: 0, count: total)
        windowDocs.withUnsafeMutableBufferPointer { docs in
            windowInfo.withUnsafeMutableBufferPointer { info in
                var e = 0
                for batch in batches {
                    batch.entries.withUnsafeBufferPointer { entries in
                        var i = Int(batch.starts[p])
                        for d in 0..<batch.count {
                            let n = Int32(batch.first + d)
                            let end = i + Int(batch.perDocument[p * batch.count + d])
                            while i < end {
                                let k = Int(slots[e])
                                docs[next[k]] = n
                                info[next[k]] = UInt32(truncatingIfNeeded: entries[i] & 0x3F_FFFF)
                                next[k] += 1
                                i += 1
                                e += 1
                            }
                        }
                    }
                }
            }
        }
        for k in lists.keys.indices where starts[k + 1] > starts[k] {
            let range = starts[k]..<starts[k + 1]
            lists.postings[k].append(docs: windowDocs[range], info: windowInfo[range])
        }
    }

    /// The partition's keys with their lists (in the order the keys first occurred).
    func finish() -> [SearchPostings.EncodedKey] {
        lists.keys.indices.map { k in
            SearchPostings.EncodedKey(key: lists.keys[k], hash: SearchPostings.keyHash(lists.keys[k]), postings: lists.postings[k])
        }
    }
}
