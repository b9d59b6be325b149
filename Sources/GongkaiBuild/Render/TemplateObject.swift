/// Named template values, in the order they were set (a name appears once: setting it again replaces its value).
struct TemplateObject: Sendable, ExpressibleByDictionaryLiteral {
    /// The names, in order.
    private(set) var names: [String] = []
    /// The values, `values[i]` named `names[i]`.
    private(set) var values: [TemplateValue] = []

    /// An empty object.
    init() {}

    /// The pairs in order (a repeated name keeps its last value, at its first place).
    init(dictionaryLiteral elements: (String, TemplateValue)...) {
        names.reserveCapacity(elements.count)
        values.reserveCapacity(elements.count)
        for (name, value) in elements { self[name] = value }
    }

    /// Number of values.
    var count: Int { names.count }

    /// Whether a name set so far has a byte outside ASCII (see `position(of:)`).
    private var hasNonASCIIName = false

    /// The position of `name`. An object is built by setting names one by one, each looked up among those set
    /// before: while every name is ASCII (the code's own names are), names of another length are passed over
    /// without comparing their text, as two ASCII strings are equal only byte for byte. Otherwise names are compared
    /// as Swift compares strings (canonical equivalence: U+212A KELVIN SIGN equals `K`).
    private func position(of name: String) -> Int? {
        guard !hasNonASCIIName, Self.isASCII(name) else { return names.firstIndex(of: name) }
        let length = name.utf8.count
        return names.firstIndex { $0.utf8.count == length && $0 == name }
    }

    private static func isASCII(_ name: String) -> Bool { name.utf8.allSatisfy { $0 < 0x80 } }

    /// The value named `name`; setting nil removes it.
    subscript(name: String) -> TemplateValue? {
        get { position(of: name).map { values[$0] } }
        set {
            if let i = position(of: name) {
                if let newValue { values[i] = newValue } else {
                    names.remove(at: i)
                    values.remove(at: i)
                }
            } else if let newValue {
                if !hasNonASCIIName && !Self.isASCII(name) { hasNonASCIIName = true }
                names.append(name)
                values.append(newValue)
            }
        }
    }

    /// Sets `name` to `text` unless the text is empty or TODO (templates' `{{#name}}` sections then skip it).
    mutating func setKnown(_ name: String, _ text: String) {
        if !text.isUnsetValue { self[name] = .text(text) }
    }

    /// The object as `[String: String]`, for an object of text values (`TemplateValue.record`): other values are
    /// given as Mustache would print them.
    var textValues: [String: String] {
        var out: [String: String] = [:]
        out.reserveCapacity(names.count)
        for (name, value) in zip(names, values) {
            if case .text(let text) = value { out[name] = text } else { out[name] = String(describing: value.mustacheValue) }
        }
        return out
    }

    /// The object as Mustache receives it.
    var mustacheValue: [String: Any] {
        var out: [String: Any] = [:]
        out.reserveCapacity(names.count)
        for (name, value) in zip(names, values) { out[name] = value.mustacheValue }
        return out
    }
}
