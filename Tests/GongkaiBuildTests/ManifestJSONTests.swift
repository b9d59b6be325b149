import Foundation
import Testing
@testable import GongkaiBuild

/// The manifest is written by hand for speed; it must be byte for byte what Foundation's encoder writes.
@Suite struct ManifestJSONTests {
    @Test func handWrittenJSONEqualsFoundationEncoder() throws {
        let tricky = "引号\"反斜杠\\ 斜杠/ 换行\n 制表\t 回车\r 退格\u{08} 换页\u{0C} 控制\u{01}\u{1F} 分隔\u{2028} 表情😀"
        let files = [
            OutputFile(path: "index.html", bytes: Array("<p>首页</p>".utf8), kind: .home, title: tricky, reportID: nil),
            OutputFile(path: "r/01/index.html", bytes: [], kind: .topic, title: "一、根治欠薪", reportID: "r\"2024"),
            OutputFile(path: "assets/site.css", bytes: Array("body{}".utf8), kind: .asset),
        ]
        let manifest = Manifest(files: files, basePath: "/fzzfjs/")
        #expect(manifest.json() == manifest.encodedByFoundation())
        let decoded = try JSONDecoder().decode(Manifest.self, from: Data(manifest.json()))
        #expect(decoded == manifest)
        let empty = Manifest(files: [], basePath: "/")
        #expect(empty.json() == empty.encodedByFoundation())
    }

    /// An update that keeps the digest's text and patches hashes in place gives the manifest a whole rebuild
    /// gives, through changed, added and removed files (CJK paths too), edit after edit.
    @Test func updatesKeepingTheDigestTextGiveTheManifestOfAWholeBuild() {
        func file(_ path: String, _ text: String) -> OutputFile { OutputFile(path: path, bytes: Array(text.utf8), kind: .asset) }
        var current = ["a/index.html": "a", "b/项城.html": "b", "c.txt": "c", "z/最后.js": "z"]
        var manifest = Manifest(files: current.map { file($0.key, $0.value) }, basePath: "/")
        var chunks = manifest.files.map(Manifest.entryJSON)
        var text: ManifestDigestText? = nil
        let edits: [(changed: [String: String], removed: [String])] = [
            (["b/项城.html": "b2"], []),              // first update: the text is made
            (["a/index.html": "a3", "z/最后.js": "z3"], []),  // patched in place
            (["m/新.html": "new"], []),               // an added file: made again
            (["c.txt": "c4"], ["a/index.html"]),      // a removal: made again
            (["c.txt": "c5"], []),                    // patched again
        ]
        for (changed, removed) in edits {
            for path in removed { current[path] = nil }
            for (path, value) in changed { current[path] = value }
            manifest.update(changed: changed.map { file($0.key, $0.value) }.sorted { $0.path < $1.path }, removed: removed,
                            basePath: "/", chunks: &chunks, digestText: &text)
            let whole = Manifest(files: current.map { file($0.key, $0.value) }, basePath: "/")
            #expect(manifest == whole)
            #expect(manifest.digest == whole.digest)
            #expect(manifest.json(chunks: chunks) == whole.json())
            #expect(text?.digest == whole.digest)
        }
    }
}
