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

    /// The value named `name`; setting nil removes it.
    subscript(name: String) -> TemplateValue? {
        get { names.firstIndex(of: name).map { values[$0] } }
        set {
            if let i = names.firstIndex(of: name) {
                if let newValue { values[i] = newValue } else {
                    names.remove(at: i)
                    values.remove(at: i)
                }
            } else if let newValue {
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
