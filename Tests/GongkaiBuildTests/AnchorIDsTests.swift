import Testing
@testable import GongkaiBuild

struct AnchorIDsTests {
    @Test func findsEachIdByItsBytesAndNothingElse() {
        let ids = ["一深入推进依法行政", "section", "a", "", "1-2", "x-1"]
        let anchors = AnchorIDs(ids)
        #expect(anchors.count == ids.count)
        for id in ids { #expect(anchors.contains(id), "\(id)") }
        for other in ["一深入推进依法", "sectio", "sections", "b", "1", "x-", "-1", "A"] { #expect(!anchors.contains(other), "\(other)") }
        // As HTML compares ids: code points, not canonical equivalence (é precomposed vs e + combining acute).
        let composed = AnchorIDs(["caf\u{E9}"])
        #expect(composed.contains("caf\u{E9}"))
        #expect(!composed.contains("cafe\u{301}"))
    }

    /// Every id of a large site's pages stays apart from every other: no two of 200,000 ids like a report's share
    /// a hash.
    @Test func manyIdsKeepApart() {
        var seen = Set<UInt64>()
        for n in 0..<200_000 {
            #expect(seen.insert(AnchorIDs.hash("\(n % 10)大力实施重点项目建设-\(n / 10)")).inserted, "\(n)")
        }
    }

    @Test func noIdsHoldNothing() {
        #expect(AnchorIDs.none.count == 0)
        #expect(!AnchorIDs.none.contains(""))
        #expect(!AnchorIDs.none.contains("a"))
        #expect(AnchorIDs([String]()) == AnchorIDs.none)
        #expect(AnchorIDs([""]).contains(""))
    }
}
