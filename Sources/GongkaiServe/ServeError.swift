import GongkaiCore

/// Why the preview server could not start.
public enum ServeError: Error, Sendable, CustomStringConvertible {
    /// Something else already listens on the port.
    case portInUse(host: String, port: Int)
    /// The address could not be bound for another reason.
    case cannotListen(host: String, port: Int, reason: String)
    /// `--write` was given, and another build holds the output folder's lock (the message says which folder).
    case outputInUse(String)
    /// The private folder the builds are written into could not be made.
    case cannotMakeCache(path: String, reason: String)

    /// The reason in English.
    public var description: String { text(.english) }

    /// The reason in `language` (the output lock's own diagnostics come already composed).
    public func text(_ language: Language) -> String {
        switch self {
        case .portInUse(let host, let port):
            return ServeText.portInUse(["port": port, "host": host]).text(language)
        case .cannotListen(let host, let port, let reason):
            return ServeText.cannotListen(["host": host, "port": port, "reason": reason]).text(language)
        case .outputInUse(let message):
            return message
        case .cannotMakeCache(let path, let reason):
            return ServeText.cannotMakeCache(["path": path, "reason": reason]).text(language)
        }
    }
}
