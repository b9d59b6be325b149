import Foundation
import GongkaiBuild
import Testing
@testable import GongkaiServe

/// Without `--write`, the server writes its builds into a private cache folder (never into the site), serves from
/// it, and removes it at a clean stop when it made it.
@Suite struct CacheFolderTests {
    @Test func theCacheIsTheUsersAndNeverInsideTheSite() {
        #expect(SiteCache.location(["XDG_CACHE_HOME": "/x/cache", "HOME": "/home/u"]).path == "/x/cache/gongkai/serve")
        #expect(SiteCache.location(["XDG_CACHE_HOME": "relative", "HOME": "/home/u"]).path == "/home/u/.cache/gongkai/serve")
        #expect(SiteCache.location([:]).path.hasPrefix("/var/tmp/gongkai-"))
    }

    @Test func aCacheLocationInsideTheSiteIsNotUsed() throws {
        let site = try TestSite()
        defer { site.remove() }
        let cache = try SiteCache(root: site.root, location: site.root.appendingPathComponent("content/cache"))
        #expect(!cache.folder.path.hasPrefix(site.root.path + "/"))
        #expect(cache.folder.path.hasPrefix(SiteCache.fallback().path + "/"))
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("content/cache").path))
    }

    @Test func oneFolderPerSiteAndASecondServerGetsItsOwn() throws {
        let site = try TestSite()
        let other = try TestSite()
        defer { site.remove(); other.remove() }
        let first = try SiteCache(root: site.root, location: site.cacheLocation)
        let second = try SiteCache(root: site.root, location: site.cacheLocation)
        let third = try SiteCache(root: other.root, location: site.cacheLocation)
        #expect(first.folder != second.folder)
        #expect(second.folder.lastPathComponent.hasPrefix(first.folder.lastPathComponent + "-"))
        #expect(third.folder != first.folder && !third.folder.lastPathComponent.hasPrefix(first.folder.lastPathComponent))
        #expect(first.madeIt && second.madeIt)
    }

    /// The server builds into the cache folder, serves from it, leaves the site folder without `public/`, and
    /// removes the folder when it stops; a folder left by an earlier server is reused and kept.
    @Test func theServerBuildsIntoItsCacheAndRemovesWhatItMade() async throws {
        let site = try TestSite()
        defer { site.remove() }
        let server = try await RunningServer(site: site)
        let folders = try FileManager.default.contentsOfDirectory(atPath: site.cacheLocation.path).filter { !$0.hasPrefix(".") }
        #expect(folders.count == 1)
        let folder = site.cacheLocation.appendingPathComponent(folders.first ?? "")
        let onDisk = try String(contentsOf: folder.appendingPathComponent("example-2025/01/index.html"), encoding: .utf8)
        let page = try await request(server.port, "/example-2025/01/")
        #expect(page.status == 200)
        #expect(!onDisk.contains("__gongkai"))
        #expect(page.text.contains("__gongkai/live.js"))
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("public").path))
        await server.stop()
        #expect(!FileManager.default.fileExists(atPath: folder.path))

        // A folder found at the start (an earlier server's, killed) is used and kept.
        let kept = try SiteCache(root: site.root, location: site.cacheLocation).folder
        _ = try SiteBuilder(root: site.root).write(to: kept)
        let again = try await RunningServer(site: site)
        #expect(try await request(again.port, "/").status == 200)
        await again.stop()
        #expect(FileManager.default.fileExists(atPath: kept.appendingPathComponent("manifest.json").path))
    }

    private func inode(_ url: URL) throws -> UInt64 {
        ((try FileManager.default.attributesOfItem(atPath: url.path))[.systemFileNumber] as? NSNumber)?.uint64Value ?? 0
    }

    /// An edit of a topic's body is rebuilt incrementally: its files are replaced inside the folder (which stays the
    /// same folder); a theme change is a whole build, a new tree swapped in.
    @Test func anEditIsWrittenIntoTheFolderAndAThemeChangeSwapsIt() async throws {
        let site = try TestSite()
        defer { site.remove() }
        let (server, folder) = try await Self.serveWithoutWarnings(site)
        let before = try inode(folder)
        let css = try inode(folder.appendingPathComponent("assets/site.css"))
        try site.write("content/example-2025/01.md", try site.read("content/example-2025/01.md") + "\n增量写入。\n")
        let page = try await Self.fetch(server.port, "/example-2025/01/") { $0.text.contains("增量写入。") }
        #expect(page.text.contains("增量写入。"))
        #expect(try inode(folder) == before)
        #expect(try inode(folder.appendingPathComponent("assets/site.css")) == css)

        let style = site.root.appendingPathComponent("theme/assets/site.css")
        try Data((try String(contentsOf: style, encoding: .utf8) + "\n.swapped { color: red; }\n").utf8).write(to: style)
        let sheet = try await Self.fetch(server.port, "/assets/site.css") { $0.text.contains(".swapped") }
        #expect(sheet.text.contains(".swapped"))
        #expect(try inode(folder) != before)
        await server.stop()
    }

    /// A file removed from the folder while serving is a clear error naming it, and the next build puts it back;
    /// so does a whole build after the folder itself was removed.
    @Test func aFileRemovedFromTheCacheIsAnErrorUntilTheNextBuild() async throws {
        let site = try TestSite()
        defer { site.remove() }
        let (server, folder) = try await Self.serveWithoutWarnings(site)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("example-2025/01/index.html"))
        let missing = try await request(server.port, "/example-2025/01/")
        #expect(missing.status == 500)
        #expect(missing.text.contains("example-2025/01/index.html"))
        try site.write("content/example-2025/01.md", try site.read("content/example-2025/01.md") + "\n再建一次。\n")
        let back = try await Self.fetch(server.port, "/example-2025/01/") { $0.status == 200 }
        #expect(back.status == 200)
        #expect(back.text.contains("再建一次。"))

        // The folder emptied (or removed): every page is an error until the next edit, which builds the site whole
        // again (writing only the edited page's files into it would leave the rest missing).
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            try FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
        #expect(try await request(server.port, "/").status == 500)
        try site.write("content/example-2025/01.md", try site.read("content/example-2025/01.md") + "\n又一次。\n")
        let home = try await Self.fetch(server.port, "/") { $0.status == 200 }
        let css = try await request(server.port, "/assets/site.css")
        await server.stop()
        #expect(home.status == 200)
        #expect(css.status == 200)
    }

    /// A server of `site` with its one warning fixed first (a topic with a warning is always rebuilt whole, so
    /// edits of it would never be incremental), and the cache folder it serves from.
    private static func serveWithoutWarnings(_ site: TestSite) async throws -> (RunningServer, URL) {
        try site.write("content/example-2025/01.md", try site.read("content/example-2025/01.md")
            .replacingOccurrences(of: "一句话概述（可选）", with: "本年度工作的概述。"))
        let server = try await RunningServer(site: site)
        let folders = try FileManager.default.contentsOfDirectory(atPath: site.cacheLocation.path).filter { !$0.hasPrefix(".") }
        return (server, site.cacheLocation.appendingPathComponent(folders.first ?? ""))
    }

    /// `target` fetched every 50 ms until `done` holds of the response (at most 5 s); the last response.
    private static func fetch(_ port: Int, _ target: String,
                              until done: (RawConnection.Response) -> Bool) async throws -> RawConnection.Response {
        var response = try await request(port, target)
        for _ in 0..<100 where !done(response) {
            try await Task.sleep(for: .milliseconds(50))
            response = try await request(port, target)
        }
        return response
    }
}
