@testable import GongkaiBuild
import Testing

/// The navigation cache keeps only the items of the reports being rendered, and renders an item once while kept.
@Suite struct NavItemCacheTests {
    @Test func keepsTheRecentReportsItemsOnly() {
        let cache = NavItemCache()
        var made = 0
        func get(_ report: Int, _ item: Int) -> String {
            cache.html(for: "r\(report)/t\(item)", report: "r\(report)") { made += 1; return "<li>\(report).\(item)</li>" }
        }
        #expect(get(0, 1) == "<li>0.1</li>")
        #expect(get(0, 1) == "<li>0.1</li>")
        #expect(made == 1)
        for report in 1...NavItemCache.reports { _ = get(report, 1) }
        // Report 0 was the least recently used: its items are gone and made again.
        #expect(!cache.heldReports.contains("r0"))
        #expect(cache.heldReports.count == NavItemCache.reports)
        _ = get(0, 1)
        #expect(made == NavItemCache.reports + 2)
        // Using a report's items again keeps them: r2 is now the most recent, r1 the one dropped next.
        _ = get(2, 1)
        #expect(cache.heldReports.last == "r2")
        _ = get(99, 1)
        #expect(!cache.heldReports.contains("r1") && cache.heldReports.contains("r2"))
    }

    /// A report's closed tree is made once per root prefix while the report is kept, and let go with its items.
    @Test func closedTreesAreMadeOncePerRootAndLetGoWithTheirReport() {
        let cache = NavItemCache()
        var made: [String] = []
        func tree(_ report: Int, _ root: String) -> [String] {
            cache.closedTree(report: "r\(report)", root: root) { made.append("r\(report)\(root)"); return ["<li>\(report)\(root)</li>"] }
        }
        #expect(tree(0, "../") == ["<li>0../</li>"])
        #expect(tree(0, "../") == ["<li>0../</li>"])
        #expect(tree(0, "../../") == ["<li>0../../</li>"])
        #expect(made == ["r0../", "r0../../"])
        for report in 1...NavItemCache.reports { _ = tree(report, "../") }
        #expect(!cache.heldReports.contains("r0"))
        _ = tree(0, "../")
        #expect(made.filter { $0 == "r0../" }.count == 2)
    }
}
