extension StringProtocol {
    /// The text between two UTF-8 offsets, which must fall on scalar boundaries (where a search for valid UTF-8,
    /// or for an ASCII byte, found them). Building a string from such slices copies their bytes without checking
    /// them as UTF-8 again, which `String(decoding:as:)` of a rebuilt byte array does.
    public func utf8Slice(_ from: Int, _ to: Int) -> SubSequence {
        let start = utf8.index(utf8.startIndex, offsetBy: from)
        return self[start..<utf8.index(start, offsetBy: to - from)]
    }
}
