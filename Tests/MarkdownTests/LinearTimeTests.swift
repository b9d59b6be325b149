import Foundation
import Testing
@testable import Markdown
import GongkaiCore

/// Issue #31, item 4: repeated headings and many links on one line took quadratic time (20,000 identical headings
/// over 60 s; 40,000 links on one line 42.6 s in `gongkai render`). Same output as before, in linear time.
@Suite struct LinearTimeTests {
    /// The ids the plain way (as before): the first of `base`, `base-1`, `base-2`, … not yet handed out.
    static func referenceIDs(_ texts: [String], reserved: Set<String> = []) -> [String] {
        var used = reserved
        return texts.map { text in
            let base = HeadingID.slug(text)
            var candidate = base, n = 1
            while used.contains(candidate) { candidate = "\(base)-\(n)"; n += 1 }
            used.insert(candidate)
            return candidate
        }
    }

    @Test func idsAreThoseOfProbingFromOne() {
        var rng = SeededGenerator(seed: 31)
        let pieces = ["一", "一-1", "一-2", "a", "A", "a-1", "a-1-1", "section", "", "(一)", "一 1", "一-10"]
        for round in 0..<200 {
            let texts = (0..<(round % 40 + 1)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }
            var ids = HeadingIDGenerator(reserved: round % 3 == 0 ? ["一", "a-2"] : [])
            let made = texts.map { ids.next(for: $0) }
            #expect(made == Self.referenceIDs(texts, reserved: round % 3 == 0 ? ["一", "a-2"] : []), "\(texts)")
        }
    }

    @Test(.timeLimit(.minutes(1))) func twentyThousandIdenticalHeadingsRenderQuickly() {
        let markdown = String(repeating: "## 一、相同的标题\n\n", count: 20_000)
        let clock = ContinuousClock()
        var rendered: RenderedMarkdown?
        let elapsed = clock.measure { rendered = MarkdownRenderer().render(markdown) }
        #expect(rendered?.headings.count == 20_000)
        #expect(rendered?.headings.last?.id == "一相同的标题-19999")
        #expect(Set(rendered?.headings.map(\.id) ?? []).count == 20_000)
        #expect(elapsed < .seconds(10), "\(elapsed)")
    }

    @Test func columnsInAnyOrderAgreeWithCountingEachFromTheLineStart() {
        var rng = SeededGenerator(seed: 9)
        let pieces = ["a", "中", "👍🏽", "e\u{301}", "\r\n", "\n", "\r", " ", "🇨🇳", "🇨"]
        for _ in 0..<100 {
            let text = (0..<30).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
            let positions = (0..<25).map { _ in (line: Int(rng.next() % 8), byteColumn: Int(rng.next() % 40)) }
            let columns = TextPosition.characterColumns(in: text, positions: positions)
            #expect(columns == positions.map { MarkdownRendererTests.referenceColumn(text, line: $0.line, byteColumn: $0.byteColumn) },
                    "\(text.debugDescription) \(positions)")
        }
    }

    @Test(.timeLimit(.minutes(1))) func fortyThousandLinksOnOneLineRenderQuickly() {
        let markdown = String(repeating: "中文[链接](a) ", count: 40_000) + "\n"
        let clock = ContinuousClock()
        var rendered: RenderedMarkdown?
        let elapsed = clock.measure { rendered = MarkdownRenderer().render(markdown) }
        #expect(rendered?.links.count == 40_000)
        // "中文[链接](a) " is 10 characters: the k-th link (from 0) starts at column 10k + 3.
        #expect(rendered?.links.last?.column == 10 * 39_999 + 3)
        #expect(elapsed < .seconds(10), "\(elapsed)")
    }
}

/// SplitMix64, seeded: the same random cases on every run.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
