import GongkaiCore
import Testing
@testable import GongkaiIndicators

@Suite struct TextMatchingTests {
    /// Line breaks (LF, CR, CR LF) are dropped and nothing else: a quote broken across lines still matches.
    @Test func normalizedDropsLineBreaksOnly() {
        #expect(TextMatching.normalized("全年为农民工\r\n追讨工资\n报酬2530\r万元") == "全年为农民工追讨工资报酬2530万元")
        #expect(TextMatching.normalized("") == "")
        #expect(TextMatching.normalized("\n\r\n") == "")
        #expect(TextMatching.normalized("e\u{301}\n👍🏽 a\tb") == "e\u{301}👍🏽 a\tb")
        let long = String(repeating: "项快办,", count: 5000) + "\n"
        #expect(TextMatching.normalized(long) == String(repeating: "项快办,", count: 5000))
        #expect(TextMatching.contains(TextMatching.normalized("追讨\n工资报酬2530万元"), "工资报酬2530万元"))
        #expect(!TextMatching.contains("追讨工资报酬2530万元", "2530万人"))
        #expect(UTF8Search.contains(long, "办,项快"))
        #expect(!UTF8Search.contains("项", "项城"))
    }

    /// `UTF8Search.contains(_:in:)` (the C library's `memchr`) agrees with `Array.contains`, the byte at any place.
    @Test func byteContainsAgreesWithArrayContains() {
        #expect(!UTF8Search.contains(13, in: []))
        let text = Array("项城市\n2024".utf8)
        for place in 0...text.count {
            var bytes = text
            bytes.insert(13, at: place)
            #expect(UTF8Search.contains(13, in: bytes))
            #expect(UTF8Search.contains(13, in: bytes) == bytes.contains(13))
        }
        #expect(!UTF8Search.contains(13, in: text))
        #expect(UTF8Search.contains(0xB9, in: text))
    }

    /// `UTF8Search.find` (the C library's `memmem`) agrees with a plain search, from every start, on random bytes
    /// drawn from a small alphabet (so that partial matches abound).
    @Test func findAgreesWithAPlainSearch() {
        var state: UInt64 = 9
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        let alphabet: [UInt8] = [0x3C, 0x68, 0x31, 0xE9, 0xA1, 0xB9]
        func plain(_ needle: [UInt8], _ hay: [UInt8], _ start: Int) -> Int? {
            if needle.isEmpty { return start <= hay.count ? start : nil }
            guard start >= 0, hay.count - start >= needle.count else { return nil }
            return (start...(hay.count - needle.count)).first { hay[$0..<($0 + needle.count)].elementsEqual(needle) }
        }
        for _ in 0..<400 {
            let hay = (0..<next(60)).map { _ in alphabet[next(alphabet.count)] }
            let needle = (0..<(1 + next(4))).map { _ in alphabet[next(alphabet.count)] }
            for start in 0...(hay.count + 1) {
                #expect(UTF8Search.find(needle, in: hay, from: start) == plain(needle, hay, start), "\(needle) in \(hay) from \(start)")
            }
        }
        #expect(UTF8Search.find([], in: [1, 2], from: 1) == 1)
        #expect(UTF8Search.find([1], in: [], from: 0) == nil)
    }
}
