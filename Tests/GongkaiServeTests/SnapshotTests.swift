import Foundation
import GongkaiBuild
import Testing
@testable import GongkaiServe

/// Incremental builds patch the served snapshot through an overlay (no copy of the whole site's table per edit);
/// after many edits the overlay is folded in, and lookups, counts and removals stay right throughout.
@Suite struct SnapshotTests {
    private func body(_ lookup: SiteSnapshot.Lookup) -> String? {
        guard case .file(let file) = lookup else { return nil }
        return String(buffer: file.body)
    }

    @Test func editsLayerOverTheLastWholeBuildAndAreFoldedInWhenMany() throws {
        let site = try TestSite()
        defer { site.remove() }
        var result = try SiteBuilder(root: site.root, options: BuildOptions()).build()
        var snapshot = SiteSnapshot(result: result, root: site.root)
        let whole = snapshot.fileCount
        let pages = snapshot.pageCount
        let css = try #require(body(snapshot.lookup("assets/site.css")))
        for i in 0..<600 {
            let path = "zz/extra-\(i).txt"
            result.files.append(OutputFile(path: path, bytes: Array("extra \(i)\n".utf8), kind: .asset))
            result.files.sort { $0.path < $1.path }
            result.changedPaths = [path]
            result.removedPaths = []
            snapshot = snapshot.updating(with: result)
            #expect(snapshot.fileCount == whole + i + 1)
        }
        #expect(body(snapshot.lookup("zz/extra-0.txt")) == "extra 0\n")
        #expect(body(snapshot.lookup("zz/extra-599.txt")) == "extra 599\n")
        #expect(body(snapshot.lookup("assets/site.css")) == css)
        #expect(snapshot.files.count == whole + 600)

        result.files.removeAll { $0.path == "zz/extra-7.txt" }
        result.changedPaths = []
        result.removedPaths = ["zz/extra-7.txt"]
        snapshot = snapshot.updating(with: result)
        #expect(snapshot.fileCount == whole + 599)
        #expect(snapshot.files.count == whole + 599)
        #expect(body(snapshot.lookup("zz/extra-7.txt")) == nil)
        #expect(snapshot.pageCount == pages)
        #expect(body(snapshot.lookup("zz/extra-8.txt")) == "extra 8\n")
    }
}
