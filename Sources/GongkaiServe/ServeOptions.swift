import Foundation
import GongkaiBuild
import GongkaiCore

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
    /// How long a connection may hold no request in progress (a request whose head has not arrived, or nothing
    /// after a response) before it is closed: a client that sends its headers a byte at a time, or never, does not
    /// keep a connection forever. The live-reload stream is a request in progress and stays open.
    public var idleTimeout: Duration = .seconds(30)
    /// The language of the browser's build-error overlay and failure page (the serve process's own language).
    public var language: Language
    /// Where the private folders of the builds go when there is no output folder: nil for the user's cache
    /// (`$XDG_CACHE_HOME/gongkai/serve`, else `~/.cache/gongkai/serve`); tests give a folder of their own.
    public var cacheLocation: URL? = nil

    /// Creates options; the defaults are those of `gongkai serve`.
    public init(host: String = "127.0.0.1", port: Int = 1313, build: BuildOptions = BuildOptions(), polling: Bool = false,
                debounce: Duration = .milliseconds(15), handleSignals: Bool = true, output: URL? = nil,
                language: Language = .english) {
        self.host = host
        self.port = port
        self.build = build
        self.polling = polling
        self.debounce = debounce
        self.handleSignals = handleSignals
        self.output = output
        self.language = language
    }
}
