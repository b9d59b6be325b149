import Foundation
import GongkaiCore

/// The reports a previous build published into an output folder (from its `manifest.json`), so that a build that
/// no longer has one of them says so: a missing or misspelt `report.yaml` would otherwise unpublish a report
/// without a word (issue #31).
struct PublishedReports: Sendable {
    /// Report id → how many files the previous build published for it.
    let files: [String: Int]

    /// Reads `destination/manifest.json` when it is a plain file gongkai wrote; nothing otherwise (the writer
    /// refuses such a folder anyway).
    init(destination: URL) {
        var counts: [String: Int] = [:]
        let path = destination.appendingPathComponent("manifest.json").path
        if let attributes = try? FileManager.default.attributesOfItem(atPath: path), attributes[.type] as? FileAttributeType == .typeRegular,
           let data = FileManager.default.contents(atPath: path), let manifest = Manifest.decoded([UInt8](data)) {
            for entry in manifest.files { if let report = entry.report { counts[report, default: 0] += 1 } }
        }
        files = counts
    }

    /// A warning for each report the previous build published that `model` lacks, in id order.
    func dropped(from model: SiteModel) -> [Diagnostic] {
        let now = Set(model.reports.map(\.metadata.id))
        return files.keys.filter { !now.contains($0) }.sorted().map { id in
            .warning(BuildText.reportRemoved(["report": id, "files": files[id] ?? 0]),
                     at: SourceLocation(path: "content/\(id)", line: 1, column: 1))
        }
    }
}
