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

    /// The snapshot shares the build result's bytes instead of copying them (the server also keeps the result, as
    /// the base of the next incremental build); a page's live-reload tag goes in as each response is made.
    @Test func filesAreServedFromTheBuildsOwnBytes() throws {
        let site = try TestSite()
        defer { site.remove() }
        let result = try SiteBuilder(root: site.root, options: BuildOptions()).build()
        let snapshot = SiteSnapshot(result: result, root: site.root)
        let script = LiveReloadScript(basePath: snapshot.basePath)
        var pages = 0
        for built in result.files {
            guard let served = snapshot.file(built.path) else { continue }
            let shared = served.bytes.withUnsafeBufferPointer { a in built.bytes.withUnsafeBufferPointer { b in a.baseAddress == b.baseAddress } }
            #expect(shared || built.bytes.isEmpty, "\(built.path) was copied")
            let expected = built.path.hasSuffix(".html") ? script.inject(into: built.bytes, pageURL: snapshot.basePath + built.urlPath) : built.bytes
            #expect(Array(buffer: served.body) == expected, "\(built.path)")
            #expect(served.count == expected.count)
            if built.path.hasSuffix(".html") { pages += 1 }
        }
        #expect(pages > 3)
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

    /// After an edit rebuilt incrementally, `manifest.json` is served with its new bytes and a new ETag (made from
    /// the manifest's digest rather than by hashing the whole file again), and each further edit gets another.
    @Test func theManifestIsServedNewWithANewTagAfterAnEdit() throws {
        let site = try TestSite()
        defer { site.remove() }
        let builder = SiteBuilder(root: site.root, options: BuildOptions(), keepsState: true)  // as serve builds
        let first = try builder.build()
        let snapshot = SiteSnapshot(result: first, root: site.root)
        guard case .file(let before) = snapshot.lookup("manifest.json") else { Issue.record("no manifest.json served"); return }
        let text = try String(contentsOf: site.topic, encoding: .utf8)
        try site.write("content/example-2025/01.md", text + "\n新增一句用于测试。\n")
        let edited = try #require(builder.rebuild(after: first, changing: ["content/example-2025/01.md"]))
        #expect(edited.changedPaths?.contains("manifest.json") == true)
        let updated = snapshot.updating(with: edited)
        guard case .file(let after) = updated.lookup("manifest.json") else { Issue.record("no manifest.json served"); return }
        #expect(Array(buffer: after.body) == edited.file(at: "manifest.json")?.bytes)
        #expect(after.etag != before.etag)
        #expect(after.sourceHash == SiteSnapshot.hash(of: try #require(edited.file(at: "manifest.json")), in: edited))
        // A second edit: another manifest, another tag (the tag follows the digest, not a constant).
        try site.write("content/example-2025/01.md", text + "\n再改一句。\n")
        let again = try #require(builder.rebuild(after: edited, changing: ["content/example-2025/01.md"]))
        guard case .file(let third) = updated.updating(with: again).lookup("manifest.json") else { Issue.record("no manifest.json served"); return }
        #expect(Array(buffer: third.body) == again.file(at: "manifest.json")?.bytes)
        #expect(third.etag != after.etag)
    }
}
