/// A value a page template sees, typed: what `PageContextBuilder` makes instead of `[String: Any]`, so that
/// building a page's values neither hashes every key nor boxes every value, and `ContextShape` reads them without
/// casts. `mustacheValue` gives the `[String: Any]` form Mustache renders.
enum TemplateValue: Sendable {
    /// Text (escaped by `{{x}}`, inserted as it is by `{{{x}}}`).
    case text(String)
    /// A Boolean: a section shows or hides on it.
    case flag(Bool)
    /// A whole number, printed in decimal.
    case number(Int)
    /// A list: a section repeats for each element.
    case list([TemplateValue])
    /// Named values.
    case object(TemplateObject)

    /// The value as Mustache receives it: `String`, `Bool`, `Int`, `[String: Any]`, and for a list `[String]` when
    /// every element is text (Mustache's `sorted` transform needs comparable elements), `[[String: Any]]` when every
    /// element is an object, `[Any]` otherwise.
    var mustacheValue: Any {
        switch self {
        case .text(let text): return text
        case .flag(let flag): return flag
        case .number(let number): return number
        case .object(let object): return object.mustacheValue
        case .list(let elements):
            var texts: [String] = []
            var objects: [[String: Any]] = []
            for element in elements {
                switch element {
                case .text(let text) where objects.isEmpty: texts.append(text)
                case .object(let object) where texts.isEmpty: objects.append(object.mustacheValue)
                default: return elements.map(\.mustacheValue)
                }
            }
            return texts.isEmpty ? objects as Any : texts as Any
        }
    }
}
