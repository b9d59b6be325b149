/// Tests on eight bytes at once (a `UInt64` loaded from UTF-8 text), for scans that skip whole words while none of
/// their bytes matters. Each test may answer true wrongly (a borrow between bytes), never false wrongly: a caller
/// checks a word that passes byte by byte.
public enum ByteWord {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// Whether `word` may hold the byte `byte`.
    @inline(__always)
    public static func mayHold(_ byte: UInt8, in word: UInt64) -> Bool {
        let x = word ^ (ones &* UInt64(byte))
        return (x &- ones) & ~x & highs != 0
    }

    /// Whether `word` may hold a byte below `limit` (at most 0x80).
    @inline(__always)
    public static func mayHoldByte(below limit: UInt8, in word: UInt64) -> Bool {
        (word &- ones &* UInt64(limit)) & ~word & highs != 0
    }
}
