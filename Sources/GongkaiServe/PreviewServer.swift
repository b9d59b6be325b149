import Foundation
import GongkaiBuild
import GongkaiCore
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// `gongkai serve`: builds the site, serves it over HTTP (Hummingbird) and rebuilds on every change of
/// `content/` or `theme/`, telling open tabs to reload or to show the build errors.
///
/// Every good build is streamed to disk and served from there, a file read per request: into the server's private
/// cache folder (`SiteCache`, removed at a clean stop when the server made it), or, when the options name an output
/// folder (`--write`), into that folder, so `public/` is never touched without `--write`. The server itself holds
/// only each file's hash. The folder's lock (`OutputLock`) is held from start to stop and passed to each build, so
/// no `gongkai build` (nor another server) writes it meanwhile.
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

    /// How long a stop waits for open connections to finish before cancelling them.
    static let gracefulStopLimit: Duration = .seconds(5)

    /// Builds, starts listening and runs until SIGINT/SIGTERM (when `handleSignals`) or until the task is
    /// cancelled; either stop is graceful (the connections accepted are answered and closed first, for at most
    /// five seconds). `onReady` is called once the port is bound; `onBuild` after every build, the first included.
    /// Throws ``ServeError`` when the address cannot be bound, or the output folder is being written by another build.
    public func run(onReady: @escaping @Sendable (ServerAddress) async -> Void = { _ in },
                    onBuild: @escaping @Sendable (BuildEvent) -> Void = { _ in }) async throws {
        let state = SiteState()
        let hub = ReloadHub()
        let builder = SiteBuilder(root: root, options: options.build, publishingChecks: true, keepsState: true)
        let rebuilder: SiteRebuilder
        let cache: SiteCache?
        if let output = options.output {
            let lock: OutputLock
            do { lock = try OutputLock(destination: output) } catch {
                throw ServeError.outputInUse(error.diagnostics.map { $0.line(options.language) }.joined(separator: "\n"))
            }
            cache = nil
            rebuilder = SiteRebuilder(builder: builder, state: state, hub: hub, onBuild: onBuild, lock: lock, reportsWritten: true)
        } else {
            let made = try SiteCache(root: root, location: options.cacheLocation, language: options.language)
            cache = made
            rebuilder = SiteRebuilder(builder: builder, state: state, hub: hub, onBuild: onBuild, lock: made.lock)
        }
        // A clean stop (SIGINT, SIGTERM, cancellation) or a failure to listen: the cache folder goes if this server made it.
        defer { cache?.removeIfMade() }
        // Watch first, so that an edit made during the first build is not missed.
        let watcher = SiteWatcher(root: root, polling: options.polling, debounce: options.debounce)
        FreedMemory.returnAtOnce()
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
        var configuration = ServiceGroupConfiguration(
            services: [app, RebuildService(rebuilder: rebuilder, watcher: watcher)],
            gracefulShutdownSignals: options.handleSignals ? [.sigint, .sigterm] : [],
            logger: logger
        )
        // A client that holds its connection open does not hold the stop for longer than this; then the rest is cancelled.
        configuration.maximumGracefulShutdownDuration = Self.gracefulStopLimit
        let group = ServiceGroup(configuration: configuration)
        do {
            // Cancelling the caller's task stops the server gracefully, as SIGINT does: the group runs in a task of its
            // own, out of the cancellation's reach, and is told to shut down. The server then stops accepting, handles
            // the connections it has accepted and closes them. Cancelling the group itself would drop the accepted
            // connections still queued for the server's accept loop unrun, and NIO traps on such a connection
            // ("Deinited NIOAsyncWriter without calling finish()").
            let running = Task { try await group.run() }
            try await withTaskCancellationHandler {
                try await running.value
            } onCancel: {
                Task { await group.triggerGracefulShutdown() }
            }
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
