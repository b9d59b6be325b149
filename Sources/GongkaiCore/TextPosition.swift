/// Converts offsets in a text to 1-based line and character column.
public struct TextPosition: Sendable {
    private let lineStarts: [String.Index]
    private let text: String

    /// Indexes `text` once.
    public init(_ text: String) {
        self.text = text
        var starts = [text.startIndex]
        var i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            i = text.index(after: i)
            if c == "\n" || c == "\r\n" || c == "\r" { starts.append(i) }
        }
        lineStarts = starts
    }

    /// Line and column (characters) of `index`.
    public func lineColumn(of index: String.Index) -> (line: Int, column: Int) {
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= index { lo = mid } else { hi = mid - 1 }
        }
        let column = text.distance(from: lineStarts[lo], to: index) + 1
        return (lo + 1, column)
    }

    /// The 1-based character column of each position given as a 1-based line and UTF-8 byte column (cmark counts
    /// bytes), without indexing the whole text by characters: the lines (ending at "\n", "\r\n" or "\r") are found
    /// by their bytes, once, up to the last line asked for, and characters are counted only before each column. A
    /// position outside the text keeps its byte column.
    public static func characterColumns(in text: String, positions: [(line: Int, byteColumn: Int)]) -> [Int] {
        let lastLine = positions.map(\.line).max() ?? 0
        let utf8 = text.utf8
        var lineStarts = [utf8.startIndex]
        var i = utf8.startIndex
        while lineStarts.count < lastLine && i < utf8.endIndex {
            let b = utf8[i]
            i = utf8.index(after: i)
            if b == 0x0D, i < utf8.endIndex, utf8[i] == 0x0A { i = utf8.index(after: i) }
            if b == 0x0A || b == 0x0D { lineStarts.append(i) }
        }
        // In order of place, each line's characters are counted on from the previous position on it rather than
        // from the line's start: 40,000 links on one line took 42 s counted from the start for every link.
        var columns = positions.map(\.byteColumn)
        let order = positions.indices.sorted { (positions[$0].line, positions[$0].byteColumn) < (positions[$1].line, positions[$1].byteColumn) }
        var previousLine = 0, lastByte = 1
        var counted = text.startIndex, characters = 0
        for k in order {
            let (line, byteColumn) = positions[k]
            guard line >= 1, line <= lineStarts.count, byteColumn >= 1 else { continue }
            let start = line == previousLine ? counted : lineStarts[line - 1]
            let from = line == previousLine ? byteColumn - lastByte : byteColumn - 1
            guard let target = utf8.index(start, offsetBy: from, limitedBy: text.endIndex) else { continue }
            let characterIndex = characterStart(of: target, in: text)
            if line != previousLine { characters = 0 }
            characters += text.distance(from: start, to: characterIndex)
            columns[k] = characters + 1
            previousLine = line
            counted = characterIndex
            lastByte = byteColumn - utf8.distance(from: characterIndex, to: target)
        }
        return columns
    }

    /// The start of the character that holds the byte at `index` (the index itself when a character starts there): a
    /// column inside a character is that character's column.
    private static func characterStart(of index: String.Index, in text: String) -> String.Index {
        var i = index
        while i.samePosition(in: text) == nil && i > text.startIndex { i = text.utf8.index(before: i) }
        return i
    }
}
