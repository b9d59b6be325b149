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

    /// The value as Mustache receives it: `String`, `Bool`, `Int`, `[Any]` or `[String: Any]`.
    var mustacheValue: Any {
        switch self {
        case .text(let text): text
        case .flag(let flag): flag
        case .number(let number): number
        case .list(let elements): elements.map(\.mustacheValue)
        case .object(let object): object.mustacheValue
        }
    }
}
