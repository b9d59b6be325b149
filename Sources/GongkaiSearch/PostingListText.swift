/// A key's posting list as a shard file writes it: its text, or what gives it.
protocol PostingListText {
    /// How many bytes the text takes.
    var textCount: Int { get }
    /// Appends the text to `out`.
    func appendText(to out: inout [UInt8])
}

/// The text itself (`SearchPostings.encodePostings`).
extension [UInt8]: PostingListText {
    var textCount: Int { count }
    func appendText(to out: inout [UInt8]) { out += self }
}

extension CompactPostings: PostingListText {}
