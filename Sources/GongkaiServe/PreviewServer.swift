import Foundation
import GongkaiBuild
import GongkaiCore
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// `gongkai serve`: builds the site in memory, serves it over HTTP (Hummingbird) and rebuilds on every change of
/// `content/` or `theme/`, telling open tabs to reload or to show the build errors.
///
/// Nothing is written to `public/` unless the options name an output folder (`--write`); the served files are the
/// last good build's, held in memory. With an output folder, its lock (`OutputLock`) is held from start to stop, so
/// no `gongkai build` writes it meanwhile.
public struct PreviewServer: Sendable {
    /// The site folder.
    public let root: URL
    /// Options.
    public let options: ServeOptions

    /// Creates a server for the site at `root`.
    public init(root: URL, options: ServeOptions = ServeOptions()) {
        self.root = root
        self.options = options
    }

    /// Builds, starts listening and runs until SIGINT/SIGTERM (when `handleSignals`) or until the task is
    /// cancelled. `onReady` is called once the port is bound; `onBuild` after every build, the first included.
    /// Throws ``ServeError`` when the address cannot be bound, or the output folder is being written by another build.
    public func run(onReady: @escaping @Sendable (ServerAddress) async -> Void = { _ in },
                    onBuild: @escaping @Sendable (BuildEvent) -> Void = { _ in }) async throws {
        let state = SiteState()
        let hub = ReloadHub()
        var outputLock: OutputLock?
        if let output = options.output {
            do { outputLock = try OutputLock(destination: output) } catch {
                throw ServeError.outputInUse(error.diagnostics.map { $0.line(options.language) }.joined(separator: "\n"))
            }
        }
        let rebuilder = SiteRebuilder(builder: SiteBuilder(root: root, options: options.build, keepsState: true), state: state, hub: hub, onBuild: onBuild,
                                      output: outputLock?.destination, outputLock: outputLock)
        // Watch first, so that an edit made during the first build is not missed.
        let watcher = SiteWatcher(root: root, polling: options.polling, debounce: options.debounce)
        await rebuilder.rebuild(trigger: [])

        var logger = Logger(label: "gongkai.serve")
        logger.logLevel = .critical
        let host = options.host
        let app = Application(
            responder: PreviewResponder(state: state, hub: hub, language: options.language),
            server: .http1(configuration: .init(idleTimeout: .nanoseconds(Self.nanoseconds(options.idleTimeout)))),
            configuration: ApplicationConfiguration(address: .hostname(host, port: options.port), serverName: nil),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                await onReady(ServerAddress(host: host, port: port, basePath: state.current.snapshot.basePath))
            },
            logger: logger
        )
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(
            services: [app, RebuildService(rebuilder: rebuilder, watcher: watcher)],
            gracefulShutdownSignals: options.handleSignals ? [.sigint, .sigterm] : [],
            logger: logger
        ))
        do {
            try await group.run()
        } catch {
            watcher.stop()
            throw Self.explain(error, host: host, port: options.port)
        }
    }

    /// Turns a bind failure into a ``ServeError``; other errors pass through.
    private static func explain(_ error: any Error, host: String, port: Int) -> any Error {
        if let io = error as? IOError {
            if io.errnoCode == EADDRINUSE { return ServeError.portInUse(host: host, port: port) }
            return ServeError.cannotListen(host: host, port: port, reason: "\(io)")
        }
        let text = "\(error)"
        if text.contains("Address already in use") { return ServeError.portInUse(host: host, port: port) }
        if error is SocketAddressError {
            return ServeError.cannotListen(host: host, port: port, reason: text)
        }
        return error
    }

    /// `duration` in whole nanoseconds, for NIO's `TimeAmount`.
    static func nanoseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}
