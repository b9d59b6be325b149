/// What a template's output can depend on in a page context, apart from the text of its values: which keys each
/// dictionary has, every Boolean, every array's length, the type of every value. Two contexts with the same shape
/// take the same path through any template that `TemplateOutputCache` accepts (no transforms, lambdas or dynamic
/// partials), so their outputs differ only where a text value is inserted.
///
/// `ContextShape.of` walks a context in one fixed order (dictionary keys sorted) and collects its text values
/// (`leaves`); with `placeholders: true` it also returns the same context with every leaf replaced by a marker
/// (`ContextShape.marker`), from which `RenderSkeleton` finds where each leaf went.
struct ContextShape {
    /// One text value, in walking order.
    struct Leaf {
        /// The text as Mustache would print it (`String(describing:)` for numbers).
        let text: String
        /// Whether the text ends with a line feed that its marker carries too (see `of`).
        let endsWithLineFeed: Bool
    }

    /// Everything the output's structure depends on, as one string.
    let key: String
    /// The text values, in walking order: leaf `i` is the one marker `i` stands for.
    let leaves: [Leaf]
    /// The context with markers in place of the leaves (only when asked for).
    let placeholderContext: [String: Any]?

    /// The shape of `context`, or nil when it holds something other than text, numbers, Booleans, arrays and
    /// string-keyed dictionaries, or text containing a character from U+E000–U+EFFF (the markers' block).
    ///
    /// Empty text is kept as it is (its emptiness is part of the shape). Text ending in a line feed is marked with a
    /// marker ending in a line feed, so that Mustache's indentation of partials (which looks at whether the output so
    /// far ends with a line feed) sees the same thing; text of one character, or ending in a carriage return or in
    /// CR LF, is kept as it is and spelled out in the key.
    static func of(_ context: [String: Any], placeholders: Bool = false) -> ContextShape? {
        var walker = Walker(placeholders: placeholders)
        guard let replaced = walker.walk(context) else { return nil }
        return ContextShape(key: walker.key, leaves: walker.leaves, placeholderContext: placeholders ? replaced as? [String: Any] : nil)
    }

    /// The marker for leaf `index`: a private-use character, a tab (printing a value with `String(describing:)` of
    /// an array or dictionary escapes it, so such output is never mistaken for a marker), `&` (which tells whether
    /// Mustache escaped the value: `&amp;`), the index, and a closing private-use character.
    static func marker(_ index: Int) -> String { "\u{E000}\t&\(index)\u{E001}" }

    private struct Walker {
        let placeholders: Bool
        var key = ""
        var leaves: [Leaf] = []

        /// The value with markers in place (or the value itself without `placeholders`); nil for what is not allowed.
        mutating func walk(_ value: Any) -> Any? {
            switch value {
            case let text as String:
                return walkText(text)
            case let flag as Bool:
                key += flag ? "t" : "f"
                return flag
            case let number as Int:
                return leaf(String(describing: number), lineFeed: false)
            case let number as Double:
                return leaf(String(describing: number), lineFeed: false)
            case let dictionary as [String: Any]:
                key += "{"
                var out: [String: Any] = [:]
                if placeholders { out.reserveCapacity(dictionary.count) }
                for name in dictionary.keys.sorted() {
                    guard let child = dictionary[name] else { return nil }
                    key += "\(name.utf8.count):\(name)"
                    guard let replaced = walk(child) else { return nil }
                    if placeholders { out[name] = replaced }
                }
                key += "}"
                return out
            case let array as [Any]:
                key += "[\(array.count)"
                var out: [Any] = []
                if placeholders { out.reserveCapacity(array.count) }
                for element in array {
                    guard let replaced = walk(element) else { return nil }
                    if placeholders { out.append(replaced) }
                }
                key += "]"
                return out
            default:
                return nil
            }
        }

        private mutating func walkText(_ text: String) -> Any? {
            var text = text
            let kind = text.withUTF8 { bytes -> TextKind in
                if bytes.isEmpty { return .empty }
                if bytes.contains(0xEE) { return .forbidden }
                let last = bytes[bytes.count - 1]
                if last == 0x0A, bytes.count >= 2, bytes[bytes.count - 2] != 0x0D { return .lineFeed }
                if last == 0x0A || last == 0x0D { return .literal }
                return .plain
            }
            switch kind {
            case .forbidden: return nil
            case .empty:
                key += "e"
                return text
            case .literal:
                key += "L\(text.utf8.count):\(text)"
                return text
            case .lineFeed: return leaf(text, lineFeed: true)
            case .plain: return leaf(text, lineFeed: false)
            }
        }

        private mutating func leaf(_ text: String, lineFeed: Bool) -> Any {
            key += lineFeed ? "n" : "s"
            let index = leaves.count
            leaves.append(Leaf(text: text, endsWithLineFeed: lineFeed))
            guard placeholders else { return text }
            return lineFeed ? ContextShape.marker(index) + "\n" : ContextShape.marker(index)
        }
    }

    private enum TextKind { case empty, forbidden, literal, lineFeed, plain }
}
