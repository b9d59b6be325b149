import Foundation
import GongkaiCore

/// Stage 1: reads `content/` and `theme/` into a `LoadedSite`, collecting every problem it finds.
public struct SiteLoader: Sendable {
    /// The site root (the folder holding `content/` and `theme/`).
    public let root: URL

    /// Leave Markdown bodies on disk, read again when rendered (`MarkdownSource.deferred`): a streaming build.
    public var deferBodies = false

    /// Creates a loader for the site at `root`.
    public init(root: URL, deferBodies: Bool = false) {
        self.root = root
        self.deferBodies = deferBodies
    }

    /// Loads the site; throws with all errors found, or returns the site with its warnings.
    public func load() throws(DiagnosticError) -> LoadedSite {
        var diagnostics: [Diagnostic] = []
        let contentURL = root.appendingPathComponent("content")
        // Everything read must lie inside the site folder (`SymlinkGuard`): content/ and theme/ themselves too.
        let boundary = SymlinkGuard.realPath(root)
        var topLevel: [Diagnostic] = []
        for (url, shown) in [(contentURL, "content"), (root.appendingPathComponent("theme"), "theme")] {
            if let problem = SymlinkGuard.check(url.path, boundary: boundary, displayPath: shown) { topLevel.append(problem) }
        }
        if !topLevel.isEmpty { throw DiagnosticError(topLevel) }
        let config: SiteConfig?
        do {
            config = try SiteConfigReader.read(root: root, boundary: boundary, diagnostics: &diagnostics)
        } catch {
            diagnostics += error.diagnostics
            config = nil
        }
        // Reports are read in parallel; their diagnostics are kept in folder order.
        var listed: [Diagnostic] = []
        let entries = SiteFolder.entries(of: contentURL, display: "content", boundary: boundary, diagnostics: &listed).filter(\.isDirectory)
        let folders = entries.filter { FileManager.default.fileExists(atPath: $0.url.appendingPathComponent("report.yaml", isDirectory: false).path) }
            .map(\.url)
        // A folder of Markdown without report.yaml is not a report and is not published: say so (a misspelt name).
        for entry in entries where !folders.contains(entry.url) {
            if let warning = Self.notAReport(entry.url) { diagnostics.append(warning) }
        }
        diagnostics += listed.filter { $0.location.path != SiteConfigReader.path }  // reported when it was read
        let root = self.root, deferBodies = self.deferBodies
        let loaded: [(report: LoadedReport?, diagnostics: [Diagnostic])] = ParallelMap.map(folders) { folder in
            var found: [Diagnostic] = []
            do throws(DiagnosticError) {
                let report = try ReportLoader(root: root, folder: folder, deferBodies: deferBodies, boundary: boundary).load(diagnostics: &found)
                return (report, found)
            } catch {
                return (nil, found + error.diagnostics)
            }
        }
        var reports: [LoadedReport] = []
        for entry in loaded {
            if let report = entry.report { reports.append(report) }
            diagnostics += entry.diagnostics
        }
        let theme: Theme?
        do {
            theme = try Theme.load(from: root.appendingPathComponent("theme"), displayPath: "theme")
            diagnostics += SearchScriptFormatCheck.findings(assets: theme?.assets ?? [], themePath: "theme")
        } catch {
            diagnostics += error.diagnostics
            theme = nil
        }
        var siteFiles: [StaticFile] = []
        if let logo = config?.header.logo, !logo.isUnsetValue, SiteThemeConfigReader.logoProblem(logo) == nil {
            // The header's logo: a file below content/, inside the site (a link out of it is refused).
            let url = contentURL.appendingPathComponent(logo, isDirectory: false)
            let display = "content/\(logo)"
            switch SymlinkGuard.verdict(url.path, boundary: boundary, displayPath: display) {
            case .refused(let problem):
                diagnostics.append(problem)
            case .file where FileManager.default.contents(atPath: url.path) != nil:
                let data = FileManager.default.contents(atPath: url.path) ?? Data()
                siteFiles.append(StaticFile(outputPath: SiteThemeConfigReader.logoOutputPath(logo), bytes: [UInt8](data)))
            default:
                diagnostics.append(.error(BuildText.logoMissing(["logo": display]),
                                          at: config?.fieldLocations["header.logo"] ?? SourceLocation(path: SiteConfigReader.path, line: 1, column: 1)))
            }
        }
        guard let config, let theme, !diagnostics.hasErrors else { throw DiagnosticError(diagnostics) }
        return LoadedSite(config: config, reports: reports, theme: theme, diagnostics: diagnostics, siteFiles: siteFiles)
    }
    /// A warning for a content folder that holds Markdown but no `report.yaml`, naming a near miss when there is one.
    static func notAReport(_ folder: URL) -> Diagnostic? {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        guard names.contains(where: { $0.hasSuffix(".md") }) else { return nil }
        let near = names.first { $0 != "report.yaml" && $0.lowercased().hasPrefix("report") && ($0.lowercased().hasSuffix(".yaml") || $0.lowercased().hasSuffix(".yml")) }
        let name = folder.lastPathComponent
        return .warning(near.map { BuildText.markdownWithMisnamedReportYAML(["folder": name, "near": $0]) } ?? BuildText.markdownWithoutReportYAML(["folder": name]),
                        at: SourceLocation(path: "content/\(folder.lastPathComponent)", line: 1, column: 1))
    }

}
