import ArgumentParser
import Foundation
import GongkaiBuild
import GongkaiCore

/// `gongkai check`: runs the build pipeline without writing and reports everything a publisher should fix.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: CLIText.checkAbstract.text()
    )

    @OptionGroup var site: SiteRootOption

    @Option(name: [.customShort("b"), .long], help: CLIText.checkBaseURLHelp.help)
    var baseURL: String?

    @Flag(help: CLIText.strictHelp.help)
    var strict = false

    func run() throws {
        let builder = SiteBuilder(root: site.url, options: BuildOptions(baseURL: baseURL), publishingChecks: true)
        let diagnostics: [Diagnostic]
        do {
            diagnostics = try builder.check()
        } catch {
            DiagnosticPrinter.print(error.diagnostics, language: userLanguage)
            throw ExitCode.failure
        }
        DiagnosticPrinter.print(diagnostics, language: userLanguage)
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        if errors > 0 || (strict && warnings > 0) { throw ExitCode.failure }
        if diagnostics.isEmpty { print(CLIText.noProblems.text()) }
    }
}
