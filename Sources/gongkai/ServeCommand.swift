import ArgumentParser
import Foundation
import GongkaiBuild
import GongkaiCore
import GongkaiServe

/// `gongkai serve`: build the site in memory, serve it, and rebuild and reload open tabs on every change.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the site: build it in memory, serve it on 127.0.0.1 and reload open pages on every change.",
        discussion: "Nothing is written to public/ unless --write is given: then public/ (or --output) is kept in step with every good build, and only files whose bytes changed are written. Build errors show in the terminal and on the open page while the last good build stays served."
    )

    @OptionGroup var site: SiteRootOption

    @Option(help: "The port to listen on (0 picks a free one).")
    var port: Int = 1313

    @Option(help: "The address to listen on. Only loopback by default; 0.0.0.0 shows the preview to the whole network.")
    var host: String = "127.0.0.1"

    @Flag(help: "Open the site in the browser (xdg-open).")
    var open = false

    @Flag(help: "Poll for changes instead of using inotify (for file systems without change notification).")
    var poll = false

    @Option(help: "Publish address, e.g. https://www.example.gov.cn/fzzfjs/ (overrides base_url; the preview uses its path).")
    var baseURL: String?

    @Flag(help: "Also write every good build into public/ (or --output), rewriting only files whose bytes changed.")
    var write = false

    @Option(help: "Output folder for --write (default: public/ in the site folder).")
    var output: String?

    func validate() throws {
        if output != nil && !write { throw ValidationError("--output needs --write") }
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
    }

    func run() async throws {
        // With --write the build is the one `gongkai build` makes (its build date included), so public/ is the same.
        let date = write ? BuildOptions.buildDate(sourceDateEpoch: ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"]) : nil
        let destination = write ? URL(fileURLWithPath: output ?? site.url.appendingPathComponent("public").path, isDirectory: true).standardizedFileURL : nil
        let options = ServeOptions(host: host, port: port, build: BuildOptions(baseURL: baseURL, buildDate: date), polling: poll,
                                   output: destination)
        let open = self.open
        do {
            try await PreviewServer(root: site.url, options: options).run(onReady: { address in
                Self.say("serving \(address.url)  (Ctrl-C to stop)")
                if open { Self.openBrowser(address.url) }
            }, onBuild: { [warnings = ServeWarnings()] event in Self.report(event); warnings.report(event) })
            Self.say("stopped")
        } catch let error as ServeError {
            if case .outputInUse(let message) = error {
                FileHandle.standardError.write(Data((message + "\n").utf8))
                throw ExitCode.failure
            }
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode.failure
        }
    }

    /// One line per build; diagnostics in compiler format.
    @Sendable private static func report(_ event: BuildEvent) {
        if !event.succeeded { WarningSummary.printFailure(event.diagnostics.filter { $0.severity != .note }, language: userLanguage) }
        let ms = Int(event.duration.components.seconds * 1000 + event.duration.components.attoseconds / 1_000_000_000_000_000)
        if !event.succeeded {
            say("build failed in \(ms) ms; still serving the last good build")
        } else if event.trigger.isEmpty {
            say("built \(event.pages) pages, \(event.files) files in \(ms) ms" + (event.written.map { ", \($0.count) written" } ?? ""))
        } else {
            say("rebuilt in \(ms) ms: \(event.changedURLs.count) changed" + (event.written.map { ", \($0.count) files written" } ?? ""))
        }
    }

    /// Writes a line to standard output at once (print is buffered when output is a pipe).
    private static func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    /// Opens `url` with xdg-open when it is installed.
    private static func openBrowser(_ url: String) {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        guard let tool = paths.map({ "\($0)/xdg-open" }).first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            FileHandle.standardError.write(Data("warning: xdg-open not found; open \(url) yourself\n".utf8))
            return
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = [url]
        try? process.run()
    }
}
