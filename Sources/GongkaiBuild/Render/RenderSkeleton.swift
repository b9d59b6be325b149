import GongkaiCore

/// A template's output for one context shape, cut at the markers `ContextShape` put in place of the text values:
/// filled with another context's leaves of that shape, it is the output Mustache gives for that context.
struct RenderSkeleton: Sendable {
    private enum Segment: Sendable {
        case literal([UInt8])
        /// Leaf `index`, escaped for HTML (`{{x}}`) or as it is (`{{{x}}}`).
        case leaf(index: Int, escaped: Bool)
    }

    private let segments: [Segment]
    private let literalBytes: Int

    /// Cuts `output`, rendered from a context of markers whose leaves `leaves` describe; nil when a marker is not
    /// found whole (something other than plain insertion changed it), in which case the output cannot be reused.
    init?(output: String, leaves: [ContextShape.Leaf]) {
        let bytes = Array(output.utf8)
        var segments: [Segment] = []
        var literal: [UInt8] = []
        var literalBytes = 0
        var i = 0
        let n = bytes.count
        func at(_ j: Int, _ expected: [UInt8]) -> Bool {
            j + expected.count <= n && bytes[j..<(j + expected.count)].elementsEqual(expected)
        }
        let open: [UInt8] = [0xEE, 0x80, 0x80, 0x09, 0x26]   // U+E000, tab, &
        let close: [UInt8] = [0xEE, 0x80, 0x81]              // U+E001
        let amp: [UInt8] = Array("amp;".utf8)
        while i < n {
            let b = bytes[i]
            guard b == 0xEE else { literal.append(b); i += 1; continue }
            guard at(i, open) else { return nil }
            i += open.count
            let escaped = at(i, amp)
            if escaped { i += amp.count }
            var index = 0
            var digits = 0
            while i < n, bytes[i] >= 0x30, bytes[i] <= 0x39, digits < 9 {
                index = index * 10 + Int(bytes[i] - 0x30)
                i += 1
                digits += 1
            }
            guard digits > 0, index < leaves.count, at(i, close) else { return nil }
            i += close.count
            if leaves[index].endsWithLineFeed {
                guard i < n, bytes[i] == 0x0A else { return nil }
                i += 1
            }
            if !literal.isEmpty {
                segments.append(.literal(literal))
                literalBytes += literal.count
                literal = []
            }
            segments.append(.leaf(index: index, escaped: escaped))
        }
        if !literal.isEmpty {
            segments.append(.literal(literal))
            literalBytes += literal.count
        }
        self.segments = segments
        self.literalBytes = literalBytes
    }

    /// The output for a context of this shape whose text values are `leaves`.
    func fill(_ leaves: [ContextShape.Leaf]) -> [UInt8] {
        var out: [UInt8] = []
        var capacity = literalBytes
        for segment in segments {
            if case .leaf(let index, _) = segment { capacity += leaves[index].text.utf8.count }
        }
        out.reserveCapacity(capacity + capacity / 16)
        for segment in segments {
            switch segment {
            case .literal(let bytes):
                out.append(contentsOf: bytes)
            case .leaf(let index, let escaped):
                if escaped {
                    TextEscaping.appendHTML(leaves[index].text, to: &out)
                } else {
                    var text = leaves[index].text
                    text.withUTF8 { out.append(contentsOf: $0) }
                }
            }
        }
        return out
    }
}
