/// The messages of GongkaiCore: the diagnostic printer's words and the dates and names every module checks.
public enum CoreText: String, MessageCatalogue {
    case severityError
    case severityWarning
    case severityNote
    case summary
    /// Text that comes whole from elsewhere (a library's own message, a message already composed): shown as is.
    case verbatim

    public static let catalogueName = "core"

    public var texts: MessageTexts {
        switch self {
        case .severityError: MessageTexts("error", "错误")
        case .severityWarning: MessageTexts("warning", "警告")
        case .severityNote: MessageTexts("note", "注")
        case .summary: MessageTexts("{errors} error{_es}, {warnings} warning{_ws}", "{errors} 个错误，{warnings} 个警告")
        case .verbatim: MessageTexts("{text}", "{text}")
        }
    }
}
