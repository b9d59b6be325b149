import Foundation
import GongkaiCore

/// A message to the open tabs, sent as a server-sent event.
enum ReloadEvent: Sendable, Hashable {
    /// These URL paths changed (decoded, with the base path); `all` asks every tab to reload.
    case reload(paths: [String], all: Bool)
    /// The build failed; the diagnostics to show.
    case buildError([Diagnostic])
    /// The build is good (clears an overlay).
    case buildOK
    /// A comment line that keeps the connection alive and finds clients that went away.
    case heartbeat

    /// The event in `text/event-stream` form, in English.
    var serverSentEvent: String { serverSentEvent(.english) }

    /// The event in `text/event-stream` form; a build error's diagnostics and the overlay's words in `language`.
    func serverSentEvent(_ language: Language) -> String {
        switch self {
        case .reload(let paths, let all):
            return Self.event("reload", Payload(paths: paths, all: all))
        case .buildError(let diagnostics):
            let items = diagnostics.map {
                DiagnosticPayload(location: $0.location.description, severity: $0.severity.word(language), message: $0.text.text(language))
            }
            return Self.event("build-error", ErrorPayload(diagnostics: items, title: ServeText.overlayTitle.message.text(language),
                                                          close: ServeText.overlayClose.message.text(language), language: language.rawValue))
        case .buildOK:
            return "event: build-ok\ndata: {}\n\n"
        case .heartbeat:
            return ": heartbeat\n\n"
        }
    }

    private struct Payload: Encodable {
        var paths: [String]
        var all: Bool
    }

    private struct DiagnosticPayload: Encodable {
        var location: String
        var severity: String
        var message: String
    }

    private struct ErrorPayload: Encodable {
        var diagnostics: [DiagnosticPayload]
        /// The overlay's banner.
        var title: String
        /// The close button's label.
        var close: String
        /// `en` or `zh`, the overlay's `lang`.
        var language: String
    }

    /// One event; JSON without pretty printing has no raw newlines, so it fits one `data:` line.
    private static func event(_ name: String, _ payload: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = (try? encoder.encode(payload)).flatMap { String(data: $0, encoding: .utf8) } ?? "{}"
        return "event: \(name)\ndata: \(json)\n\n"
    }
}
