import Testing
@testable import GongkaiSearch

/// The text rules search.js shares with the index: normalisation, separators, the shard hash.
@Suite struct SearchTextTests {
    @Test func normalisationFoldsWidthCaseAndSpaces() {
        #expect(SearchText.normalisedString("ＡＰＰ App\u{3000}\u{3000}app") == "app app app")
        #expect(SearchText.normalisedString("互联网＋监管") == "互联网+监管")
        #expect(SearchText.normalisedString("２５３０万元\n\n欠薪") == "2530万元 欠薪")
        #expect(SearchText.normalisedString("𠀀Ｚ") == "𠀀z")
    }

    /// The separators are exactly the listed ones: every ASCII punctuation mark and symbol, the listed ranges to
    /// their edges, and no letter, digit, ideograph or CJK mark that words are made of (〇 々 〆).
    @Test func separatorsAreExactlyTheListedPunctuationAndSymbols() {
        let ascii = Set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".unicodeScalars.map(\.value))
        #expect(ascii.count == 32)
        for v in UInt32(0)..<0x80 { #expect(SearchText.separates(v) == ascii.contains(v), "U+\(String(v, radix: 16))") }
        let ranges: [ClosedRange<UInt32>] = [0x2010...0x2027, 0x2030...0x205E, 0x3001...0x3003, 0x3008...0x3011, 0x3014...0x301F,
                                             0xFE30...0xFE4F, 0xFF5F...0xFF65]
        for v in UInt32(0x80)...0x10FFFF { #expect(SearchText.separates(v) == ranges.contains { $0.contains(v) }, "U+\(String(v, radix: 16))") }
        for c in "，。；：“”《》、（）【】…—‰※".unicodeScalars { #expect(SearchText.separates(SearchText.fold(c.value)), "\(c)") }
        for c in "法治a0〇々〆项𠀀".unicodeScalars { #expect(!SearchText.separates(SearchText.fold(c.value)), "\(c)") }
    }

    @Test func fnv1aMatchesTheReferenceValues() {
        #expect(SearchText.fnv1a("") == 0x811C_9DC5)
        #expect(SearchText.fnv1a("a") == 0xE40C_292C)
        #expect(SearchText.fnv1a("foobar") == 0xBF9C_F968)
        // The same value search.js computes from code points (UTF-8 encoded by hand there).
        #expect(SearchText.fnv1a("欠薪") == Self.reference("欠薪"))
        #expect(SearchText.fnv1a("𠀀a") == Self.reference("𠀀a"))
    }

    static func reference(_ s: String) -> UInt32 {
        var h: UInt32 = 2_166_136_261
        for b in Array(s.utf8) { h = (h ^ UInt32(b)) &* 16_777_619 }
        return h
    }
}
