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
    /// A list: a section repeats for each element (given to Mustache as `[[String: Any]]` when every element is
    /// an object, as the list of objects it usually is, or empty; `[Any]` otherwise).
    case list([TemplateValue])
    /// A list of text (`[String]`: Mustache's `sorted` transform works on it, even empty).
    case texts([String])
    /// A list of objects whose values are all text (`[[String: String]]`, which transforms such as `reversed`
    /// print by its type).
    case records([TemplateObject])
    /// Named values.
    case object(TemplateObject)
    /// Named values, all text (`[String: String]`).
    case record(TemplateObject)

    /// The value as Mustache receives it: the Swift types the untyped contexts had, which transforms and printing
    /// a value whole can tell apart.
    var mustacheValue: Any {
        switch self {
        case .text(let text): return text
        case .flag(let flag): return flag
        case .number(let number): return number
        case .object(let object): return object.mustacheValue
        case .record(let object): return object.textValues
        case .texts(let texts): return texts
        case .records(let objects): return objects.map(\.textValues)
        case .list(let elements):
            var objects: [[String: Any]] = []
            objects.reserveCapacity(elements.count)
            for element in elements {
                guard case .object(let object) = element else { return elements.map(\.mustacheValue) }
                objects.append(object.mustacheValue)
            }
            return objects
        }
    }
}
