/// Makes heading anchor ids that keep Chinese characters.
///
/// Letters and digits of every script are kept (Latin lower-cased), white space and hyphens become one `-`,
/// everything else (punctuation such as `、（）。“”`) is dropped. An empty result becomes `section`.
/// `HeadingIDGenerator` adds `-1`, `-2`, … to repeats within one document.
public enum HeadingID {
    /// The id for a heading's text, before de-duplication.
    public static func slug(_ text: String) -> String {
        // Built as UTF-8 bytes: appending to a `String.UnicodeScalarView` one scalar at a time cost several thousand
        // instructions a heading.
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingDash = false
        for scalar in text.unicodeScalars {
            switch kind(of: scalar) {
            case .dash: pendingDash = !out.isEmpty
            case .drop: continue
            case .keep(let folded):
                if pendingDash { out.append(UInt8(ascii: "-")); pendingDash = false }
                append(folded, to: &out)
            }
        }
        return out.isEmpty ? "section" : String(decoding: out, as: UTF8.self)
    }

    /// Appends the UTF-8 bytes of `scalar`.
    @inline(__always)
    private static func append(_ scalar: Unicode.Scalar, to out: inout [UInt8]) {
        let v = scalar.value
        switch v {
        case ..<0x80:
            out.append(UInt8(v))
        case ..<0x800:
            out.append(UInt8(0xC0 | v >> 6)); out.append(UInt8(0x80 | v & 0x3F))
        case ..<0x10000:
            out.append(UInt8(0xE0 | v >> 12)); out.append(UInt8(0x80 | v >> 6 & 0x3F)); out.append(UInt8(0x80 | v & 0x3F))
        default:
            out.append(UInt8(0xF0 | v >> 18)); out.append(UInt8(0x80 | v >> 12 & 0x3F))
            out.append(UInt8(0x80 | v >> 6 & 0x3F)); out.append(UInt8(0x80 | v & 0x3F))
        }
    }

    private enum Kind { case dash, drop, keep(Unicode.Scalar) }

    /// What one scalar contributes. ASCII and the CJK ideograph blocks (all letters) are decided without a Unicode
    /// property lookup, which is what made this a hot spot on Chinese headings; the rest asks the properties.
    @inline(__always)
    private static func kind(of scalar: Unicode.Scalar) -> Kind {
        let v = scalar.value
        if v < 0x80 {
            switch v {
            case 0x61...0x7A, 0x30...0x39: return .keep(scalar)
            case 0x41...0x5A: return .keep(Unicode.Scalar(UInt8(v + 32)))
            case 0x09...0x0D, 0x20, 0x2D, 0x5F: return .dash
            default: return .drop
            }
        }
        if (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v) { return .keep(scalar) }
        // Punctuation, symbols and full-width forms common in Chinese text: decided once per scalar by the rules
        // below and kept in a table.
        if (0x2000..<0x3400).contains(v) || (0xF900..<0x10000).contains(v) {
            let i = v < 0x3400 ? Int(v - 0x2000) : 0x1400 + Int(v - 0xF900)
            switch punctuationKinds[i] {
            case 0: return .drop
            case 1: return .dash
            case 2: return .keep(scalar)
            default: return propertyKind(of: scalar)
            }
        }
        return propertyKind(of: scalar)
    }

    /// `propertyKind` of U+2000–U+33FF and U+F900–U+FFFF (0 drop, 1 dash, 2 keep as it is, 3 keep folded).
    private static let punctuationKinds: [UInt8] = {
        let ranges: [Range<UInt32>] = [0x2000..<0x3400, 0xF900..<0x10000]
        return ranges.flatMap { range in
            range.map { v -> UInt8 in
                guard let scalar = Unicode.Scalar(v) else { return 0 }  // surrogates are never scalars
                switch propertyKind(of: scalar) {
                case .drop: return 0
                case .dash: return 1
                case .keep(let folded): return folded == scalar ? 2 : 3
                }
            }
        }
    }()

    /// `kind(of:)` from the scalar's Unicode properties.
    private static func propertyKind(of scalar: Unicode.Scalar) -> Kind {
        let v = scalar.value
        let props = scalar.properties
        if props.isWhitespace { return .dash }
        guard props.isAlphabetic || props.numericType != nil || props.generalCategory == .decimalNumber else { return .drop }
        // Full-width Latin letters and digits fold to ASCII.
        if (0xFF10...0xFF19).contains(v) || (0xFF41...0xFF5A).contains(v) { return .keep(Unicode.Scalar(UInt8(v - 0xFEE0))) }
        if (0xFF21...0xFF3A).contains(v) { return .keep(Unicode.Scalar(UInt8(v - 0xFEE0 + 32))) }
        return .keep(scalar)
    }
}

/// Hands out unique heading ids within one document.
public struct HeadingIDGenerator: Sendable {
    /// Ids handed out, compared by their UTF-8 bytes as HTML compares ids (a `Set<String>` would hash every Chinese
    /// id through Unicode normalization, which made this a hot spot, and would take a compatibility ideograph for
    /// its canonical equivalent).
    private var used: Set<IDKey>

    /// Ids to hand out again, in order, instead of making them (see `init(replaying:)`).
    private var replay: [String] = []
    private var replayed = 0
    /// For each base id handed out, the suffix to try first when it comes again: every `base-k` below it is taken
    /// (ids are never given back), so the first free one is the same as probing from `-1`, without probing
    /// 1, 2, … again for each repeat (20,000 identical headings took over a minute).
    private var nextSuffix: [IDKey: Int] = [:]

    /// Creates a generator; `reserved` ids are treated as already taken.
    public init(reserved: Set<String> = []) { used = Set(reserved.map(IDKey.init)) }

    /// A generator that hands out `ids` in order: those another generator handed out for the same sequence of
    /// texts, so that a document placed twice (once for its anchors, once for its HTML) is not slugged twice. Past
    /// the end it makes ids as usual, none of them repeating `ids`.
    public init(replaying ids: [String]) {
        used = []
        replay = ids
    }

    /// The next unique id for `text`.
    public mutating func next(for text: String) -> String {
        if replayed < replay.count {
            replayed += 1
            return replay[replayed - 1]
        }
        if replayed > 0, replayed == replay.count {
            used = Set(replay.map(IDKey.init))
            nextSuffix = [:]
            replayed += 1
        }
        let base = HeadingID.slug(text)
        let baseKey = IDKey(base)
        guard used.contains(baseKey) else {
            used.insert(baseKey)
            return base
        }
        var n = nextSuffix[baseKey] ?? 1
        var candidate = "\(base)-\(n)"
        while used.contains(IDKey(candidate)) {
            n += 1
            candidate = "\(base)-\(n)"
        }
        nextSuffix[baseKey] = n + 1
        used.insert(IDKey(candidate))
        return candidate
    }

    /// An id hashed and compared by its UTF-8 bytes.
    private struct IDKey: Hashable, Sendable {
        let id: String

        init(_ id: String) { self.id = id }

        static func == (a: IDKey, b: IDKey) -> Bool { a.id.utf8.elementsEqual(b.id.utf8) }

        func hash(into hasher: inout Hasher) {
            var id = id
            id.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        }
    }
}
