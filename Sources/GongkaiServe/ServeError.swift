/// Why the preview server could not start.
public enum ServeError: Error, Sendable, CustomStringConvertible {
    /// Something else already listens on the port.
    case portInUse(host: String, port: Int)
    /// The address could not be bound for another reason.
    case cannotListen(host: String, port: Int, reason: String)
    /// `--write` was given, and another build holds the output folder's lock (the message says which folder).
    case outputInUse(String)

    public var description: String {
        switch self {
        case .portInUse(let host, let port):
            return "port \(port) on \(host) is already in use; stop the other server or choose another port with --port"
        case .cannotListen(let host, let port, let reason):
            return "cannot listen on \(host):\(port): \(reason)"
        case .outputInUse(let message):
            return message
        }
    }
}
