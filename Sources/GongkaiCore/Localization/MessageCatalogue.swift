/// A module's table of user-facing messages: one enum case per message, its wording in both languages.
///
/// Each module that talks to the user has one catalogue (`CoreText`, `BuildText`, …); code never builds a
/// user-facing sentence from a string literal, it names a case: `BuildText.brokenLink(["target": link])`.
public protocol MessageCatalogue: RawRepresentable<String>, CaseIterable, Sendable {
    /// The catalogue's name, prefixed to each key (`build.brokenLink`).
    static var catalogueName: String { get }
    /// The message's wording in both languages.
    var texts: MessageTexts { get }
}

extension MessageCatalogue {
    /// The message with its arguments: `{name}` in the wording is replaced by `arguments["name"]`; an argument
    /// that is itself a `Message` is shown in the language of the whole.
    public func callAsFunction(_ arguments: KeyValuePairs<String, any Sendable> = [:]) -> Message {
        var values: [String: String] = [:]
        var nested: [String: Message] = [:]
        for (name, value) in arguments {
            if let message = value as? Message { nested[name] = message } else { values[name] = "\(value)" }
        }
        return Message(key: "\(Self.catalogueName).\(rawValue)", texts: texts, arguments: values, nested: nested)
    }

    /// The message with arguments that are messages themselves, given apart from the plain ones.
    public func embedding(_ inner: [String: Message], _ arguments: [String: String] = [:]) -> Message {
        Message(key: "\(Self.catalogueName).\(rawValue)", texts: texts, arguments: arguments, nested: inner)
    }

    /// The message with no arguments.
    public var message: Message { self() }
}
