import GongkaiCore
import Testing

@Suite struct ByteWordTests {
    /// Never false wrongly: every byte value, at every position of a word, among every kind of neighbour.
    @Test func aWordHoldingTheByteIsAlwaysSeen() {
        for neighbour in [UInt8(0x00), 0x1F, 0x20, 0x61, 0x7F, 0x80, 0xE5, 0xFF] {
            for byte in UInt8(0)...UInt8(0xFF) {
                for position in 0..<8 {
                    var bytes = [UInt8](repeating: neighbour, count: 8)
                    bytes[position] = byte
                    let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                    #expect(ByteWord.mayHold(byte, in: word))
                    if byte < 0x20 { #expect(ByteWord.mayHoldByte(below: 0x20, in: word)) }
                }
            }
        }
    }

    /// And false for words without it, as text mostly is (else nothing would be skipped).
    @Test func wordsWithoutTheByteAreSkipped() {
        let words = ["abcdefgh", "项城市法", "2530万元,"].map { text in
            Array(text.utf8.prefix(8)).withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
        }
        for word in words {
            #expect(!ByteWord.mayHold(UInt8(ascii: "<"), in: word))
            #expect(!ByteWord.mayHold(UInt8(ascii: "&"), in: word))
            #expect(!ByteWord.mayHold(0x5C, in: word))
            #expect(!ByteWord.mayHoldByte(below: 0x20, in: word))
        }
    }
}
