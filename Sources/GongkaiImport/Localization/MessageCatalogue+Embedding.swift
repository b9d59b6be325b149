import GongkaiCore

extension MessageCatalogue {
    /// The message with arguments that are messages themselves (a build diagnostic, a name worded per language):
    /// each language's wording holds each inner message in the same language.
    func embedding(_ inner: [String: Message], _ arguments: [String: String] = [:]) -> Message {
        var english = arguments, chinese = arguments
        for (name, message) in inner {
            english[name] = message.text(.english)
            chinese[name] = message.text(.chinese)
        }
        return Message(key: "\(Self.catalogueName).\(rawValue)", texts: MessageTexts(
            Message(key: "", texts: texts, arguments: english).text(.english),
            Message(key: "", texts: texts, arguments: chinese).text(.chinese)))
    }
}
