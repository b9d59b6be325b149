import ArgumentParser
import Foundation
import GongkaiBuild
import GongkaiCore

/// `gongkai build`: content/ + theme/ → public/.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site into public/ (left untouched when the build fails)."
    )

    @OptionGroup var site: SiteRootOption

    @Option(help: "Publish address, e.g. https://www.example.gov.cn/fzzfjs/ (overrides base_url in content/site.yaml).")
    var baseURL: String?

    @Option(help: "Output folder (default: public/ in the site folder).")
    var output: String?

    @Flag(help: "Make folder links end in index.html so that the output reads when opened from the file system.")
    var fileLinks = false

    func run() throws {
        let date = BuildOptions.buildDate(sourceDateEpoch: ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"])
        let options = BuildOptions(baseURL: baseURL, fileSystemLinks: fileLinks, buildDate: date)
        let destination = output.map { URL(fileURLWithPath: $0, isDirectory: true).standardizedFileURL }
        let progress = TerminalProgress()
        defer { progress.finish() }
        do {
            let report = try SiteBuilder(root: site.url, options: options, publishingChecks: true, progress: progress.receiver).write(to: destination)
            progress.finish()
            let summary = report.summary
            let folder = (destination ?? site.url.appendingPathComponent("public")).lastPathComponent
            if !summary.kept.isEmpty {
                let shown = summary.kept.prefix(10).joined(separator: ", ") + (summary.kept.count > 10 ? ", …" : "")
                DiagnosticPrinter.print([Diagnostic(.note, "kept \(summary.kept.count) \(summary.kept.count == 1 ? "file" : "files") gongkai did not make: \(shown)",
                                                    at: SourceLocation(path: folder, line: 1, column: 1))])
            }
            if let aside = summary.previousKeptAt {
                DiagnosticPrinter.print([.warning("a file was added to \(folder)/ during the build where the new site has a file of its own; the previous site, with that file, is kept at \(aside): take what you need from it, then remove it",
                                                  at: SourceLocation(path: folder, line: 1, column: 1))])
            }
            if summary.replacedInPlace {
                DiagnosticPrinter.print([.warning("\(folder)/ is on another file system than its parent folder, so the new site could not be swapped in as a whole: files were replaced one by one, and a build stopped midway would have left old and new pages mixed",
                                                       at: SourceLocation(path: folder, line: 1, column: 1))])
            }
            print("built \(report.pages) pages, \(report.manifest.files.count + 1) files: \(summary.written.count) written, \(summary.unchanged) unchanged, \(summary.removed.count) removed")
            WarningSummary.write(WarningSummary(report.diagnostics).text(userLanguage))
        } catch {
            progress.finish()  // the progress line cleared before the errors (a build checks after rendering)
            WarningSummary.printFailure(error.diagnostics, language: userLanguage)
            throw ExitCode.failure
        }
    }
}
