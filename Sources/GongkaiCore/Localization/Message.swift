/// A user-facing text: a catalogue entry and its arguments, shown in whichever language the user reads.
public struct Message: Sendable, Hashable, CustomStringConvertible {
    /// `catalogue.case`, e.g. `build.brokenLink`.
    public let key: String
    /// The wording in both languages.
    public let texts: MessageTexts
    /// The values of the wording's `{name}` placeholders.
    public let arguments: [String: String]
    /// Placeholders filled by another message, shown in the same language as this one (a reason inside a sentence).
    public let nested: [String: Message]

    /// A message; normally made by calling a catalogue case.
    public init(key: String, texts: MessageTexts, arguments: [String: String] = [:], nested: [String: Message] = [:]) {
        self.key = key
        self.texts = texts
        self.arguments = arguments
        self.nested = nested
    }

    /// The text in `language`, placeholders filled in (an unknown placeholder is left as written).
    public func text(_ language: Language) -> String {
        guard !nested.isEmpty else { return Message.fill(texts.template(language), with: arguments) }
        var values = arguments
        for (name, message) in nested { values[name] = message.text(language) }
        return Message.fill(texts.template(language), with: values)
    }

    /// The English text.
    public var description: String { text(.english) }

    /// `template` with each `{name}` replaced by `arguments[name]`.
    static func fill(_ template: String, with arguments: [String: String]) -> String {
        guard template.contains("{") else { return template }
        var result = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            let afterOpen = rest.index(after: open)
            guard let close = rest[afterOpen...].firstIndex(of: "}") else { break }
            let name = String(rest[afterOpen..<close])
            if let value = arguments[name] { result += value } else { result += rest[open...close] }
            rest = rest[rest.index(after: close)...]
        }
        result += rest
        return result
    }

    /// The placeholder names in `template`.
    public static func placeholders(in template: String) -> Set<String> {
        var names: Set<String> = []
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            let afterOpen = rest.index(after: open)
            guard let close = rest[afterOpen...].firstIndex(of: "}") else { break }
            let name = rest[afterOpen..<close]
            if !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) { names.insert(String(name)) }
            rest = rest[rest.index(after: close)...]
        }
        return names
    }
}
