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
        abstract: "Import a report (plain text, Word .docx, a saved web page, a text PDF) as a new report folder.",
        discussion: """
            The format is told from the file's bytes: Word (.docx; .doc/.wps through LibreOffice when installed), a \
            web page (.html/.htm, UTF-8 or GB2312/GBK/GB18030 as its meta tag says: the article only), a text PDF \
            (through pdftotext), or plain text (UTF-8, GB18030/GBK or UTF-16). Page chrome (breadcrumbs, 字号, 打印本页, \
            网站标识码 …) is dropped and a 信息公开 metadata table (索引号, 发文机关, 标题, 发文字号, 发布时间) fills report.yaml. \
            Headings are found by their numbering (一、 (一) 1. (1)), on their own line or as the first sentence of a \
            paragraph, and in Word also by heading styles, outline levels and automatic numbering. Each 一、 section becomes a topic page; a section with at least \(SplitPolicy.minimumSubsections) \
            substantial (一) sections (median ≥ \(SplitPolicy.minimumMedianLength) characters) gets one page per (一) \
            section under an index page (override with --split). The written files are rendered and compared with the \
            source before they are moved into place.
            """
    )

    @Argument(help: "The report: .txt, .docx, .html/.htm or .pdf (.doc/.wps need LibreOffice).")
    var file: String

    @Option(help: "Report id: folder name and URL segment, ASCII letters, digits, - _ . (default: the file name without extension).")
    var id: String?

    @Option(help: "The content folder the report folder is created in.")
    var into: String = "content"

    @Flag(help: "Print the metadata found, the lines dropped (page chrome, metadata table, page numbers), the outline (level, numbering, title, line) and the pages; write nothing.")
    var dryRun = false

    @Flag(help: "Replace an existing report folder (every hand-filled report.yaml value and non-Markdown files such as indicators.yaml are kept).")
    var force = false

    @Option(help: "Which 一、 sections get one page per (一) section: auto, all, none, or positions such as 2,4.")
    var split: String = "auto"

    @Option(help: "Title when the text has no title line.")
    var title: String?

    @Option(help: "Series (default: derived, e.g. 法治政府建设年度报告).")
    var series: String?

    @Option(help: "Year reported on (default: from the title, the id or the text).")
    var year: Int?

    @Option(help: "发布机构 (default: the signature line, or the site's one publisher of this series named like the title's place).")
    var publisher: String?

    func run() throws {
        guard let policy = SplitPolicy(argument: split) else {
            throw ValidationError("--split must be auto, all, none or positions such as 2,4")
        }
        let importer = ReportImporter(options: ImportOptions(id: id, split: policy, title: title, series: series, year: year,
                                                               publisher: publisher, force: force))
        let bytes: [UInt8]
        do {
            bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: file)))
        } catch {
            Self.printError("\(file):1:1: error: cannot read the file: \(error.localizedDescription)")
            throw ExitCode.failure
        }
        do {
            let contentFolder = URL(fileURLWithPath: into, isDirectory: true)
            let site = SiteReports.load(contentFolder: contentFolder, excluding: try importer.reportID(for: file))
            let plan = try importer.plan(bytes: bytes, path: file, site: site)
            for d in plan.diagnostics { Self.printError(d.description) }
            if dryRun {
                print(plan.listing, terminator: "")
                return
            }
            // Nothing is kept that build would refuse: the written folder is built as build would before it moves.
            let id = plan.id
            let folder = try importer.write(plan, into: contentFolder, warn: { Self.printError($0.description) },
                                            check: { ImportedReportCheck.errors(inReportFolder: $0, id: id) })
            let counts = plan.outline.headingCounts
            let kind = plan.source.format == .text ? "\(plan.source.encoding), \(plan.source.lineEnding)" : "\(plan.source.format)"
            print("imported \(file) (\(kind)) into \(folder.path): "
                + "\(counts[0]) / \(counts[1]) / \(counts[2]) / \(counts[3]) headings at levels 1 / 2 / 3 / 4, \(plan.pages.count) pages; "
                + "text verified against the source")
            for line in plan.alignmentLines { print(line) }
        } catch {
            for d in error.diagnostics { Self.printError(d.description) }
            throw ExitCode.failure
        }
    }

    private static func printError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
