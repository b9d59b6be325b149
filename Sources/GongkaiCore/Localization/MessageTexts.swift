/// One message's wording in both languages, side by side, with `{name}` placeholders for its arguments.
///
/// A placeholder whose name starts with `_` (such as `{_s}` for an English plural) may appear in one language only;
/// every other placeholder appears in both (`LocalizationTests` checks every catalogue).
public struct MessageTexts: Sendable, Hashable {
    /// The English wording.
    public let english: String
    /// The Chinese wording.
    public let chinese: String

    /// Both wordings.
    public init(_ english: String, _ chinese: String) {
        self.english = english
        self.chinese = chinese
    }

    /// The wording in `language`.
    public func template(_ language: Language) -> String {
        switch language {
        case .english: english
        case .chinese: chinese
        }
    }
}
