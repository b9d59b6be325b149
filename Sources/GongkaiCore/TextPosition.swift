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

    /// Column in characters for a 1-based UTF-8 byte column on `line` (cmark reports bytes).
    public func characterColumn(line: Int, byteColumn: Int) -> Int {
        guard line >= 1, line <= lineStarts.count, byteColumn >= 1 else { return byteColumn }
        let start = lineStarts[line - 1]
        let utf8 = text.utf8
        guard let target = utf8.index(start, offsetBy: byteColumn - 1, limitedBy: text.endIndex) else { return byteColumn }
        let aligned = target.samePosition(in: text) ?? text.index(before: target)
        return text.distance(from: start, to: aligned) + 1
    }
}
