import ArgumentParser
import Foundation
import GongkaiBuild
import GongkaiCore
import GongkaiImport

/// `gongkai import`: a report as plain text, Word (.docx), a saved web page or a text PDF → a report folder in the
/// content model (report.yaml + one Markdown page per topic).
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: CLIText.importAbstract.text(),
        discussion: CLIText.importDiscussion.text(["subsections": SplitPolicy.minimumSubsections, "median": SplitPolicy.minimumMedianLength])
    )

    @Argument(help: CLIText.importFileHelp.help)
    var file: String

    @Option(help: CLIText.importIDHelp.help)
    var id: String?

    @Option(help: CLIText.importIntoHelp.help)
    var into: String = "content"

    @Flag(help: CLIText.importDryRunHelp.help)
    var dryRun = false

    @Flag(help: CLIText.importForceHelp.help)
    var force = false

    @Option(help: CLIText.importSplitHelp.help)
    var split: String = "auto"

    @Option(help: CLIText.importTitleHelp.help)
    var title: String?

    @Option(help: CLIText.importSeriesHelp.help)
    var series: String?

    @Option(help: CLIText.importYearHelp.help)
    var year: Int?

    @Option(help: CLIText.importPublisherHelp.help)
    var publisher: String?

    func run() throws {
        guard let policy = SplitPolicy(argument: split) else {
            throw ValidationError(CLIText.importSplitInvalid.text())
        }
        let importer = ReportImporter(options: ImportOptions(id: id, split: policy, title: title, series: series, year: year,
                                                               publisher: publisher, force: force))
        let bytes: [UInt8]
        do {
            bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: file)))
        } catch {
            Self.printError(Diagnostic.error(CLIText.importCannotRead(["error": error.localizedDescription]), at: SourceLocation(path: file, line: 1, column: 1)).line(userLanguage))
            throw ExitCode.failure
        }
        do {
            let contentFolder = URL(fileURLWithPath: into, isDirectory: true)
            let site = SiteReports.load(contentFolder: contentFolder, excluding: try importer.reportID(for: file))
            let plan = try importer.plan(bytes: bytes, path: file, site: site)
            for d in plan.diagnostics { Self.printError(d.line(userLanguage)) }
            if dryRun {
                print(plan.listing, terminator: "")
                return
            }
            // Nothing is kept that build would refuse: the written folder is built as build would before it moves.
            let id = plan.id
            let folder = try importer.write(plan, into: contentFolder, warn: { Self.printError($0.line(userLanguage)) },
                                            check: { ImportedReportCheck.errors(inReportFolder: $0, id: id) })
            let counts = plan.outline.headingCounts
            let kind = plan.source.format == .text ? "\(plan.source.encoding), \(plan.source.lineEnding)" : "\(plan.source.format)"
            print(CLIText.imported.text(["file": file, "kind": kind, "folder": folder.path, "h1": counts[0], "h2": counts[1], "h3": counts[2],
                                         "h4": counts[3], "pages": plan.pages.count]))
            for line in plan.alignmentLines(userLanguage) { print(line) }
        } catch {
            for d in error.diagnostics { Self.printError(d.line(userLanguage)) }
            throw ExitCode.failure
        }
    }

    private static func printError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
