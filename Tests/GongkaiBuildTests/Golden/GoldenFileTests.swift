import Testing
import GongkaiBuild

/// The golden file format gives back every file's bytes, and the diff says what changed where.
@Suite struct GoldenFileTests {
    static let files: [String: [UInt8]] = [
        "a.html": Array("<p>一</p>\n<p>二</p>\n".utf8),
        "b/no-newline.txt": Array("last line".utf8),
        "b/empty.txt": [],
        "b/only-newline.txt": [0x0A],
        "c/blank-lines.txt": Array("\n\nx\n\n".utf8),
        "d/header-like.md": Array("text\n-- a.html --\n".utf8),
        "e/crlf.csv": Array("\u{FEFF}a,b\r\n1,2\r\n".utf8),
        "e/crlf-no-newline.txt": Array("a\r\nb".utf8),
        "e/mixed.txt": Array("a\r\nb\nc\rd".utf8),
        "f/logo.png": [0x89, 0x50, 0x4E, 0x47, 0x00, 0xFF],
        "g/skipped.html": Array("kept by digest\n".utf8),
    ]

    @Test func readsBackWhatItRecords() throws {
        let golden = GoldenFile(recording: Self.files, comments: ["a comment", "  indented"], fullText: { $0 != "g/skipped.html" })
        let bytes = golden.rendered()
        let read = try GoldenFile(reading: bytes)
        #expect(read == golden)
        #expect(read.comments == ["a comment", "  indented"])
        #expect(GoldenDiff().compare(read, Self.files) == nil)
        let digests = read.entries.filter { if case .digest = $0.content { true } else { false } }.map(\.path)
        #expect(digests == ["d/header-like.md", "e/mixed.txt", "f/logo.png", "g/skipped.html"])
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("-- b/no-newline.txt (no final newline) --\nlast line\n-- b/only-newline.txt --\n\n-- c/blank-lines.txt --\n\n\nx\n\n-- d/header-like.md (18 bytes, sha256 "))
        #expect(text.contains("-- e/crlf-no-newline.txt (CRLF line ends, no final newline) --\na\nb\n-- e/crlf.csv (CRLF line ends) --\n\u{FEFF}a,b\n1,2\n-- e/mixed.txt ("))
        #expect(!text.contains("\r"))
        #expect(text.contains("-- b/empty.txt --\n-- b/no-newline.txt"))
    }

    @Test func refusesAMalformedFile() {
        #expect(throws: GoldenFile.ReadError.self) { try GoldenFile(reading: Array("stray text\n-- a --\n".utf8)) }
        #expect(throws: GoldenFile.ReadError.self) { try GoldenFile(reading: Array("-- b --\n-- a --\n".utf8)) }
        let digest = "-- a (3 bytes, sha256 \(String(repeating: "0", count: 64))) --\nx\n"
        #expect(throws: GoldenFile.ReadError.self) { try GoldenFile(reading: Array(digest.utf8)) }
    }

    @Test func diffShowsPathLinesAndDigests() throws {
        let golden = GoldenFile(recording: Self.files, comments: [], fullText: { $0 != "g/skipped.html" })
        var built = Self.files
        built["a.html"] = Array("<p>一</p>\n<p>三</p>\n".utf8)
        built["g/skipped.html"] = Array("changed\n".utf8)
        built["b/empty.txt"] = nil
        built["h/new.txt"] = Array("new\n".utf8)
        let message = try #require(GoldenDiff().compare(golden, built))
        #expect(message.hasPrefix("2 of 11 recorded files differ, 1 missing, 1 new\n"))
        #expect(message.contains("missing (recorded, not built): b/empty.txt\nnew (built, not recorded): h/new.txt\n"))
        #expect(message.contains("--- a.html\n@@ line 2, column 4: 1 recorded, 1 built @@\n  <p>一</p>\n- <p>二</p>\n+ <p>三</p>\n"))
        #expect(message.contains("--- g/skipped.html: recorded 15 bytes, sha256 "))
        #expect(message.contains("built 8 bytes, sha256 "))
    }

    @Test func longLinesAreShownAroundTheirFirstDifference() throws {
        let line = String(repeating: "甲", count: 500)
        let golden = GoldenFile(recording: ["s.js": Array((line + "乙" + line + "\n").utf8)], comments: [])
        let message = try #require(GoldenDiff().compare(golden, ["s.js": Array((line + "丙" + line + "\n").utf8)]))
        #expect(message.contains("@@ line 1, column 501: 1 recorded, 1 built @@"))
        let removed = try #require(message.split(separator: "\n").first { $0.hasPrefix("- ") })
        #expect(removed.contains("乙") && removed.hasPrefix("- …") && removed.hasSuffix("…"))
        #expect(removed.count < 170)
    }

    @Test func separateChangesAreSeparateRuns() {
        let old = (1...20).map { Substring("line \($0)") }
        var new = old
        new[2] = "changed 3"
        new[14] = "changed 15"
        new.insert("inserted", at: 10)
        #expect(LineDiff(old, new).hunks() == [
            .init(old: 2..<3, new: 2..<3), .init(old: 10..<10, new: 10..<11), .init(old: 14..<15, new: 15..<16),
        ])
        #expect(LineDiff(old, old).hunks().isEmpty)
        #expect(LineDiff([], ["a"]).hunks() == [.init(old: 0..<0, new: 0..<1)])
        var limited = LineDiff(old, new)
        limited.maxEdits = 2
        #expect(limited.hunks() == [.init(old: 2..<15, new: 2..<16)], "beyond the limit: one run from the first change to the last")
    }
}
