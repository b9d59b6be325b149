/// The anchor ids of one page, as the link check looks them up: a 64-bit hash of each id's UTF-8 bytes, in one
/// array, so that a large site's tens of thousands of heading ids (which a streaming build keeps to the end, when
/// every link can be checked) take eight bytes each instead of a string each. Ids compare by their bytes, as HTML
/// compares them. Two different ids of one page would have to share a 64-bit hash for a broken anchor to pass (a
/// chance of about one in 10^17 for a page of a thousand ids); the hash is fixed, so a check always finds the same.
public struct AnchorIDs: Sendable, Hashable {
    private var hashes: [UInt64] = []

    /// No ids (a page without headings, or a copied file).
    public static let none = AnchorIDs()

    private init() {}

    /// The ids of `ids`.
    public init<C: Collection<String>>(_ ids: C) {
        hashes.reserveCapacity(ids.count)
        for id in ids { hashes.append(Self.hash(id)) }
    }

    /// How many ids.
    public var count: Int { hashes.count }

    /// Whether `id` is one of them.
    public func contains(_ id: String) -> Bool { hashes.contains(Self.hash(id)) }

    /// FNV-1a over the UTF-8 bytes, then MurmurHash3's 64-bit finaliser to spread them.
    static func hash(_ id: String) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in id.utf8 {
            h ^= UInt64(byte)
            h = h &* 0x0000_0100_0000_01B3
        }
        h ^= UInt64(id.utf8.count)
        h ^= h >> 33
        h = h &* 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        h = h &* 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 33
        return h
    }
}
