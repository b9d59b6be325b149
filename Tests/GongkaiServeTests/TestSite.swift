import Foundation
import GongkaiBuild
import GongkaiCore
@testable import GongkaiServe

/// A complete small site (what `gongkai init` writes) in a temporary folder, plus a static file with a Chinese
/// name, a secret beside the site and, on request, symbolic links pointing out of it (which make the build fail:
/// the loader refuses them).
struct TestSite {
    let root: URL

    /// The SVG copied to `example-2025/图表.svg`.
    static let chart = #"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><title>图表</title></svg>"# + "\n"
    /// Never to be served.
    static let secret = "TOP-SECRET-DO-NOT-SERVE\n"

    init(basePath: String? = nil, outsideLinks: Bool = false) throws {
        let container = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: container, withIntermediateDirectories: true)
        try Data(Self.secret.utf8).write(to: container.appendingPathComponent("secret.txt"))
        root = container.appendingPathComponent("site")
        _ = try SiteInitializer(directory: root).run()
        try Data(Self.chart.utf8).write(to: root.appendingPathComponent("content/example-2025/图表.svg"))
        if outsideLinks {
            try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("content/example-2025/leak.txt").path,
                                                       withDestinationPath: container.appendingPathComponent("secret.txt").path)
            try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("content/example-2025/passwd.txt").path,
                                                       withDestinationPath: "/etc/passwd")
        }
        if let basePath {
            let yaml = root.appendingPathComponent("content/site.yaml")
            let text = try String(contentsOf: yaml, encoding: .utf8)
                .replacingOccurrences(of: "base_url: /  ", with: "base_url: https://www.example.gov.cn\(basePath)")
            try Data(text.utf8).write(to: yaml)
        }
    }

    /// Where the test's servers keep their builds (beside the site, inside the temporary folder).
    var cacheLocation: URL { root.deletingLastPathComponent().appendingPathComponent("cache") }

    /// The topic file used for edits.
    var topic: URL { root.appendingPathComponent("content/example-2025/01.md") }

    /// Rewrites a file under the site.
    func write(_ relative: String, _ text: String) throws {
        try Data(text.utf8).write(to: root.appendingPathComponent(relative))
    }

    /// Reads a file under the site.
    func read(_ relative: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(relative), encoding: .utf8)
    }

    /// Removes the temporary folder.
    func remove() {
        try? FileManager.default.removeItem(at: root.deletingLastPathComponent())
    }
}

/// A preview server running in a task for one test.
final class RunningServer: Sendable {
    let site: TestSite
    let port: Int
    let basePath: String
    private let task: Task<Void, any Error>

    /// Starts a server for `site` on a free port and waits until it listens.
    init(site: TestSite, polling: Bool = false, output: URL? = nil, idleTimeout: Duration? = nil, language: Language = .english) async throws {
        var options = ServeOptions(host: "127.0.0.1", port: 0, polling: polling, handleSignals: false, output: output, language: language)
        if let idleTimeout { options.idleTimeout = idleTimeout }
        options.cacheLocation = site.cacheLocation
        let server = PreviewServer(root: site.root, options: options)
        let (ready, readyContinuation) = AsyncStream.makeStream(of: ServerAddress.self)
        task = Task {
            defer { readyContinuation.finish() }
            try await server.run(onReady: { readyContinuation.yield($0) })
        }
        var iterator = ready.makeAsyncIterator()
        guard let address = await iterator.next() else {
            _ = try await task.value
            throw RawConnection.Failure(description: "server ended before listening")
        }
        self.site = site
        port = address.port
        basePath = address.basePath
    }

    /// Stops the server by cancelling its task (which the server turns into a graceful stop, as Ctrl-C is) and waits for it to end.
    func stop() async {
        task.cancel()
        _ = try? await task.value
    }

    /// Resolves when the server task ends.
    func finished() async -> Result<Void, any Error> {
        await task.result
    }
}

