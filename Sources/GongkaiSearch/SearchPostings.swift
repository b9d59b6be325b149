import GongkaiCore

/// Keys, counting and the merge of posting lists: each batch of documents is counted into a reusable table and
/// grouped by partition; each partition is merged across batches in document order and encoded as base-36 text.
enum SearchPostings {
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

    /// Adds every key of lines of valid UTF-8, normalised as they are read (lines joined by a space), to `table`:
    /// each character, and each pair of characters that are neither spaces nor separators (`SearchText.separates`),
    /// counted or (`marking`) marked. No normalised text is made.
    static func addKeys(utf8Lines lines: [[UInt8]], to table: inout KeyCounter, marking: Bool) {
        // The scalar before, when a pair may start with it (not a space, not a separator).
        var previous: UInt32? = nil
        for line in lines {
            line.withUnsafeBufferPointer { b in
                SearchText.forEachScalar(utf8: b) { scalar in
                    // U+3020…U+FE2F (CJK ideographs, kana, Hangul …) fold to themselves and are neither spaces nor
                    // separators: one test instead of each rule's.
                    let plain = scalar &- 0x3020 < 0xFE30 - 0x3020
                    let v = plain ? scalar : SearchText.fold(scalar)
                    if !plain && v == 0x20 { previous = nil; return }
                    if marking { table.mark(character: v) } else { table.increment(character: v) }
                    if !plain && SearchText.separates(v) { previous = nil; return }
                    if let p = previous {
                        if marking { table.mark(key(p, v)) } else { table.increment(key(p, v)) }
                    }
                    previous = v
                }
            }
            previous = nil
        }
    }

    /// The keys of one document (its lines) with their counts and whether they occur in the title, sorted by key
    /// or (`sorted: false`) in the counter's order, packed as `key << 22 | count << 1 | in title`. The title's keys are
    /// marked in the table first; keys found only in the title are left out.
    static func packedPostings(lines: [[UInt8]], title: String, table: inout KeyCounter, sorted: Bool) -> [UInt64] {
        addKeys(utf8Lines: [Array(title.utf8)], to: &table, marking: true)
        addKeys(utf8Lines: lines, to: &table, marking: false)
        var out = table.packedEntries()
        table.removeAll()
        if sorted { out.sort() }
        return out
    }

    /// Number of partitions the postings are merged in (in parallel); a power of two.
    static let partitions = 64

    /// The postings of a batch of consecutive documents, grouped by partition (a multiplicative hash of the key:
    /// partitions only split the merge's work, and the merged keys are sorted at the end); within a partition, by
    /// document, each document's entries in the order its keys first occur. One flat array per batch, so that the
    /// merge of a partition reads one slice per batch rather than one small array per document.
    struct BatchPostings: Sendable {
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

    /// Each document of `ranges` (consecutive batches) made by `document` (from its number) and its postings
    /// computed, in parallel batches that share one counting table each; the files of page texts (`perFile`
    /// documents each, of `documentCount`) that a batch makes all the documents of are handed to `emit` at once,
    /// the parts of the others returned (`DocumentFileGroups` joins them). The documents themselves are kept only
    /// when asked (`keep`, for incremental updates), so that a large site's texts are never all in memory.
    static func documentPostings(ranges: ArraySlice<Range<Int>>, perFile: Int, documentCount: Int, keep: Bool,
                                 document: @Sendable (Int) -> SearchDocument, emit: @Sendable (SearchIndexFile) -> Void)
        -> (batches: [BatchPostings], docs: [SearchDocument], fragments: [DocumentFileGroups.Fragment]) {
        let done = ParallelMap.map(Array(ranges)) { range -> (BatchPostings, [SearchDocument], [DocumentFileGroups.Fragment]) in
            var table = KeyCounter(expected: 4096)
            var lists: [[UInt64]] = []
            var docs: [SearchDocument] = []
            var fragments: [DocumentFileGroups.Fragment] = []
            var file: [[UInt8]] = []
            var fileFirst = range.lowerBound
            for n in range {
                let doc = document(n)
                if file.isEmpty { fileFirst = n }
                file.append(SearchIndexFile.documentEntry(doc))
                if (n + 1) % perFile == 0 || n + 1 == documentCount {
                    let group = n / perFile
                    if fileFirst == group * perFile { emit(SearchIndexFile.documents(group: group, entries: file)) }
                    else { fragments.append(.init(group: group, first: fileFirst, entries: file)) }
                    file = []
                }
                // The merge walks documents in order and sorts the keys at the end: a document's entries need no order.
                lists.append(packedEntries(doc, table: &table, sorted: false))
                if keep { docs.append(doc) }
            }
            if !file.isEmpty { fragments.append(.init(group: fileFirst / perFile, first: fileFirst, entries: file)) }
            return (group(lists, first: range.lowerBound), docs, fragments)
        }
        return (done.map(\.0), done.flatMap(\.1), done.flatMap(\.2))
    }

    /// The entries of consecutive documents (`first`, `first + 1` …) grouped by partition (a counting sort: within a
    /// partition, entries keep their order).
    static func group(_ lists: [[UInt64]], first: Int) -> BatchPostings {
        @inline(__always) func partition(_ packed: UInt64) -> Int {
            Int(truncatingIfNeeded: (((packed >> 22) &* 0x9E37_79B9_7F4A_7C15) >> 58) & UInt64(partitions - 1))
        }
        var starts = [Int32](repeating: 0, count: partitions + 1)
        var perDocument = [UInt16](repeating: 0, count: partitions * lists.count)
        let total = lists.reduce(0) { $0 + $1.count }
        // One partition number per entry, computed once (raw buffers: this runs once per entry of the index).
        let partitionOf = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(total, 1))
        defer { partitionOf.deallocate() }
        starts.withUnsafeMutableBufferPointer { starts in
            perDocument.withUnsafeMutableBufferPointer { perDocument in
                var e = 0
                for (d, list) in lists.enumerated() {
                    for packed in list {
                        let p = partition(packed)
                        partitionOf[e] = UInt8(truncatingIfNeeded: p)
                        e += 1
                        starts[p + 1] += 1
                        perDocument[p * lists.count + d] += 1 // a document has far fewer than 65,536 keys in one partition
                    }
                }
                for p in 0..<partitions { starts[p + 1] += starts[p] }
            }
        }
        var next = starts.map(Int.init)
        let entries = next.withUnsafeMutableBufferPointer { next in
            [UInt64](unsafeUninitializedCapacity: total) { entries, count in
                var e = 0
                for list in lists {
                    for packed in list {
                        let p = Int(partitionOf[e])
                        entries[next[p]] = packed
                        next[p] += 1
                        e += 1
                    }
                }
                count = total
            }
        }
        return BatchPostings(first: first, count: lists.count, entries: entries, starts: starts, perDocument: perDocument)
    }

    /// One key's posting list.
    struct EncodedKey: Sendable {
        var key: UInt64
        var hash: UInt32
        var postings: CompactPostings
    }

    /// The posting-list text of entries (`info` = count << 1 | in title), in ascending document order.
    static func encodePostings<D: RandomAccessCollection<Int32>, I: RandomAccessCollection<UInt32>>(docs: D, info: I) -> [UInt8] {
        var out: [UInt8] = []
        appendPostings(docs: docs, info: info, after: 0, to: &out)
        return out
    }

    /// Appends entries to a posting list's text (`out`, empty for a new list), each document as a difference from
    /// the one before (`previous` for the first: the last document already in `out`, or 0).
    static func appendPostings<D: RandomAccessCollection<Int32>, I: RandomAccessCollection<UInt32>>(docs: D, info: I, after previous: Int32,
                                                                                                  to out: inout [UInt8]) {
        // An entry takes at most 1 + 6 + 1 + 5 + 1 bytes: `,` delta `:` count `*` (deltas below 2^31, counts below 2^21).
        let start = out.count
        let entries = [UInt8](unsafeUninitializedCapacity: max(docs.count * 14, 1)) { buffer, count in
            var o = 0
            var previous = Int(previous)
            for (doc, value) in zip(docs, info) {
                if o > 0 || start > 0 { buffer[o] = UInt8(ascii: ","); o += 1 }
                appendBase36(Int(doc) - previous, to: buffer, at: &o)
                previous = Int(doc)
                let count = Int(value >> 1)
                if count > 1 {
                    buffer[o] = UInt8(ascii: ":"); o += 1
                    appendBase36(count, to: buffer, at: &o)
                }
                if value & 1 == 1 { buffer[o] = UInt8(ascii: "*"); o += 1 }
            }
            count = o
        }
        // Exactly as much room as the list now needs: a list grows once per window (a few times in all), and the
        // doubling `+=` would otherwise leave up to half of every list's buffer unused until the index is written.
        out.reserveCapacity(out.count + entries.count)
        out += entries
    }

    /// The packed entries (`key << 22 | count << 1 | in title`) of one document, sorted by key.
    static func packedEntries(_ doc: SearchDocument) -> [UInt64] {
        var table = KeyCounter(expected: 4096)
        return packedEntries(doc, table: &table, sorted: true)
    }

    static func packedEntries(_ doc: SearchDocument, table: inout KeyCounter, sorted: Bool) -> [UInt64] {
        packedPostings(lines: doc.sections.map(\.utf8), title: doc.title, table: &table, sorted: sorted)
    }

    /// Writes `value` (≥ 0) in base 36, lower-case digits, at `out[o]`, moving `o` past it.
    @inline(__always)
    static func appendBase36(_ value: Int, to out: UnsafeMutableBufferPointer<UInt8>, at o: inout Int) {
        @inline(__always) func digit(_ d: Int) -> UInt8 { UInt8(truncatingIfNeeded: d < 10 ? 0x30 + d : 0x57 + d) }
        if value < 36 { out[o] = digit(value); o += 1; return }
        if value < 1296 { out[o] = digit(value / 36); out[o + 1] = digit(value % 36); o += 2; return }
        var divisor = 1296
        while divisor <= value / 36 { divisor *= 36 }
        var v = value
        while divisor > 0 {
            out[o] = digit(v / divisor)
            o += 1
            v %= divisor
            divisor /= 36
        }
    }
}
