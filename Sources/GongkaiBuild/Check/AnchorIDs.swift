import Foundation

/// The anchor ids of one page, as the link check looks them up: all their UTF-8 bytes in one buffer, so that a
/// large site's tens of thousands of heading ids are two allocations a page instead of one each (a streaming build
/// keeps them to the end, when every link can be checked). Ids compare by their bytes, as HTML compares them.
public struct AnchorIDs: Sendable, Hashable {
    private var bytes: [UInt8] = []
    /// Where each id ends in `bytes`.
    private var ends: [UInt32] = []

    /// No ids (a page without headings, or a copied file).
    public static let none = AnchorIDs()

    private init() {}

    /// The ids of `ids`, in order.
    public init<C: Collection<String>>(_ ids: C) {
        // Exactly as much room as they take: these are kept for the whole build.
        bytes.reserveCapacity(ids.reduce(0) { $0 + $1.utf8.count })
        ends.reserveCapacity(ids.count)
        for id in ids {
            bytes += id.utf8
            ends.append(UInt32(truncatingIfNeeded: bytes.count))
        }
    }

    /// How many ids.
    public var count: Int { ends.count }

    /// Whether `id` is one of them.
    public func contains(_ id: String) -> Bool {
        var id = id
        return id.withUTF8 { target in
            bytes.withUnsafeBufferPointer { all in
                var start = 0
                for end in ends {
                    let end = Int(end)
                    if end - start == target.count {
                        guard let a = all.baseAddress, let t = target.baseAddress else { return true }  // both empty
                        if memcmp(a + start, t, target.count) == 0 { return true }
                    }
                    start = end
                }
                return false
            }
        }
    }

    /// The ids, in order.
    public var all: [String] {
        var start = 0
        return ends.map { end in
            defer { start = Int(end) }
            return String(decoding: bytes[start..<Int(end)], as: UTF8.self)
        }
    }
}
