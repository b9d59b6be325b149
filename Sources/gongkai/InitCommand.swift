import ArgumentParser
import Foundation
import GongkaiBuild
import GongkaiCore

/// `gongkai init DIR`: a new site for another office.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Start a new site: the default theme, a commented site config and an example report."
    )

    @Argument(help: "The folder for the new site (created if needed).")
    var directory: String

    func run() throws {
        let url = URL(fileURLWithPath: directory, isDirectory: true).standardizedFileURL
        do {
            let written = try SiteInitializer(directory: url).run()
            print("created a new site in \(directory) (\(written.count) files). Next: edit content/site.yaml, then run `gongkai build --root \(directory)`")
        } catch {
            DiagnosticPrinter.print(error.diagnostics)
            throw ExitCode.failure
        }
    }
}
