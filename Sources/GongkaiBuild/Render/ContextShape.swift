import Foundation

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

    /// Everything the output's structure depends on.
    var key: Key { Key(bytes: keyBytes) }
    /// The key's bytes.
    let keyBytes: [UInt8]
    /// The text values, in walking order: leaf `i` is the one marker `i` stands for.
    let leaves: [Leaf]
    /// The context with markers in place of the leaves (only when asked for).
    let placeholderContext: [String: Any]?

    /// Text values a shape may have: a context with more (the home page or site map of a large site, one of a kind
    /// anyway) is rendered directly rather than walked, marked and kept.
    static let maximumLeaves = 2000

    /// The shape of `context`, or nil when it holds something other than text, numbers, Booleans, arrays and
    /// string-keyed dictionaries, text containing a character from U+E000–U+EFFF (the markers' block), or more than
    /// `maximumLeaves` text values.
    ///
    /// Empty text is kept as it is (its emptiness is part of the shape). Text ending in a line feed is marked with a
    /// marker ending in a line feed, so that Mustache's indentation of partials (which looks at whether the output so
    /// far ends with a line feed) sees the same thing; a lone line feed, and text ending in a carriage return or in
    /// CR LF, is kept as it is and spelled out in the key.
    static func of(_ context: [String: Any], placeholders: Bool = false) -> ContextShape? {
        var walker = Walker(placeholders: placeholders)
        guard let replaced = walker.walk(context) else { return nil }
        return ContextShape(keyBytes: walker.key, leaves: walker.leaves, placeholderContext: placeholders ? replaced as? [String: Any] : nil)
    }

    /// The shape of typed values (what `PageContextBuilder` makes), walked in the order their names were set; the
    /// same rules as `of(_:placeholders:)`, and a key that never equals one of a `[String: Any]` context (it starts
    /// with `T`), whose walk sorts names. Lists are marked as `[Any]`, objects as `[String: Any]`: what
    /// `TemplateValue.mustacheValue` gives.
    static func of(_ object: TemplateObject, placeholders: Bool = false) -> ContextShape? {
        var walker = Walker(placeholders: placeholders)
        walker.key.append(UInt8(ascii: "T"))
        guard let replaced = walker.walk(object: object) else { return nil }
        return ContextShape(keyBytes: walker.key, leaves: walker.leaves, placeholderContext: placeholders ? replaced : nil)
    }

    /// A shape's key, hashed as one block of bytes (an array of bytes hashes byte by byte).
    struct Key: Hashable {
        let bytes: [UInt8]

        static func == (a: Key, b: Key) -> Bool { a.bytes == b.bytes }

        func hash(into hasher: inout Hasher) {
            bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
        }
    }

    /// The marker for leaf `index`: a private-use character, a tab (printing a value with `String(describing:)` of
    /// an array or dictionary escapes it, so such output is never mistaken for a marker), `&` (which tells whether
    /// Mustache escaped the value: `&amp;`), the index, and a closing private-use character.
    static func marker(_ index: Int) -> String { "\u{E000}\t&\(index)\u{E001}" }

    private struct Walker {
        let placeholders: Bool
        var key: [UInt8] = []
        var leaves: [Leaf] = []

        init(placeholders: Bool) {
            self.placeholders = placeholders
            key.reserveCapacity(1024)
            leaves.reserveCapacity(128)
        }

        private mutating func put(_ number: Int) {
            if number >= 10 { put(number / 10) }
            key.append(0x30 + UInt8(number % 10))
        }

        private mutating func put(_ text: String) {
            var text = text
            text.withUTF8 { key.append(contentsOf: $0) }
        }

        /// The value with markers in place (or the value itself without `placeholders`); nil for what is not allowed.
        ///
        /// Only these exact types are walked: what Mustache treats alike whatever their text. Look-alikes that casts
        /// would let through are refused (rendered directly): `NSNumber` (a Boolean or number to Mustache, `Double`
        /// to a cast), `NSArray` (not a Mustache list), `NSDictionary` and `[AnyHashable: Any]` (no names to look
        /// up), optionals (Mustache reflects on them).
        mutating func walk(_ value: Any) -> Any? {
            let type = ObjectIdentifier(Swift.type(of: value))
            if type == Self.stringType, let text = value as? String { return walkText(text) }
            if type == Self.dictionaryType, let dictionary = value as? [String: Any] { return walkDictionary(dictionary) }
            if type == Self.boolType, let flag = value as? Bool {
                put(flag ? "t" : "f")
                return flag
            }
            if type == Self.dictionaryArrayType, let array = value as? [[String: Any]] { return walkArray(array) }
            if type == Self.intType, let number = value as? Int { return leaf(String(describing: number), lineFeed: false) }
            if type == Self.stringDictionaryType, let dictionary = value as? [String: String] { return walkDictionary(dictionary) }
            if type == Self.stringDictionaryArrayType, let array = value as? [[String: String]] { return walkArray(array) }
            if type == Self.stringArrayType, let array = value as? [String] { return walkArray(array) }
            if type == Self.anyArrayType, let array = value as? [Any] { return walkArray(array) }
            if type == Self.doubleType, let number = value as? Double { return leaf(String(describing: number), lineFeed: false) }
            return nil
        }

        /// A typed value, with markers in place when asked (as `walk(_:)`); nil for what is not allowed.
        mutating func walk(typed value: TemplateValue) -> Any? {
            switch value {
            case .text(let text):
                return walkText(text)
            case .flag(let flag):
                put(flag ? "t" : "f")
                return flag
            case .number(let number):
                return leaf(String(number), lineFeed: false)
            case .list(let elements):
                return walk(list: elements, kind: "")
            case .texts(let texts):
                return walk(list: texts.map(TemplateValue.text), kind: "S")
            case .records(let objects):
                return walk(list: objects.map(TemplateValue.object), kind: "R")
            case .object(let object):
                return walk(object: object)
            case .record(let object):
                put("R")
                return walk(object: object)
            }
        }

        /// A list's elements, marked as `[Any]`; `kind` tells lists of the same elements but other Swift types apart.
        private mutating func walk(list elements: [TemplateValue], kind: String) -> Any? {
            put("[")
            put(kind)
            put(elements.count)
            var out: [Any] = []
            if placeholders { out.reserveCapacity(elements.count) }
            for element in elements {
                guard let replaced = walk(typed: element), leaves.count <= ContextShape.maximumLeaves else { return nil }
                if placeholders { out.append(replaced) }
            }
            put("]")
            return out
        }

        /// An object's values in the order they were set; marked as `walkDictionary` marks a dictionary.
        mutating func walk(object: TemplateObject) -> [String: Any]? {
            put("{")
            var out: [String: Any] = [:]
            if placeholders {
                out.reserveCapacity(object.count + 1)
                out["\u{E000}"] = "\u{E000}"
            }
            for (name, child) in zip(object.names, object.values) {
                put(name.utf8.count)
                put(":")
                put(name)
                guard let replaced = walk(typed: child), leaves.count <= ContextShape.maximumLeaves else { return nil }
                if placeholders { out[name] = replaced }
            }
            put("}")
            return out
        }

        private static let stringType = ObjectIdentifier(String.self)
        private static let dictionaryType = ObjectIdentifier([String: Any].self)
        private static let boolType = ObjectIdentifier(Bool.self)
        private static let dictionaryArrayType = ObjectIdentifier([[String: Any]].self)
        private static let intType = ObjectIdentifier(Int.self)
        private static let stringDictionaryType = ObjectIdentifier([String: String].self)
        private static let stringDictionaryArrayType = ObjectIdentifier([[String: String]].self)
        private static let stringArrayType = ObjectIdentifier([String].self)
        private static let anyArrayType = ObjectIdentifier([Any].self)
        private static let doubleType = ObjectIdentifier(Double.self)

        /// A dictionary's entries in key order. In the marked copy, one more entry, named and valued with a lone
        /// private-use character: no template can name it (such templates are not reused), but printing the
        /// dictionary whole (`{{d}}`, whose text follows the dictionary's own storage order) shows it, and a lone
        /// U+E000 makes the output unusable as a skeleton, so such a shape is rendered directly.
        private mutating func walkDictionary<Value>(_ dictionary: [String: Value]) -> Any? {
            put("{")
            var out: [String: Any] = [:]
            if placeholders {
                out.reserveCapacity(dictionary.count + 1)
                out["\u{E000}"] = "\u{E000}"
            }
            for (name, child) in dictionary.sorted(by: { $0.key < $1.key }) {
                put(name.utf8.count)
                put(":")
                put(name)
                guard let replaced = walk(child), leaves.count <= ContextShape.maximumLeaves else { return nil }
                if placeholders { out[name] = replaced }
            }
            put("}")
            return out
        }

        private mutating func walkArray<Element>(_ array: [Element]) -> Any? {
            put("[")
            put(array.count)
            var out: [Any] = []
            if placeholders { out.reserveCapacity(array.count) }
            for element in array {
                guard let replaced = walk(element), leaves.count <= ContextShape.maximumLeaves else { return nil }
                if placeholders { out.append(replaced) }
            }
            put("]")
            return out
        }

        private mutating func walkText(_ text: String) -> Any? {
            var text = text
            let kind = text.withUTF8 { bytes -> TextKind in
                guard let base = bytes.baseAddress, !bytes.isEmpty else { return .empty }
                if memchr(base, 0xEE, bytes.count) != nil { return .forbidden }
                let last = bytes[bytes.count - 1]
                if last == 0x0A, bytes.count >= 2, bytes[bytes.count - 2] != 0x0D { return .lineFeed }
                if last == 0x0A || last == 0x0D { return .literal }
                return .plain
            }
            switch kind {
            case .forbidden: return nil
            case .empty:
                put("e")
                return text
            case .literal:
                put("L")
                put(text.utf8.count)
                put(":")
                put(text)
                return text
            case .lineFeed: return leaf(text, lineFeed: true)
            case .plain: return leaf(text, lineFeed: false)
            }
        }

        private mutating func leaf(_ text: String, lineFeed: Bool) -> Any {
            put(lineFeed ? "n" : "s")
            let index = leaves.count
            leaves.append(Leaf(text: text, endsWithLineFeed: lineFeed))
            guard placeholders else { return text }
            return lineFeed ? ContextShape.marker(index) + "\n" : ContextShape.marker(index)
        }
    }

    private enum TextKind { case empty, forbidden, literal, lineFeed, plain }
}
