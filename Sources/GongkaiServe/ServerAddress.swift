/// Where a started preview server listens.
public struct ServerAddress: Sendable, Hashable {
    /// The host it was asked to listen on.
    public var host: String
    /// The bound port.
    public var port: Int
    /// The site's base path (`/`, `/fzzfjs/`).
    public var basePath: String

    /// Creates an address.
    public init(host: String, port: Int, basePath: String) {
        self.host = host
        self.port = port
        self.basePath = basePath
    }

    /// The address to open in a browser: a wildcard host is shown as loopback, IPv6 in brackets.
    public var url: String {
        var shown = host
        if shown == "0.0.0.0" || shown.isEmpty { shown = "127.0.0.1" }
        if shown == "::" { shown = "::1" }
        if shown.contains(":") { shown = "[\(shown)]" }
        return "http://\(shown):\(port)\(basePath)"
    }
}
