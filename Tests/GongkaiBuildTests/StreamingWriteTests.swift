import Foundation
import Testing
@testable import GongkaiBuild
import GongkaiCore

/// `SiteBuilder.write(to:)` (what `gongkai build` runs) writes each file as it is rendered; it must give exactly what
/// the in-memory build writes and keep the writer's rules.
@Suite struct StreamingWriteTests {
    /// Folders are made with their missing parents; an existing folder is fine, a file in a folder's place is an
    /// error that names it, and a failed write is reported rather than lost.
    @Test func foldersAreMadeWithTheirParentsAndAFileInTheWayIsAnError() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-folders-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        let deep = base.path + "/a/b/项城/d"
        try StreamingOutput.makeFolders(deep)
        var isDir: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: deep, isDirectory: &isDir) && isDir.boolValue)
        try StreamingOutput.makeFolders(deep)  // already there
        try StreamingOutput.makeFolders(base.path + "/a/b")
        try Data("x".utf8).write(to: URL(fileURLWithPath: base.path + "/a/file"))
        #expect(throws: (any Error).self) { try StreamingOutput.makeFolders(base.path + "/a/file") }
        #expect(throws: (any Error).self) { try StreamingOutput.makeFolders(base.path + "/a/file/below") }
        // Many jobs making overlapping folders at once.
        DispatchQueue.concurrentPerform(iterations: 64) { i in
            #expect((try? StreamingOutput.makeFolders(base.path + "/p/\(i % 4)/\(i % 8)/\(i)")) != nil)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: base.path + "/p").count == 4)
    }

    /// A later build keeps a file only when it holds exactly the new bytes: any one byte changed (inside a read
    /// piece, at the edges of the 64 KB pieces, first or last), a shorter or longer file, a folder or no file at all
    /// each count as different.
    @Test func aFileHoldsTheBytesOnlyWhenEveryByteAndTheLengthMatch() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-holds-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        let path = base.path + "/f.bin"
        func put(_ bytes: [UInt8]) throws { try Data(bytes).write(to: URL(fileURLWithPath: path)) }
        for count in [0, 1, 7, 65_535, 65_536, 65_537, 200_000] {
            let bytes = (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 8) }
            try put(bytes)
            #expect(StreamingOutput.holds(bytes, at: path), "\(count) bytes")
            for at in Set([0, count / 2, 65_535, 65_536, count - 1]) where at >= 0 && at < count {
                var other = bytes
                other[at] ^= 0x01
                #expect(!StreamingOutput.holds(other, at: path), "\(count) bytes, byte \(at) changed")
            }
            #expect(!StreamingOutput.holds(bytes + [0], at: path), "\(count) bytes, one more expected")
            if count > 0 { #expect(!StreamingOutput.holds(Array(bytes.dropLast()), at: path), "\(count) bytes, one fewer expected") }
        }
        #expect(!StreamingOutput.holds([], at: base.path + "/missing"))
        #expect(!StreamingOutput.holds([], at: base.path))
    }

    /// The output's file list: files at every depth (hidden ones and CJK names too), folders themselves left out;
    /// removing a file takes the folders it leaves empty, up to the first that still holds something.
    @Test func theFileTreeListsEveryFileAndRemovesOnlyFoldersLeftEmpty() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-tree-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        let files = ["index.html", ".hidden", "a/b/项城/页.html", "a/b/c.txt", "a/d/e/f/g.js", "empty-next/x"]
        for file in files {
            let url = base.appendingPathComponent(file)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.utf8).write(to: url)
        }
        try FileManager.default.createDirectory(at: base.appendingPathComponent("a/empty"), withIntermediateDirectories: true)
        #expect(FileTree.entries(in: base.path).filter { $0.kind != .folder }.map(\.path).sorted() == files.sorted())
        #expect(FileTree.entries(in: base.path).filter { $0.kind == .folder }.map(\.path).sorted() == ["a", "a/b", "a/b/项城", "a/d", "a/d/e", "a/d/e/f", "a/empty", "empty-next"])
        #expect(FileTree.entries(in: base.path + "/missing").isEmpty)
        // Links are listed as links, never followed; a tree is removed without following them.
        try FileManager.default.createSymbolicLink(atPath: base.path + "/a/up", withDestinationPath: "..")
        #expect(FileTree.entries(in: base.path).first { $0.path == "a/up" }?.kind == .symlink)
        let copy = base.path + "-copy"
        try FileManager.default.copyItem(atPath: base.path, toPath: copy)
        try FileManager.default.createSymbolicLink(atPath: copy + "/outside", withDestinationPath: base.path)
        #expect(FileTree.removeTree(copy))
        #expect(!FileManager.default.fileExists(atPath: copy))
        #expect(FileManager.default.fileExists(atPath: base.path + "/a/b/c.txt"))
        try FileManager.default.removeItem(atPath: base.path + "/a/up")

        try FileManager.default.removeItem(at: base.appendingPathComponent("a/d/e/f/g.js"))
        FileTree.removeEmptyFolders(above: "a/d/e/f/g.js", in: base.path)
        #expect(!FileManager.default.fileExists(atPath: base.path + "/a/d"))
        #expect(FileManager.default.fileExists(atPath: base.path + "/a/b/c.txt"))
        try FileManager.default.removeItem(at: base.appendingPathComponent("a/b/项城/页.html"))
        FileTree.removeEmptyFolders(above: "a/b/项城/页.html", in: base.path)
        #expect(!FileManager.default.fileExists(atPath: base.path + "/a/b/项城"))
        #expect(FileManager.default.fileExists(atPath: base.path + "/a/b"))
        #expect(FileManager.default.fileExists(atPath: base.path))
    }

    @Test func writesExactlyWhatTheInMemoryBuildWrites() throws {
        let site = try SiteFixture(twoYearSite)
        let streamed = site.root.appendingPathComponent("streamed")
        let report = try SiteBuilder(root: site.root).write(to: streamed)
        try site.build()
        let inMemory = site.snapshot()
        let written = site.snapshot(of: "streamed")
        #expect(!written.isEmpty)
        #expect(written == inMemory)
        #expect(report.summary.written.count == written.count)
        #expect(report.pages == written.keys.filter { $0.hasSuffix(".html") }.count)
        let left = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.hasPrefix(".streamed.") && $0 != ".streamed.lock" }
        #expect(left.isEmpty, "\(left)")
    }

    /// Folders of killed builds are removed by the next build: this machine's once their process is gone; another
    /// machine's (a site folder on a network share, where process ids mean nothing here) only once a day old, so
    /// that a build running there is never disturbed.
    @Test func killedBuildsFoldersGoButOtherMachinesRunningOnesStay() throws {
        let site = try SiteFixture(smallSite)
        let fm = FileManager.default
        let own = StreamingOutput.hostTag
        let dead: Int32 = 4_194_001  // above Linux's largest process id
        let names = [".public.tmp-\(own)-\(dead)", ".public.staging-\(dead)", ".public.staging-other_machine-\(dead)",
                     ".public.tmp-other_machine-\(dead + 1)", ".public.tmp-\(own)-\(getpid())"]
        for name in names { try fm.createDirectory(at: site.root.appendingPathComponent(name + "/r2024"), withIntermediateDirectories: true) }
        // One of the other machine's folders was last touched two days ago.
        try fm.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -2 * 86_400)],
                             ofItemAtPath: site.root.appendingPathComponent(names[3]).path)
        _ = try SiteBuilder(root: site.root).write()
        let left = try fm.contentsOfDirectory(atPath: site.root.path).filter { $0.hasPrefix(".public.") && $0 != ".public.lock" }.sorted()
        #expect(left == [names[2]], "\(left)")
        #expect(!own.isEmpty && !own.contains("-") && !own.contains("/"))
    }

    @Test func laterWritesReplaceOnlyChangedFilesAndRemoveStaleOnes() throws {
        let site = try SiteFixture(smallSite)
        _ = try SiteBuilder(root: site.root).write()
        let again = try SiteBuilder(root: site.root).write()
        #expect(again.summary.written.isEmpty)
        #expect(again.summary.unchanged == again.manifest.files.count + 1)
        try site.write("content/r2024/03.md", "---\ntitle: 三、存在的不足\n---\n仍存在一些不足,需要改进。\n")
        let changed = try SiteBuilder(root: site.root).write()
        #expect(Set(changed.summary.written.filter { !$0.hasPrefix("search/") }) == ["r2024/03/index.html", "r2024/full/index.html", "manifest.json"])
        try site.remove("content/r2024/03.md")
        let removed = try SiteBuilder(root: site.root).write()
        #expect(removed.summary.removed.filter { !$0.hasPrefix("search/") } == ["r2024/03/index.html"])
        #expect(site.output("r2024/03/index.html") == nil)
        #expect(site.output("r2024/index.html") != nil)
    }

    @Test func anIncrementalUpdateWritesTheGivenFilesAndRemovesFilesWithTheirEmptyFolders() throws {
        let site = try SiteFixture(smallSite)
        let out = site.root.appendingPathComponent("public")
        let writer = OutputWriter(destination: out)
        let refused = #expect(throws: DiagnosticError.self) { try writer.update(changed: [], removed: []) }
        #expect(refused?.description.contains("needs a whole build first") == true)
        _ = try SiteBuilder(root: site.root).write()
        let stale = "extra/deep/old.txt"
        try FileManager.default.createDirectory(at: out.appendingPathComponent("extra/deep"), withIntermediateDirectories: true)
        try Data("old\n".utf8).write(to: out.appendingPathComponent(stale))
        let summary = try writer.update(changed: [OutputFile(path: "extra/new.txt", bytes: Array("new\n".utf8), kind: .asset)], removed: [stale])
        #expect(summary.written == ["extra/new.txt"])
        #expect(summary.removed == [stale])
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("extra/deep").path))
        #expect(FileManager.default.contents(atPath: out.appendingPathComponent("extra/new.txt").path) == Data("new\n".utf8))
    }

    @Test func aFailedBuildWritesNothingAndAForeignFolderIsRefused() throws {
        let site = try SiteFixture(smallSite)
        _ = try SiteBuilder(root: site.root).write()
        let before = site.snapshot()
        try site.write("content/r2024/03.md", "---\ntitle: 三、存在的不足\n---\n见[不存在的页面](../nowhere/)。\n")
        #expect(throws: DiagnosticError.self) { try SiteBuilder(root: site.root).write() }
        #expect(site.snapshot() == before)

        let foreign = site.root.appendingPathComponent("foreign")
        try FileManager.default.createDirectory(at: foreign, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: foreign.appendingPathComponent("notes.txt"))
        try site.write("content/r2024/03.md", "---\ntitle: 三、存在的不足\n---\n正文。\n")
        do {
            _ = try SiteBuilder(root: site.root).write(to: foreign)
            Issue.record("a folder Gongkai did not write was overwritten")
        } catch {
            #expect(error.diagnostics.first?.message.contains("did not write") == true)
        }
        #expect(FileManager.default.contents(atPath: foreign.appendingPathComponent("notes.txt").path) == Data("mine".utf8))
    }
}

/// The pipeline renders a few reports at a time and checks the site alongside the last stage (`SitePipeline`): its
/// output and its errors must not depend on the window size or on the output (in memory, or streamed to disk).
@Suite struct FirstBuildStreamingTests {
    /// Three reports of one series (year-over-year tables span windows), a fourth without indicators, search on.
    static let site = twoYearSite + """

    -- content/r2022/report.yaml --
    title: 测试市2022年法治政府建设年度报告
    year: 2022
    series: 法治政府建设年度报告
    publisher: 测试市人民政府
    -- content/r2022/01.md --
    ---
    title: 一、政务服务
    ---
    ## 事项梳理

    全市梳理政务服务事项2300项,见[2024年](../../r2024/02/02/)。
    -- content/r2022/indicators.yaml --
    indicators:
      - id: zwfw-shixiang
        topic: "01"
        label: 政务服务事项
        value: 2300
        unit: 项
        written: 2300项
        quote: 全市梳理政务服务事项2300项
    -- content/notes/report.yaml --
    title: 测试市政务公开工作要点
    year: 2021
    -- content/notes/01.md --
    ---
    title: 一、要点
    ---
    ## 公开

    按要求公开。

    #### 跳级的标题

    正文。
    """

    @Test func everyWindowSizeWritesWhatTheInMemoryBuildWrites() throws {
        let site = try SiteFixture(Self.site)
        let warnings = try site.build().diagnostics.map(\.description)
        #expect(warnings.contains { $0.contains("heading level skipped: `跳级的标题`") })
        let inMemory = site.snapshot()
        #expect(inMemory["r2024/02/02/index.html"].map { String(decoding: $0, as: UTF8.self).contains("2300项") } == true)
        for window in [1, 2, 3, 640] {
            var builder = SiteBuilder(root: site.root)
            builder.streamWindow = window
            let folder = "streamed-\(window)"
            let report = try builder.write(to: site.root.appendingPathComponent(folder))
            let written = site.snapshot(of: folder)
            #expect(written.keys.sorted() == inMemory.keys.sorted(), "window of \(window) documents")
            #expect(written.filter { inMemory[$0.key] != $0.value }.keys.sorted() == [], "files that differ, window of \(window) documents")
            #expect(report.summary.written.count == written.count)
            #expect(report.diagnostics.map(\.description) == warnings)
        }
    }

    /// A later build streams too, into a staging folder: after an edit it writes what the in-memory build writes,
    /// touching only the files that changed; when it fails, the output folder stays as it was, staging folder gone.
    @Test func aLaterBuildStagesItsChangesAndAFailedOneLeavesTheOutputAsItWas() throws {
        let site = try SiteFixture(Self.site)
        var builder = SiteBuilder(root: site.root)
        builder.streamWindow = 1
        _ = try builder.write(to: site.root.appendingPathComponent("streamed"))
        let untouched = site.root.appendingPathComponent("streamed/r2022/01/index.html").path
        let longAgo = Date(timeIntervalSince1970: 1_000_000_000)
        try FileManager.default.setAttributes([.modificationDate: longAgo], ofItemAtPath: untouched)
        try site.write("content/r2023/01.md", "---\ntitle: 一、政务服务\n---\n全市梳理政务服务事项2400项,办结率持续提升。\n")
        try site.remove("content/r2024/03.md")
        let report = try builder.write(to: site.root.appendingPathComponent("streamed"))
        try site.build()
        let inMemory = site.snapshot(), written = site.snapshot(of: "streamed")
        #expect(written.keys.sorted() == inMemory.keys.sorted())
        #expect(written.filter { inMemory[$0.key] != $0.value }.keys.sorted() == [])
        #expect(report.summary.written.contains("r2023/01/index.html"))
        #expect(!report.summary.written.contains("r2022/01/index.html"))
        #expect(report.summary.removed.contains("r2024/03/index.html"))
        #expect(report.summary.unchanged > 0)
        #expect(try FileManager.default.attributesOfItem(atPath: untouched)[.modificationDate] as? Date == longAgo, "an unchanged file was written")
        let before = site.snapshot(of: "streamed")
        try site.write("content/r2023/01.md", "---\ntitle: 一、政务服务\n---\n全市梳理政务服务事项2401项,见[不存在](../../r2024/09/)。\n")
        #expect(throws: DiagnosticError.self) { try builder.write(to: site.root.appendingPathComponent("streamed")) }
        #expect(site.snapshot(of: "streamed") == before)
        let left = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.hasPrefix(".streamed") && $0 != ".streamed.lock" }
        #expect(left.isEmpty, "\(left)")
    }

    /// A streaming build stops making files at the first window whose report has an error already known (a link
    /// to no page, a quote not in the text), but goes on rendering bodies so that the end reports every error.
    @Test func aKnownErrorStopsTheFilesButNotTheBodies() throws {
        for (path, text) in [("content/r2024/01.md", "---\ntitle: 一、加强领导\n---\n见[不存在](../09/)。\n"),
                             ("content/r2024/01.md", "---\ntitle: 一、加强领导\n---\n市委主要领导带头学法15次。\n")] {
            let site = try SiteFixture(Self.site)
            try site.write(path, text)
            let output = CountingOutput()
            let run = Self.pipeline.run(SiteAssembler().assemble(try SiteLoader(root: site.root, deferBodies: true).load()), into: output)
            #expect(run.failed)
            #expect(output.count == 0, "\(text)")
            #expect(run.facts.count == 4 && run.facts.last.map { $0.fullAnchors.count > 0 } == true, "the last report’s bodies were rendered: \(run.facts.count) \(run.facts.map(\.fullAnchors.count))")
        }
        let site = try SiteFixture(Self.site)
        let output = CountingOutput()
        let run = Self.pipeline.run(SiteAssembler().assemble(try SiteLoader(root: site.root, deferBodies: true).load()), into: output)
        #expect(!run.failed)
        #expect(output.count > 40)
    }

    /// An output folder where no tree can be staged beside it (a mount point) is updated in place, with the same
    /// result. An output that is a symbolic link to a folder elsewhere is swapped beside the folder it points to (the
    /// link stays a link); its lock and staging folders are there too.
    @Test func anOutputFolderElsewhereIsUpdatedInPlaceOrSwappedBesideItsTarget() throws {
        for swaps in [false, true] {
            let site = try SiteFixture(Self.site)
            let elsewhere = URL(fileURLWithPath: "/dev/shm/gongkai-test-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
            defer {
                try? FileManager.default.removeItem(at: elsewhere)
                try? FileManager.default.removeItem(atPath: "/dev/shm/.\(elsewhere.lastPathComponent).lock")
            }
            let link = site.root.appendingPathComponent("linked")
            try FileManager.default.createSymbolicLink(at: link, withDestinationURL: elsewhere)
            var builder = SiteBuilder(root: site.root)
            builder.swapsOutput = swaps
            _ = try builder.write(to: link)
            try site.write("content/r2023/01.md", "---\ntitle: 一、政务服务\n---\n全市梳理政务服务事项2400项,办结率持续提升。\n")
            let report = try builder.write(to: link)
            #expect(report.summary.written.contains("r2023/01/index.html"))
            #expect(report.summary.replacedInPlace == !swaps)
            try site.build()
            let inMemory = site.snapshot()
            var written: [String: Data] = [:]
            for case let path as String in FileManager.default.enumerator(atPath: elsewhere.path)?.allObjects ?? [] {
                var isDir: ObjCBool = false
                let file = elsewhere.appendingPathComponent(path).path
                if FileManager.default.fileExists(atPath: file, isDirectory: &isDir), !isDir.boolValue { written[path] = FileManager.default.contents(atPath: file) }
            }
            #expect(!written.isEmpty)
            #expect(written.keys.sorted() == inMemory.keys.sorted())
            #expect(written.filter { inMemory[$0.key] != $0.value }.keys.sorted() == [])
            #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: link.path)) == elsewhere.path)
            let left = try FileManager.default.contentsOfDirectory(atPath: "/dev/shm").filter { $0.hasPrefix(".\(elsewhere.lastPathComponent).") }
            #expect(left == [".\(elsewhere.lastPathComponent).lock"], "\(left)")
        }
    }

    /// A copied file of the previous build in the place of a new page's folder goes first; the build succeeds.
    @Test func aFileMadeATopicFolderIsReplaced() throws {
        let site = try SiteFixture(Self.site)
        try site.write("content/r2022/foo", "a file\n")
        _ = try SiteBuilder(root: site.root).write()
        #expect(site.output("r2022/foo") == "a file\n")
        try site.remove("content/r2022/foo")
        try site.write("content/r2022/foo.md", "---\ntitle: 二、新的一节\n---\n正文。\n")
        _ = try SiteBuilder(root: site.root).write()
        #expect(site.output("r2022/foo/index.html")?.contains("二、新的一节") == true)
        let inMemory = site.snapshot()
        try site.build()
        #expect(site.snapshot() == inMemory)
    }

    /// A broken link, a quote not in the text, a missing anchor, a missing template: the first build fails as the
    /// in-memory build does, with the same errors, and leaves neither the output folder nor its temporary folder.
    @Test func aFailedFirstBuildLeavesNothingAndSaysWhatTheOtherBuildSays() throws {
        let breakages: [(String, String)] = [
            ("content/r2022/01.md", "---\ntitle: 一、政务服务\n---\n全市梳理政务服务事项2300项,见[不存在](../../r2024/09/)。\n"),
            ("content/r2023/01.md", "---\ntitle: 一、政务服务\n---\n全市梳理政务服务事项2401项。\n"),
            ("content/r2022/01.md", "---\ntitle: 一、政务服务\n---\n全市梳理政务服务事项2300项,见[2024年](../../r2024/02/02/#没有)。\n"),
        ]
        for (path, text) in breakages {
            let site = try SiteFixture(Self.site)
            try site.write(path, text)
            let expected = try #require(site.buildErrors())
            try? FileManager.default.removeItem(at: site.root.appendingPathComponent("public"))
            var builder = SiteBuilder(root: site.root)
            builder.streamWindow = 1
            do {
                _ = try builder.write()
                Issue.record("\(path): the first build did not fail")
            } catch {
                #expect(error.description == expected)
            }
            let left = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { ($0.hasPrefix("public") || $0.hasPrefix(".public")) && $0 != ".public.lock" }
            #expect(left.isEmpty, "\(path): \(left)")
        }
        let site = try SiteFixture(Self.site)
        try site.remove("theme/templates/indicators.mustache")
        let expected = try #require(site.buildErrors())
        #expect(expected.contains("indicators.mustache"))
        try? FileManager.default.removeItem(at: site.root.appendingPathComponent("public"))
        do {
            _ = try SiteBuilder(root: site.root).write()
            Issue.record("a first build without a template did not fail")
        } catch {
            #expect(error.description == expected)
        }
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("public").path))
    }
}

/// Counts the files a pipeline makes.
private final class CountingOutput: SiteOutput {
    private let made = Locked(0)
    func put(_ file: OutputFile) { made.withLock { $0 += 1 } }
    var count: Int { made.withLock { $0 } }
}

extension FirstBuildStreamingTests {
    /// The pipeline one report at a time.
    static var pipeline: SitePipeline {
        var pipeline = SitePipeline(options: BuildOptions(), publishingChecks: false, progress: nil)
        pipeline.window = 1
        return pipeline
    }
}
