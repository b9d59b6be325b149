import Foundation
import Testing
@testable import Markdown
import GongkaiCore

@Suite struct MarkdownRendererTests {
    @Test func linkColumnsCountCharactersOnEveryKindOfLineEnd() {
        let renderer = MarkdownRenderer()
        for eol in ["\n", "\r\n", "\r"] {
            let links = renderer.render("第一行\(eol)中文[链接](a)和👍🏽[图](b)\(eol)\(eol)   [三](c)\(eol)").links
            #expect(links.map(\.line) == [2, 2, 4], "\(eol.debugDescription)")
            #expect(links.map(\.column) == [3, 12, 4], "\(eol.debugDescription)")
        }
    }

    @Test func aColumnInsideACharacterIsThatCharacters() {
        // "中" is bytes 1–3, "文" 4–6, "👍🏽" (one character) 7–14, "x" 15.
        let columns = TextPosition.characterColumns(in: "中文👍🏽x", positions: [(1, 1), (1, 2), (1, 3), (1, 4), (1, 6), (1, 7), (1, 12), (1, 15)])
        #expect(columns == [1, 1, 1, 2, 2, 3, 3, 4])
    }

    /// The column the plain way: split the text into lines by characters; the byte `byteColumn - 1` bytes after the
    /// line's start lies in some character: its number from the line's start (one past the last at the text's end).
    static func referenceColumn(_ text: String, line: Int, byteColumn: Int) -> Int {
        var lines: [Substring] = []
        var start = text.startIndex
        for i in text.indices where text[i] == "\n" || text[i] == "\r\n" || text[i] == "\r" {
            lines.append(text[start..<i])
            start = text.index(after: i)
        }
        lines.append(text[start...])
        guard line >= 1, line <= lines.count, byteColumn >= 1 else { return byteColumn }
        let rest = text[lines[line - 1].startIndex...]
        let target = byteColumn - 1
        guard target <= rest.utf8.count else { return byteColumn }
        if target == rest.utf8.count { return rest.count + 1 }
        return rest.indices.filter { rest.utf8.distance(from: rest.startIndex, to: $0) <= target }.count
    }

    @Test func characterColumnsAgreeWithCountingCharactersLineByLine() {
        let texts = ["", "abc", "中文\n第二行👍🏽x\r\n\r三\n", "\n\n", "a\r\nb\rc\nd", "e\u{301}\u{301}f\ng"]
        for text in texts {
            for line in 0...6 {
                let bytes = Array(0...14)
                let columns = TextPosition.characterColumns(in: text, positions: bytes.map { (line, $0) })
                #expect(columns == bytes.map { Self.referenceColumn(text, line: line, byteColumn: $0) }, "\(text.debugDescription) line \(line)")
            }
        }
    }

    @Test func chineseHeadingsGetDistinctReadableIDs() {
        let md = """
        ## 一、主要负责人履行法治建设第一责任人职责情况

        ### (一)深入学习贯彻习近平法治思想。

        ### (一)深入学习贯彻习近平法治思想。

        ## 四、2025度法治政府建设的初步安排
        """
        let out = MarkdownRenderer().render(md)
        #expect(out.headings.map(\.id) == [
            "一主要负责人履行法治建设第一责任人职责情况",
            "一深入学习贯彻习近平法治思想",
            "一深入学习贯彻习近平法治思想-1",
            "四2025度法治政府建设的初步安排",
        ])
        #expect(out.headings.map(\.level) == [2, 3, 3, 2])
        #expect(out.headings[1].text == "(一)深入学习贯彻习近平法治思想。")
        #expect(out.headings[3].line == 7)
        #expect(out.html.contains(#"<h2 id="一主要负责人履行法治建设第一责任人职责情况">一、主要负责人履行法治建设第一责任人职责情况</h2>"#))
    }

    @Test func headingIDSlugRules() {
        #expect(HeadingID.slug("Hello, World!") == "hello-world")
        #expect(HeadingID.slug("（八）全面推进数字政府建设") == "八全面推进数字政府建设")
        #expect(HeadingID.slug("ＡＰＰ ２０２４") == "app-2024")
        #expect(HeadingID.slug("。。。") == "section")
    }

    /// The slug rules as first written, from Unicode properties alone (the fast paths must agree with it).
    private static func referenceSlug(_ text: String) -> String {
        var out = ""
        var pendingDash = false
        for scalar in text.unicodeScalars {
            let props = scalar.properties
            if props.isWhitespace || scalar == "-" || scalar == "_" {
                pendingDash = !out.isEmpty
                continue
            }
            guard props.isAlphabetic || props.numericType != nil || props.generalCategory == .decimalNumber else { continue }
            if pendingDash { out.append("-"); pendingDash = false }
            if scalar.isASCII {
                out.unicodeScalars.append(contentsOf: String(scalar).lowercased().unicodeScalars)
            } else if (0xFF10...0xFF19).contains(scalar.value) || (0xFF21...0xFF3A).contains(scalar.value) || (0xFF41...0xFF5A).contains(scalar.value) {
                let folded = Unicode.Scalar(scalar.value - 0xFEE0) ?? scalar
                out.unicodeScalars.append(contentsOf: String(folded).lowercased().unicodeScalars)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out.isEmpty ? "section" : out
    }

    @Test func headingIDSlugAgreesWithThePropertyRulesForEveryScalar() {
        var differing: [UInt32] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "x" + String(scalar) + "y" + String(scalar)
            if HeadingID.slug(text) != Self.referenceSlug(text) { differing.append(value) }
        }
        #expect(differing.isEmpty, "first differing: \(differing.prefix(10).map { String($0, radix: 16) })")
    }

    @Test func headingLevelOffsetShiftsAndClamps() {
        let out = MarkdownRenderer(options: .init(headingLevelOffset: 2)).render("## a\n\n##### b\n")
        #expect(out.html == "<h4 id=\"a\">a</h4>\n<h6 id=\"b\">b</h6>\n")
    }

    @Test func shiftingKeepsEveryByteBetweenHeadings() {
        // Combining marks and ideographs right against the cut points, a heading repeated, and a paragraph that
        // only looks like a heading tag.
        let source = "# 一\n\n\u{301}é文字 &lt;h1&gt;\n\n## 二\u{301}\n\n# 一\n\n末\u{301}\n"
        let out = MarkdownRenderer().render(source)
        var ids = HeadingIDGenerator(reserved: ["一"])
        let shifted = out.shifted(by: 1, ids: &ids)
        var expected = out.html
        for (old, new) in [("<h1 id=\"一\">一</h1>", "<h2 id=\"一-1\">一</h2>"), ("<h2 id=\"二\">二\u{301}</h2>", "<h3 id=\"二\">二\u{301}</h3>"),
                           ("<h1 id=\"一-1\">一</h1>", "<h2 id=\"一-2\">一</h2>")] {
            let range = try? #require(expected.range(of: old))
            if let range { expected.replaceSubrange(range, with: new) }
        }
        #expect(Array(shifted.html.utf8) == Array(expected.utf8))
        #expect(shifted.headings.map(\.id) == ["一-1", "二", "一-2"])
        #expect(shifted.headings.map(\.level) == [2, 3, 2])
        var again = HeadingIDGenerator(reserved: ["一"])
        #expect(out.shiftedHeadings(by: 1, ids: &again) == shifted.headings)
    }

    @Test func inlineMarkupInsideHeadingsSurvives() {
        let out = MarkdownRenderer().render("# A *b* `c`\n")
        #expect(out.html == "<h1 id=\"a-b-c\">A <em>b</em> <code>c</code></h1>\n")
        #expect(out.headings.first?.text == "A b c")
    }

    @Test func rawHTMLIsOmittedUnlessAllowed() {
        let md = "<script>alert(1)</script>\n\nHi <b>there</b>\n"
        let safe = MarkdownRenderer().render(md).html
        #expect(!safe.contains("<script"))
        #expect(!safe.contains("<b>"))
        #expect(safe.contains("<!-- raw HTML omitted -->"))
        let unsafe = MarkdownRenderer(options: .init(allowRawHTML: true)).render(md).html
        #expect(unsafe.contains("<b>there</b>"))
        // tagfilter still neutralises <script> even when raw HTML is allowed.
        #expect(unsafe.contains("&lt;script>"))
    }

    @Test func collectsLinksAndImages() {
        let out = MarkdownRenderer().render("See [a](../x/#y) and\n![](/img.png) and ![图](b.png)\n")
        #expect(out.links.map(\.destination) == ["../x/#y", "/img.png", "b.png"])
        #expect(out.links.map(\.isImage) == [false, true, true])
        #expect(out.links.map(\.text) == ["", "", "图"])
        #expect(out.links[1].line == 2)
    }

    @Test func gfmExtensionsAreOn() {
        let html = MarkdownRenderer().render("| a | b |\n|---|--:|\n| 1 | 2 |\n\n~~x~~ www.example.com\n\n- [x] done\n").html
        #expect(html.contains("<table>"))
        #expect(html.contains("<td align=\"right\">2</td>"))
        #expect(html.contains("<del>x</del>"))
        #expect(html.contains("<a href=\"http://www.example.com\">www.example.com</a>"))
        #expect(html.contains("checked=\"\" disabled=\"\""))
    }

    /// cmark_parser_finish writes process-global tables; concurrent renders must equal serial ones.
    @Test func concurrentRenderingMatchesSerial() async {
        let docs = (0..<3000).map { i in
            "# 标题\(i)\n\n~~删除\(i)~~ 访问 https://example.com/\(i) 或 www.example\(i % 7).cn 。\n\n| a | b |\n|---|---|\n| \(i) | ~~y~~ |\n"
        }
        let renderer = MarkdownRenderer()
        let serial = docs.map { renderer.render($0).html }
        let parallel = await withTaskGroup(of: (Int, String).self) { group in
            for (i, doc) in docs.enumerated() { group.addTask { (i, renderer.render(doc).html) } }
            var out = [String](repeating: "", count: docs.count)
            for await (i, html) in group { out[i] = html }
            return out
        }
        let mismatches = zip(serial, parallel).filter { $0 != $1 }.count
        #expect(mismatches == 0)
        #expect(serial.allSatisfy { $0.contains("<del>") && $0.contains("<a href=\"http://www.example") })
    }

    @Test func aReplayingGeneratorHandsOutTheSameIdsAndThenNewOnes() {
        let texts = ["一、总体情况", "一、总体情况", "Hello", "（一）", "一、总体情况"]
        var first = HeadingIDGenerator()
        let made = texts.map { first.next(for: $0) }
        #expect(made == ["一总体情况", "一总体情况-1", "hello", "一", "一总体情况-2"])
        var again = HeadingIDGenerator(replaying: made)
        #expect(texts.map { again.next(for: $0) } == made)
        // Past the end it goes on making ids, none repeating one already handed out.
        #expect(again.next(for: "一、总体情况") == "一总体情况-3")
        #expect(again.next(for: "新") == "新")
    }
}
