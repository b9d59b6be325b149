import Foundation
import Testing
@testable import GongkaiBuild
import GongkaiCore

/// Issue #31, item 6: one build at a time per output folder.
@Suite struct OutputLockTests {
    /// While the lock is held (another build, or `serve --write`), a build says so and changes nothing; once it is
    /// let go, the build runs.
    @Test func aSecondBuildSaysAnotherIsRunning() throws {
        let site = try SiteFixture(smallSite)
        _ = try SiteBuilder(root: site.root).write()
        try site.write("content/r2024/03.md", "---\ntitle: 三、存在的不足\n---\n仍存在一些不足,需要改进。\n")
        let before = site.snapshot()
        var held: OutputLock? = try OutputLock(destination: site.root.appendingPathComponent("public"))
        for write in [{ () throws in _ = try SiteBuilder(root: site.root).write() },
                      { () throws in _ = try SiteBuilder(root: site.root).buildAndWrite() }] {
            do {
                try write()
                Issue.record("a second build ran")
            } catch let error as DiagnosticError {
                #expect(error.description.hasPrefix("public:1:1: error: another gongkai build is writing public/ now (process \(getpid()) on "), "\(error.description)")
                #expect(error.description.contains("wait until it has finished, then build again"))
            }
        }
        #expect(site.snapshot() == before)
        #expect(held != nil)
        held = nil
        let report = try SiteBuilder(root: site.root).write()
        #expect(report.summary.written.contains("r2024/03/index.html"))
    }

    /// The lock is beside the output (a swap replaces the folder itself), and stays there.
    @Test func theLockFileIsBesideTheOutput() throws {
        let site = try SiteFixture(smallSite)
        _ = try SiteBuilder(root: site.root).write()
        _ = try SiteBuilder(root: site.root).write()
        #expect(FileManager.default.fileExists(atPath: site.root.appendingPathComponent(".public.lock").path))
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("public/.public.lock").path))
    }

    /// After a swap the folder in place is a new folder holding the new tree; unchanged files are the same files
    /// (hard links, not copies), and nothing of the staging is left.
    @Test func aLaterBuildSwapsTheWholeTree() throws {
        let site = try SiteFixture(smallSite)
        _ = try SiteBuilder(root: site.root).write()
        var before = stat(), after = stat(), pageBefore = stat(), pageAfter = stat()
        let page = site.root.appendingPathComponent("public/r2024/01/index.html").path
        #expect(stat(site.root.appendingPathComponent("public").path, &before) == 0 && stat(page, &pageBefore) == 0)
        try site.write("content/r2024/03.md", "---\ntitle: 三、存在的不足\n---\n仍存在一些不足,需要改进。\n")
        #expect(chmod(site.root.appendingPathComponent("public").path, 0o2775) == 0)
        let report = try SiteBuilder(root: site.root).write()
        #expect(stat(site.root.appendingPathComponent("public").path, &after) == 0 && stat(page, &pageAfter) == 0)
        #expect(after.st_mode & 0o7777 == 0o2775, "the new folder has the old one's permissions")
        #expect(before.st_ino != after.st_ino, "the folder was swapped")
        #expect(pageBefore.st_ino == pageAfter.st_ino, "an unchanged page is the same file")
        #expect(report.summary.written.contains("r2024/03/index.html"))
        let left = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.hasPrefix(".public.") && $0 != ".public.lock" }
        #expect(left.isEmpty, "\(left)")
    }
}
