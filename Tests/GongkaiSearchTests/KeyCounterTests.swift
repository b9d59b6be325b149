@testable import GongkaiSearch
import GongkaiCore
import Testing

@Suite struct KeyCounterTests {
    /// What the counter must give, computed the plain way: a dictionary of every key's count, and the title's keys.
    static func reference(_ text: String, title: String) -> [UInt64] {
        func keys(_ norm: [UInt32]) -> [UInt64] {
            var out: [UInt64] = []
            for i in norm.indices where norm[i] != 0x20 {
                out.append(SearchPostings.key(norm[i], nil))
                if i + 1 < norm.count, norm[i + 1] != 0x20, !SearchText.separates(norm[i]), !SearchText.separates(norm[i + 1]) {
                    out.append(SearchPostings.key(norm[i], norm[i + 1]))
                }
            }
            return out
        }
        var counts: [UInt64: UInt64] = [:]
        for k in keys(SearchText.normalise(text)) { counts[k, default: 0] += 1 }
        let inTitle = Set(keys(SearchText.normalise(title)))
        return counts.map { $0.key << 22 | min($0.value, 0x1F_FFFF) << 1 | (inTitle.contains($0.key) ? 1 : 0) }.sorted()
    }

    @Test func countsCharactersAndPairsAndMarksTitleKeysAcrossDocuments() {
        var counter = KeyCounter(expected: 4)  // small, so that it grows
        let cases: [(String, String)] = [
            ("根治欠薪工作\n全年为农民工追讨工资报酬2530万元,欠薪案件动态清零。", "根治欠薪"),
            ("“互联网＋监管”、31.66%,a@b.cn《条例》〇々", "互联网+监管"),  // separators (full-width folded first) pair with nothing
            ("𠀀𠀁 𠀀 App APP ａｐｐ", "APP 标题里独有"),  // characters beyond the BMP, case and width folded, a title-only key
            ("", "空"),
            (String(repeating: "法治", count: 3000), "法治"),
        ]
        for (text, title) in cases {
            let got = SearchPostings.packedPostings(lines: [Array(text.utf8)], title: title, table: &counter, sorted: true)
            #expect(got == Self.reference(text, title: title), "\(title)")
        }
    }

    @Test func countsStopBelowTheMarkAndTheKey() {
        var counter = KeyCounter(expected: 16)
        for _ in 0..<0x20_0005 { counter.increment(character: 0x6CD5) }
        for _ in 0..<0x20_0005 { counter.increment(SearchPostings.key(0x6CD5, 0x6CBB)) }
        counter.mark(character: 0x6CD5)
        let entries = counter.packedEntries()
        #expect(entries == [SearchPostings.key(0x6CD5, nil) << 22 | 0x1F_FFFF << 1 | 1,
                            SearchPostings.key(0x6CD5, 0x6CBB) << 22 | 0x1F_FFFF << 1])
        counter.removeAll()
        #expect(counter.packedEntries().isEmpty)
    }

    @Test func postingListsUseBase36DifferencesAtEveryDigitBoundary() {
        let docs: [Int32] = [0, 35, 71, 1366, 2662, 49318, 95974]  // differences 35, 36, 1295, 1296, 46656 …
        let info: [UInt32] = [2, 3, 5 << 1, 36 << 1 | 1, 1295 << 1, 2, 1296 << 1]
        let text = String(decoding: SearchPostings.encodePostings(docs: docs, info: info), as: UTF8.self)
        #expect(text == "0,z*,10:5,zz:10*,100:zz,1000,1000:100")
        // The longest entry: a six-digit difference and a five-digit count (14 bytes with `,` `:` `*`).
        let widest = SearchPostings.encodePostings(docs: [0, Int32.max], info: [0x1F_FFFF << 1 | 1, 0x1F_FFFF << 1 | 1])
        #expect(String(decoding: widest, as: UTF8.self) == "0:18y67*,zik0zj:18y67*")
        // Lists continued window after window read as one.
        var continued = SearchPostings.encodePostings(docs: docs[..<3], info: info[..<3])
        SearchPostings.appendPostings(docs: docs[3...], info: info[3...], after: docs[2], to: &continued)
        #expect(String(decoding: continued, as: UTF8.self) == text)
    }

    @Test func compactPostingsGiveTheSameTextInFewerBytes() {
        func text(_ list: CompactPostings) -> String {
            var out: [UInt8] = []
            list.appendText(to: &out)
            #expect(out.count == list.textCount)
            return String(decoding: out, as: UTF8.self)
        }
        // Every digit boundary, the widest entry, and counts and differences on each side of the one-byte form.
        let docs: [Int32] = [0, 35, 71, 1366, 2662, 49318, 95974, 95981, 95982, 95990, Int32.max]
        let info: [UInt32] = [2, 3, 5 << 1, 36 << 1 | 1, 1295 << 1, 2, 1296 << 1, 8 << 1 | 1, 9 << 1, 0, 0x1F_FFFF << 1 | 1]
        var list = CompactPostings()
        list.append(docs: docs, info: info)
        #expect(text(list) == String(decoding: SearchPostings.encodePostings(docs: docs, info: info), as: UTF8.self))
        // Appended window by window, and (seeded, so the same every run) many small differences and counts.
        var generator = SplitMix64(seed: 9)
        var manyDocs: [Int32] = []
        var manyInfo: [UInt32] = []
        var doc: Int32 = 0
        for _ in 0..<5000 {
            doc += Int32(generator.next() % 12) + (manyDocs.isEmpty ? 0 : 1)
            manyDocs.append(doc)
            manyInfo.append(UInt32(generator.next() % 11 + 1) << 1 | UInt32(generator.next() % 2))
        }
        var windowed = CompactPostings()
        for start in stride(from: 0, to: manyDocs.count, by: 700) {
            let range = start..<min(manyDocs.count, start + 700)
            windowed.append(docs: manyDocs[range], info: manyInfo[range])
        }
        #expect(text(windowed) == String(decoding: SearchPostings.encodePostings(docs: manyDocs, info: manyInfo), as: UTF8.self))
        #expect(windowed.bytes.count * 2 < windowed.textCount)
        #expect(text(CompactPostings()) == "")
        // Each side of the one- and two-byte forms: differences 0, 1, 4, 5, 8, 9; counts 0, 1, 16, 17, 1,024, 1,025.
        var edgeDocs: [Int32] = []
        var edgeInfo: [UInt32] = []
        var at: Int32 = 0
        for difference: Int32 in [0, 1, 4, 5, 8, 9] {
            for count: UInt32 in [0, 1, 16, 17, 1024, 1025] {
                for title: UInt32 in [0, 1] {
                    at += edgeDocs.isEmpty ? difference : max(difference, 1)
                    edgeDocs.append(at)
                    edgeInfo.append(count << 1 | title)
                }
            }
        }
        var edges = CompactPostings()
        edges.append(docs: edgeDocs, info: edgeInfo)
        #expect(text(edges) == String(decoding: SearchPostings.encodePostings(docs: edgeDocs, info: edgeInfo), as: UTF8.self))
        // The longest entries: a difference of 2^28 or more (five LEB128 bytes) and the largest count (four).
        let far: [Int32] = [Int32.max - 1, Int32.max]
        let widest: [UInt32] = [0x1F_FFFF << 1 | 1, 0x1F_FFFF << 1]
        var wide = CompactPostings()
        wide.append(docs: far[..<1], info: widest[..<1])  // alone in its append: ten bytes for one entry
        wide.append(docs: far[1...], info: widest[1...])
        #expect(wide.bytes.count == 1 + 5 + 4 + 1 + 1 + 4)
        #expect(text(wide) == String(decoding: SearchPostings.encodePostings(docs: far, info: widest), as: UTF8.self))

        // What serve's search state decodes to change one entry: the entries appended, whatever the form and window.
        #expect(list.entries().docs == docs && list.entries().info == info)
        #expect(windowed.entries().docs == manyDocs && windowed.entries().info == manyInfo)
        #expect(edges.entries().docs == edgeDocs && edges.entries().info == edgeInfo)
        #expect(wide.entries().docs == far && wide.entries().info == widest)
        #expect(CompactPostings().entries().docs.isEmpty)
    }

    @Test func htmlTextIsNeverLongerThanItsHTMLAndDecodesEntities() {
        let cases: [(String, String)] = [
            ("&#x10FFFF;&#1;&nbsp;&amp;&lt;&gt;&quot;&#39;&apos;", "\u{10FFFF}\u{01}\u{A0}&<>\"''"),
            // Not scalars: kept as written. (`+5` and `-0` parse as numbers; cmark never writes such references.)
            ("&#xD800;&#x110000;&#+5;&#-0;&bogus;&", "&#xD800;&#x110000;\u{05}\u{00}&bogus;&"),
            ("<table><tr><td>1</td><th>2</th></tr></table><p>a</p><H2 class=\"x\">b</H2><h7>c</h7>", "1 2 \na\nb\nc"),
            ("<p></p><br><br>x", "x"),
        ]
        for (html, text) in cases {
            let bytes = HTMLText.plainBytes(html, spaceAfterCells: true)
            #expect(String(decoding: bytes, as: UTF8.self) == text, "\(html)")
            #expect(bytes.count <= html.utf8.count)
        }
    }

    @Test func linesAreCountedAsOneTextJoinedBySpaces() {
        var counter = KeyCounter(expected: 64)
        let lines = ["ＡＰＰ App\u{3000}\u{3000}app", "", "  互联网＋监管 ", "𠀀Ｚ\t", "欠薪"]
        let got = SearchPostings.packedPostings(lines: lines.map { Array($0.utf8) }, title: "", table: &counter, sorted: true)
        #expect(got == Self.reference(lines.joined(separator: "\n"), title: ""))
        #expect(SearchText.normalise(lines: lines) == SearchText.normalise(lines.joined(separator: "\n")))
    }
}
