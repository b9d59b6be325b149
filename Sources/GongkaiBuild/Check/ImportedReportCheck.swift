import Foundation
import GongkaiCore

/// What `build` would refuse in a report folder the importer has just written, before it is moved into place
/// (issue #31: `import` must never write a folder that `build` rejects). The folder is built as the only report of a
/// throwaway site (a one-line site.yaml, the embedded default theme) in memory; the errors name the files as they
/// will be, `content/<id>/…`.
public enum ImportedReportCheck {
    /// The errors `build` finds in `folder`, which will become `content/<id>/`.
    public static func errors(inReportFolder folder: URL, id: String) -> [Diagnostic] {
        let fm = FileManager.default
        let root = fm.temporaryDirectory.appendingPathComponent("gongkai-import-check-\(UUID().uuidString)", isDirectory: true)
        defer { try? fm.removeItem(at: root) }
        let place = SourceLocation(path: "content/\(id)", line: 1, column: 1)
        do {
            let content = root.appendingPathComponent("content", isDirectory: true)
            try fm.createDirectory(at: content, withIntermediateDirectories: true)
            try Data("title: 导入检查\n".utf8).write(to: content.appendingPathComponent("site.yaml"))
            for file in DefaultTheme.decodedFiles() {
                let url = root.appendingPathComponent("theme/\(file.path)")
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.bytes).write(to: url)
            }
            try fm.copyItem(at: folder, to: content.appendingPathComponent(id, isDirectory: true))
        } catch {
            return [.error(BuildText.cannotCheckImportedReport(["reason": error.localizedDescription]), at: place)]
        }
        do {
            _ = try SiteBuilder(root: root).build()
            return []
        } catch {
            return error.diagnostics.filter { $0.severity == .error }
        }
    }
}
