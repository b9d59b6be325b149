import Foundation
import GongkaiBuild

/// Choices for `gongkai serve`.
public struct ServeOptions: Sendable {
    /// The address to listen on; loopback unless asked otherwise.
    public var host: String
    /// The port; 0 picks a free one (read it from ``ServerAddress``).
    public var port: Int
    /// Options passed to every build.
    public var build: BuildOptions
    /// Poll for changes instead of using inotify.
    public var polling: Bool
    /// How long the sources must stay quiet before a rebuild starts.
    public var debounce: Duration
    /// Also keep this folder (usually `public/`) in step with every good build, writing only files whose bytes
    /// changed; nil serves from memory only.
    public var output: URL?
    /// Stop gracefully on SIGINT and SIGTERM (off in tests, which cancel instead).
    public var handleSignals: Bool

    /// Creates options; the defaults are those of `gongkai serve`.
    public init(host: String = "127.0.0.1", port: Int = 1313, build: BuildOptions = BuildOptions(), polling: Bool = false,
                debounce: Duration = .milliseconds(15), handleSignals: Bool = true, output: URL? = nil) {
        self.host = host
        self.port = port
        self.build = build
        self.polling = polling
        self.debounce = debounce
        self.handleSignals = handleSignals
        self.output = output
    }
}
