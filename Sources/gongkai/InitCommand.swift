import ArgumentParser
import Foundation
import GongkaiBuild
import GongkaiCore

/// `gongkai init [DIR]`: a new site for another office, in DIR or in the current folder.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: CLIText.initAbstract.text()
    )

    @Argument(help: CLIText.initDirectoryHelp.help)
    var directory: String?

    func run() throws {
        let url = URL(fileURLWithPath: directory ?? ".", isDirectory: true).standardizedFileURL
        do {
            let written = try SiteInitializer(directory: url).run()
            let shown = directory ?? url.path
            print(CLIText.initCreated.text(["directory": shown, "count": written.count]))
            print(directory == nil ? CLIText.initNextHere.text() : CLIText.initNextThere.text(["directory": Self.shellQuoted(shown)]))
        } catch {
            DiagnosticPrinter.print(error.diagnostics, language: userLanguage)
            throw ExitCode.failure
        }
    }

    /// `path` as one shell word: as it is when it holds no character the shell reads, else in single quotes.
    static func shellQuoted(_ path: String) -> String {
        let plain = path.unicodeScalars.allSatisfy { !$0.isASCII || $0.properties.isAlphabetic || "0123456789-_./".unicodeScalars.contains($0) }
        return plain ? path : "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
