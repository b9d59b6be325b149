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
}
