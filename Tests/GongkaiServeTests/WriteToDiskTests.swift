import Foundation
import GongkaiBuild
import GongkaiCore
import Testing
@testable import GongkaiServe

/// `gongkai serve --write`: the output folder follows every good build and is what is served, and an edit rewrites
/// exactly the files whose bytes changed (a rewritten file gets a new inode; the others are carried over and keep
/// theirs).
@Suite struct WriteToDiskTests {
    /// Every file below `folder` with its bytes and inode.
    private func snapshot(_ folder: URL) throws -> [String: (bytes: Data, inode: UInt64)] {
        var out: [String: (bytes: Data, inode: UInt64)] = [:]
        let walker = try #require(FileManager.default.enumerator(atPath: folder.path))
        for case let path as String in walker {
            let url = folder.appendingPathComponent(path)
            let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
            guard attributes[.type] as? FileAttributeType == .typeRegular else { continue }
            out[path] = (try Data(contentsOf: url), (attributes[.systemFileNumber] as? NSNumber)?.uint64Value ?? 0)
        }
        return out
    }

    /// What a whole in-memory build of the site gives, path → bytes.
    private func wholeBuild(_ site: TestSite) throws -> [String: Data] {
        let result = try SiteBuilder(root: site.root, options: BuildOptions()).build()
        return Dictionary(uniqueKeysWithValues: result.files.map { ($0.path, Data($0.bytes)) })
    }

    private func waitFor(_ condition: () throws -> Bool) async throws {
        for _ in 0..<200 where !(try condition()) { try await Task.sleep(for: .milliseconds(50)) }
    }

    @Test func theOutputFolderFollowsEachBuildAndOnlyChangedFilesAreRewritten() async throws {
        let site = try TestSite()
        defer { site.remove() }
        let output = site.root.appendingPathComponent("public")
        let server = try await RunningServer(site: site, output: output)
        let first = try snapshot(output)
        #expect(first.mapValues(\.bytes) == (try wholeBuild(site)))

        let text = try site.read("content/example-2025/01.md").replacingOccurrences(of: "示例段落。", with: "写入磁盘的修改。")
        try site.write("content/example-2025/01.md", text)
        let page = output.appendingPathComponent("example-2025/01/index.html")
        try await waitFor { (try? String(contentsOf: page, encoding: .utf8))?.contains("写入磁盘的修改。") == true }
        // The manifest is the last file written; give the rest of the write a moment to finish.
        try await waitFor { (try? Data(contentsOf: output.appendingPathComponent("manifest.json"))) != first["manifest.json"]?.bytes }
        // Between builds the server holds the folder's lock again: another build cannot write it.
        #expect(throws: GongkaiCore.DiagnosticError.self) { try OutputLock(destination: output) }
        await server.stop()

        let second = try snapshot(output)
        #expect(second.mapValues(\.bytes) == (try wholeBuild(site)))
        let changed = Set(second.keys.filter { second[$0]?.bytes != first[$0]?.bytes })
        let rewritten = Set(second.keys.filter { second[$0]?.inode != first[$0]?.inode })
        #expect(changed.contains("example-2025/01/index.html"))
        #expect(changed.contains("manifest.json"))
        #expect(!changed.contains("assets/site.css"))
        #expect(rewritten == changed)
    }

    @Test func aFolderGongkaiDidNotWriteIsRefused() async throws {
        let site = try TestSite()
        defer { site.remove() }
        let output = site.root.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try Data("mine\n".utf8).write(to: output.appendingPathComponent("notes.txt"))
        let server = try await RunningServer(site: site, output: output)
        let home = try await request(server.port, "/")
        await server.stop()
        #expect(try String(contentsOf: output.appendingPathComponent("notes.txt"), encoding: .utf8) == "mine\n")
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("index.html").path))
        #expect(home.text.contains("manifest.json"))
    }
}
