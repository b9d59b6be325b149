import Foundation
import GongkaiBuild
import GongkaiCore
import Testing
@testable import GongkaiServe

/// The served snapshot lists the build's files by hash only and reads each from the built folder per request
/// (pages with the live-reload tag placed then); edits layer over the last whole build and are folded in when many.
@Suite struct SnapshotTests {
    private func body(_ snapshot: SiteSnapshot, _ lookup: SiteSnapshot.Lookup) -> String? {
        guard case .file(let file) = lookup else { return nil }
        return (try? snapshot.body(of: file)).map { String(buffer: $0) }
    }

    /// A site written into a folder of the test's own, and the snapshot of that build.
    private func written(_ site: TestSite) throws -> (SiteSnapshot, URL, SiteBuilder.WriteReport) {
        let folder = site.root.deletingLastPathComponent().appendingPathComponent("built")
        let report = try SiteBuilder(root: site.root, options: BuildOptions()).write(to: folder)
        return (SiteSnapshot(manifest: report.manifest, folder: folder, root: site.root), folder, report)
    }

    /// Every file an in-memory build makes is served with the same bytes (pages with the live-reload tag), read
    /// from the folder the build was written to; the snapshot keeps no bytes of its own.
    @Test func filesAreServedFromTheBuiltFolder() throws {
        let site = try TestSite()
        defer { site.remove() }
        let (snapshot, folder, _) = try written(site)
        let memory = try SiteBuilder(root: site.root, options: BuildOptions()).build()
        let script = LiveReloadScript(basePath: snapshot.basePath)
        var pages = 0
        for built in memory.files {
            let served = try #require(snapshot.file(built.path), "\(built.path) not listed")
            let expected = built.path.hasSuffix(".html") ? script.inject(into: built.bytes, pageURL: snapshot.basePath + built.urlPath) : built.bytes
            #expect(Array(buffer: try snapshot.body(of: served)) == expected, "\(built.path)")
            if built.path.hasSuffix(".html") { pages += 1 }
        }
        #expect(pages > 3)
        #expect(snapshot.fileCount == memory.files.count)
        // Read now, not at the build: a file changed in the folder is served as it is now.
        try Data("changed on disk\n".utf8).write(to: folder.appendingPathComponent("robots.txt"))
        #expect(body(snapshot, snapshot.lookup("robots.txt")) == "changed on disk\n")
    }

    /// Only listed paths are read, and none through a symbolic link: a link put in the folder in place of a file or
    /// of a folder on the way is refused, and a file the build did not make is not found.
    @Test func linksAndUnlistedFilesInTheFolderAreNeverRead() throws {
        let site = try TestSite()
        defer { site.remove() }
        let (snapshot, folder, _) = try written(site)
        let secret = site.root.deletingLastPathComponent().appendingPathComponent("secret.txt").path
        let manager = FileManager.default
        try manager.removeItem(at: folder.appendingPathComponent("robots.txt"))
        try manager.createSymbolicLink(atPath: folder.appendingPathComponent("robots.txt").path, withDestinationPath: secret)
        guard case .file(let robots) = snapshot.lookup("robots.txt") else { Issue.record("robots.txt not listed"); return }
        #expect(throws: SiteFolder.Failure.self) { try snapshot.body(of: robots) }

        // A folder on the way replaced by a link to a copy of itself elsewhere.
        let elsewhere = site.root.deletingLastPathComponent().appendingPathComponent("elsewhere")
        try manager.moveItem(at: folder.appendingPathComponent("assets"), to: elsewhere)
        try manager.createSymbolicLink(atPath: folder.appendingPathComponent("assets").path, withDestinationPath: elsewhere.path)
        guard case .file(let css) = snapshot.lookup("assets/site.css") else { Issue.record("site.css not listed"); return }
        #expect(manager.fileExists(atPath: folder.appendingPathComponent("assets/site.css").path))
        #expect(throws: SiteFolder.Failure.self) { try snapshot.body(of: css) }

        // The folder itself a link.
        let real = site.root.deletingLastPathComponent().appendingPathComponent("real")
        try manager.moveItem(at: folder, to: real)
        try manager.createSymbolicLink(atPath: folder.path, withDestinationPath: real.path)
        guard case .file(let home) = snapshot.lookup("") else { Issue.record("index.html not listed"); return }
        #expect(throws: SiteFolder.Failure.self) { try snapshot.body(of: home) }

        try Data(TestSite.secret.utf8).write(to: real.appendingPathComponent("mine.txt"))
        if case .file = snapshot.lookup("mine.txt") { Issue.record("a file the build did not make is listed") }
        #expect(throws: SiteFolder.Failure.self) { try SiteFolder(path: real.path).bytes(at: "../secret.txt") }
        #expect(throws: SiteFolder.Failure.self) { try SiteFolder(path: real.path).bytes(at: "assets//site.css") }
    }

    @Test func editsLayerOverTheLastWholeBuildAndAreFoldedInWhenMany() throws {
        let site = try TestSite()
        defer { site.remove() }
        var (snapshot, folder, _) = try written(site)
        let whole = snapshot.fileCount
        let pages = snapshot.pageCount
        let css = try #require(body(snapshot, snapshot.lookup("assets/site.css")))
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("zz"), withIntermediateDirectories: true)
        for i in 0..<600 {
            let path = "zz/extra-\(i).txt"
            try Data("extra \(i)\n".utf8).write(to: folder.appendingPathComponent(path))
            snapshot = snapshot.updating(changed: [ServedFile(path: path, sourceHash: "h\(i)")], removed: [], folder: folder)
            #expect(snapshot.fileCount == whole + i + 1)
        }
        #expect(body(snapshot, snapshot.lookup("zz/extra-0.txt")) == "extra 0\n")
        #expect(body(snapshot, snapshot.lookup("zz/extra-599.txt")) == "extra 599\n")
        #expect(body(snapshot, snapshot.lookup("assets/site.css")) == css)
        #expect(snapshot.files.count == whole + 600)

        snapshot = snapshot.updating(changed: [], removed: ["zz/extra-7.txt"], folder: folder)
        #expect(snapshot.fileCount == whole + 599)
        #expect(snapshot.files.count == whole + 599)
        #expect(body(snapshot, snapshot.lookup("zz/extra-7.txt")) == nil)
        #expect(snapshot.pageCount == pages)
        #expect(body(snapshot, snapshot.lookup("zz/extra-8.txt")) == "extra 8\n")
    }

    /// After an edit, `manifest.json` is served with its new bytes and a new ETag (made from the manifest's digest
    /// rather than by hashing the whole file), and the edited page's URL is among the changed ones.
    @Test func theManifestIsServedNewWithANewTagAfterAnEdit() throws {
        let site = try TestSite()
        defer { site.remove() }
        let (snapshot, folder, _) = try written(site)
        guard case .file(let before) = snapshot.lookup("manifest.json") else { Issue.record("no manifest.json served"); return }
        let text = try String(contentsOf: site.topic, encoding: .utf8)
        try site.write("content/example-2025/01.md", text + "\n新增一句用于测试。\n")
        let report = try SiteBuilder(root: site.root, options: BuildOptions()).write(to: folder)
        let updated = SiteSnapshot(manifest: report.manifest, folder: folder, root: site.root)
        guard case .file(let after) = updated.lookup("manifest.json") else { Issue.record("no manifest.json served"); return }
        #expect(Array(buffer: try updated.body(of: after)) == report.manifest.json())
        #expect(after.etag != before.etag)
        #expect(updated.changedURLs(since: snapshot).contains(snapshot.basePath + "example-2025/01/"))
        #expect(updated.changedURLs(since: snapshot).contains(snapshot.basePath + "manifest.json"))
        #expect(!updated.changedURLs(since: snapshot).contains(snapshot.basePath + "assets/site.css"))
    }
}
