import Crypto
import Testing
@testable import GongkaiBuild

struct OutputRecordsTests {
    /// Records read back as what they were given: paths in order, written ones, and entries equal to those the
    /// manifest makes of the same files, across chunks and with a record longer than a chunk.
    @Test func recordsReadBackAsTheEntriesTheManifestMakes() {
        var files: [OutputFile] = []
        for i in 0..<30_000 {
            files.append(OutputFile(path: "r\(i % 97)/\(i)/index.html", bytes: Array("第\(i)页".utf8), kind: i % 3 == 0 ? .topic : .data,
                                    title: i % 5 == 0 ? "" : "标题\u{0}\"\\\(i)", reportID: i % 2 == 0 ? "r\(i % 97)" : nil))
        }
        files.insert(OutputFile(path: "big/" + String(repeating: "长", count: 400_000) + ".html", bytes: [1, 2, 3], kind: .full,
                                title: String(repeating: "题", count: 300_000)), at: 12_345)
        var withEntries = OutputRecords()
        var pathsOnly = OutputRecords()
        for (i, file) in files.enumerated() {
            withEntries.append(file, written: i % 7 != 0, basePath: "/fzzfjs/", digest: SHA256.hash(data: file.bytes))
            pathsOnly.append(file, written: i % 7 != 0, basePath: "", digest: nil)
        }
        #expect(withEntries.count == files.count)
        #expect(withEntries.paths() == files.map(\.path))
        #expect(withEntries.writtenPaths() == files.enumerated().filter { $0.offset % 7 != 0 }.map(\.element.path))
        #expect(withEntries.entries() == files.map { Manifest.Entry(file: $0, basePath: "/fzzfjs/") })
        #expect(pathsOnly.paths() == files.map(\.path))
        #expect(pathsOnly.writtenPaths() == withEntries.writtenPaths())
        #expect(pathsOnly.entries().isEmpty)
        #expect(OutputRecords().paths().isEmpty)
    }
}
