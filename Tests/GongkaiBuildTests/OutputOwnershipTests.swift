import Foundation
import Testing
@testable import GongkaiBuild
import GongkaiCore

/// Issue #31, item 1: a build changes only what its previous manifest says it made. The attacks first (a web root
/// with a PWA `manifest.json`, files added to `public/` after a build), then what must hold.
@Suite struct OutputOwnershipTests {
    /// A web root whose `manifest.json` is a PWA manifest is not gongkai's: the build refuses it, naming the
    /// folder, and every file stays (before, `index.php`, `uploads/` and `web.config` were removed, exit 0).
    @Test func aWebRootWithAPWAManifestIsRefusedAndKeepsEveryFile() throws {
        let site = try SiteFixture(smallSite)
        let webroot = site.root.appendingPathComponent("webroot")
        let files = ["manifest.json": "{\"name\": \"政务服务\", \"start_url\": \"/\", \"icons\": []}\n", "index.php": "<?php echo 1;",
                     "uploads/a.pdf": "%PDF-1.4", "web.config": "<configuration/>"]
        for (path, text) in files { try site.write("webroot/\(path)", text) }
        for write in [{ () throws in _ = try SiteBuilder(root: site.root).write(to: webroot) },
                      { () throws in _ = try SiteBuilder(root: site.root).buildAndWrite(to: webroot) }] {
            do {
                try write()
                Issue.record("a build wrote into a web root")
            } catch let error as DiagnosticError {
                #expect(error.description.hasPrefix("webroot:1:1: error: webroot/manifest.json is not a manifest gongkai wrote ("), "\(error.description)")
                #expect(error.description.contains("choose another output folder"))
            }
            #expect(site.snapshot(of: "webroot").mapValues { String(decoding: $0, as: UTF8.self) } == files)
        }
    }

    /// A gongkai manifest edited by hand (its digest no longer its entries') is not taken as gongkai's either.
    @Test func anEditedManifestIsRefused() throws {
        let site = try SiteFixture(smallSite)
        _ = try SiteBuilder(root: site.root).write()
        let text = try #require(site.output("manifest.json"))
        try site.write("public/manifest.json", text.replacingOccurrences(of: "\"path\" : \"404.html\"", with: "\"path\" : \"index.php\""))
        let before = site.snapshot()
        #expect(throws: DiagnosticError.self) { try SiteBuilder(root: site.root).write() }
        #expect(site.snapshot() == before)
    }

    /// Files added to `public/` after a build (a search-engine verification file, `uploads/a.pdf`, an empty
    /// folder, a link) are kept by later builds and reported; files the previous manifest lists and the site no longer
    /// has are still removed; gongkai's files are exactly the in-memory build's.
    @Test func filesAddedAfterABuildAreKeptAndReported() throws {
        for inPlace in [false, true] {
            let site = try SiteFixture(smallSite)
            var builder = SiteBuilder(root: site.root)
            builder.swapsOutput = !inPlace
            _ = try builder.write()
            try site.write("public/baidu_verify_abc.html", "abc")
            try site.write("public/uploads/a.pdf", "%PDF-1.4")
            try site.write("public/r2024/01/附件.txt", "附件")
            try FileManager.default.createDirectory(at: site.root.appendingPathComponent("public/empty"), withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: site.root.appendingPathComponent("public/current").path, withDestinationPath: "r2024")
            try FileManager.default.setAttributes([.posixPermissions: 0o775], ofItemAtPath: site.root.appendingPathComponent("public/uploads").path)
            let again = try builder.write()
            let kept = (["baidu_verify_abc.html", "current", "r2024/01/附件.txt", "uploads/a.pdf"] + (inPlace ? [] : ["empty/"])).sorted()
            #expect(again.summary.kept.sorted() == kept, "in place: \(inPlace)")
            #expect(again.summary.written.isEmpty)
            try site.remove("content/r2024/03.md")
            let removed = try builder.write()
            #expect(removed.summary.removed.filter { !$0.hasPrefix("search/") } == ["r2024/03/index.html"])
            #expect(removed.summary.kept.sorted() == kept)
            #expect(site.output("baidu_verify_abc.html") == "abc")
            #expect(site.output("uploads/a.pdf") == "%PDF-1.4")
            #expect(site.output("r2024/01/附件.txt") == "附件")
            #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: site.root.appendingPathComponent("public/current").path)) == "r2024")
            #expect(FileManager.default.fileExists(atPath: site.root.appendingPathComponent("public/empty").path))
            let mode = try FileManager.default.attributesOfItem(atPath: site.root.appendingPathComponent("public/uploads").path)[.posixPermissions] as? Int
            #expect(mode == 0o775)
            var written = site.snapshot()
            for path in kept { written[path] = nil }
            try site.build()
            var inMemory = site.snapshot()
            for path in kept { inMemory[path] = nil }
            #expect(written == inMemory)
        }
    }

    /// A file gongkai did not make where the site now needs one is an error that changes nothing; so is one where
    /// the site needs a folder.
    @Test func aFileGongkaiDidNotMakeInTheWayIsAnError() throws {
        let site = try SiteFixture(smallSite)
        _ = try SiteBuilder(root: site.root).write()
        try site.write("public/r2024/04/index.html", "the office's own page")
        try site.write("content/r2024/04.md", "---\ntitle: 四、下一步安排\n---\n继续推进。\n")
        let before = site.snapshot()
        do {
            _ = try SiteBuilder(root: site.root).write()
            Issue.record("a build replaced a file it did not make")
        } catch {
            #expect(error.description.contains("public:1:1: error: public/r2024/04/index.html is a file gongkai did not make"), "\(error.description)")
        }
        #expect(site.snapshot() == before)
        try site.remove("public/r2024/04")
        try site.write("public/r2024/04", "a file where the page's folder goes")
        do {
            _ = try SiteBuilder(root: site.root).write()
            Issue.record("a build removed a file it did not make")
        } catch {
            #expect(error.description.contains("public/r2024/04, a file gongkai did not make, cannot be kept"), "\(error.description)")
        }
        #expect(site.output("r2024/04") == "a file where the page's folder goes")
    }

    /// A stale entry of the previous manifest that someone replaced by a symbolic link is removed as the link, never
    /// followed; a page whose file became a link is written as a plain file again.
    @Test func linksAtGongkaisPathsAreNeverFollowed() throws {
        let site = try SiteFixture(smallSite)
        _ = try SiteBuilder(root: site.root).write()
        try site.write("outside.txt", "outside")
        let page = site.root.appendingPathComponent("public/r2024/01/index.html")
        try FileManager.default.removeItem(at: page)
        try FileManager.default.createSymbolicLink(atPath: page.path, withDestinationPath: site.root.appendingPathComponent("outside.txt").path)
        _ = try SiteBuilder(root: site.root).write()
        #expect(site.output("r2024/01/index.html")?.contains("<html") == true)
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: page.path)) == nil)
        #expect(String(decoding: try Data(contentsOf: site.root.appendingPathComponent("outside.txt")), as: UTF8.self) == "outside")
    }
}

/// Files someone adds to, or replaces in, the folder while a build runs are in the old tree only once it is
/// swapped out: they are saved into the new site, not removed with the old tree.
@Suite struct FilesAddedDuringABuildTests {
    @Test func aFileAddedOrReplacedDuringTheBuildIsKept() throws {
        let site = try SiteFixture(smallSite)
        _ = try SiteBuilder(root: site.root).write()
        try site.write("public/uploads/a.pdf", "old upload")
        try site.write("content/r2024/03.md", "---\ntitle: 三、存在的不足\n---\n仍存在一些不足,需要改进。\n")
        let root = site.root
        let once = Locked(false)
        let progress = BuildProgress { _, _ in
            guard once.withLock({ done in defer { done = true }; return !done }) else { return }
            // During the build: a new upload, and the old one replaced (a new file renamed over it).
            try? Data("late upload".utf8).write(to: root.appendingPathComponent("public/uploads/late.pdf"))
            try? Data("new upload".utf8).write(to: root.appendingPathComponent("public/uploads/.a.tmp"))
            _ = rename(root.appendingPathComponent("public/uploads/.a.tmp").path, root.appendingPathComponent("public/uploads/a.pdf").path)
        }
        let report = try SiteBuilder(root: site.root, progress: progress).write()
        #expect(once.withLock { $0 }, "the progress callback ran during the build")
        #expect(site.output("uploads/late.pdf") == "late upload")
        #expect(site.output("uploads/a.pdf") == "new upload")
        #expect(report.summary.kept.contains("uploads/late.pdf"))
        #expect(report.summary.previousKeptAt == nil)
        #expect(site.output("r2024/03/index.html")?.contains("需要改进") == true)
    }
}
