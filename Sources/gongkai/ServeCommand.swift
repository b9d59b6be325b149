import ArgumentParser
import Foundation
import GongkaiBuild
import GongkaiCore
import GongkaiServe

/// `gongkai serve`: build the site into a private cache folder, serve it from there, and rebuild and reload open tabs on every change.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: CLIText.serveAbstract.text(),
        discussion: CLIText.serveDiscussion.text()
    )

    @OptionGroup var site: SiteRootOption

    @Option(name: [.customShort("p"), .long], help: CLIText.servePortHelp.help)
    var port: Int = 1313

    @Option(help: CLIText.serveHostHelp.help)
    var host: String = "127.0.0.1"

    @Flag(help: CLIText.serveOpenHelp.help)
    var open = false

    @Flag(help: CLIText.servePollHelp.help)
    var poll = false

    @Option(name: [.customShort("b"), .long], help: CLIText.serveBaseURLHelp.help)
    var baseURL: String?

    @Flag(help: CLIText.serveWriteHelp.help)
    var write = false

    @Option(name: [.customShort("o"), .long], help: CLIText.serveOutputHelp.help)
    var output: String?

    func validate() throws {
        if output != nil && !write { throw ValidationError(ServeText.outputNeedsWrite.message.text(userLanguage)) }
        guard (0...65535).contains(port) else { throw ValidationError(ServeText.portRange.message.text(userLanguage)) }
    }

    func run() async throws {
        // With --write the build is the one `gongkai build` makes (its build date included), so public/ is the same.
        let date = write ? BuildOptions.buildDate(sourceDateEpoch: ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"]) : nil
        let destination = write ? URL(fileURLWithPath: output ?? site.url.appendingPathComponent("public").path, isDirectory: true).standardizedFileURL : nil
        let options = ServeOptions(host: host, port: port, build: BuildOptions(baseURL: baseURL, buildDate: date), polling: poll,
                                   output: destination, language: userLanguage)
        let open = self.open
        do {
            try await PreviewServer(root: site.url, options: options).run(onReady: { address in
                Self.say(ServeText.serving(["url": address.url]).text(userLanguage))
                if open { Self.openBrowser(address.url) }
            }, onBuild: { [warnings = ServeWarnings()] event in Self.report(event); warnings.report(event) })
            Self.say(ServeText.stopped.message.text(userLanguage))
        } catch let error as ServeError {
            if case .outputInUse(let message) = error {
                FileHandle.standardError.write(Data((message + "\n").utf8))
                throw ExitCode.failure
            }
            FileHandle.standardError.write(Data("\(Diagnostic.Severity.error.word(userLanguage)): \(error.text(userLanguage))\n".utf8))
            throw ExitCode.failure
        }
    }

    /// One line per build; diagnostics in compiler format.
    @Sendable private static func report(_ event: BuildEvent) {
        if !event.succeeded { WarningSummary.printFailure(event.diagnostics.filter { $0.severity != .note }, language: userLanguage) }
        let ms = Int(event.duration.components.seconds * 1000 + event.duration.components.attoseconds / 1_000_000_000_000_000)
        if !event.succeeded {
            say(ServeText.buildFailed(["ms": ms]).text(userLanguage))
        } else if event.trigger.isEmpty {
            let line = event.written.map { ServeText.builtWritten(["pages": event.pages, "files": event.files, "ms": ms, "written": $0.count]) }
                ?? ServeText.built(["pages": event.pages, "files": event.files, "ms": ms])
            say(line.text(userLanguage))
        } else {
            let line = event.written.map { ServeText.rebuiltWritten(["ms": ms, "changed": event.changedURLs.count, "written": $0.count]) }
                ?? ServeText.rebuilt(["ms": ms, "changed": event.changedURLs.count])
            say(line.text(userLanguage))
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
            FileHandle.standardError.write(Data("\(Diagnostic.Severity.warning.word(userLanguage)): \(ServeText.noXdgOpen(["url": url]).text(userLanguage))\n".utf8))
            return
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = [url]
        try? process.run()
    }
}
