import ArgumentParser
import Foundation
import GongkaiBuild
import GongkaiCore

/// `gongkai build`: content/ + theme/ → public/.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: CLIText.buildAbstract.text()
    )

    @OptionGroup var site: SiteRootOption

    @Option(name: [.customShort("b"), .long], help: CLIText.baseURLHelp.help)
    var baseURL: String?

    @Option(name: [.customShort("o"), .long], help: CLIText.outputHelp.help)
    var output: String?

    @Flag(help: CLIText.fileLinksHelp.help)
    var fileLinks = false

    func run() throws {
        let date = BuildOptions.buildDate(sourceDateEpoch: ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"])
        var options = BuildOptions(baseURL: baseURL, fileSystemLinks: fileLinks, buildDate: date)
        options.returnFreedMemoryForLastStage = true
        let destination = output.map { URL(fileURLWithPath: $0, isDirectory: true).standardizedFileURL }
        let progress = TerminalProgress(language: userLanguage)
        defer { progress.finish() }
        do {
            let report = try SiteBuilder(root: site.url, options: options, publishingChecks: true, progress: progress.receiver).write(to: destination)
            progress.finish()
            let summary = report.summary
            let folder = (destination ?? site.url.appendingPathComponent("public")).lastPathComponent
            if !summary.kept.isEmpty {
                let shown = summary.kept.prefix(10).joined(separator: ", ") + (summary.kept.count > 10 ? ", …" : "")
                DiagnosticPrinter.print([Diagnostic(.note, CLIText.keptFiles(["count": summary.kept.count, "_s": summary.kept.count == 1 ? "" : "s", "files": shown]),
                                                    at: SourceLocation(path: folder, line: 1, column: 1))], language: userLanguage)
            }
            if let aside = summary.previousKeptAt {
                DiagnosticPrinter.print([.warning(CLIText.keptAside(["folder": folder, "aside": aside]),
                                                  at: SourceLocation(path: folder, line: 1, column: 1))], language: userLanguage)
            }
            if summary.replacedInPlace {
                DiagnosticPrinter.print([.warning(CLIText.replacedInPlace(["folder": folder]),
                                                  at: SourceLocation(path: folder, line: 1, column: 1))], language: userLanguage)
            }
            print(CLIText.built.text(["pages": report.pages, "files": report.manifest.files.count + 1, "written": summary.written.count,
                                      "unchanged": summary.unchanged, "removed": summary.removed.count]))
            WarningSummary.write(WarningSummary(report.diagnostics).text(userLanguage))
        } catch {
            progress.finish()  // the progress line cleared before the errors (a build checks after rendering)
            WarningSummary.printFailure(error.diagnostics, language: userLanguage)
            throw ExitCode.failure
        }
    }
}
