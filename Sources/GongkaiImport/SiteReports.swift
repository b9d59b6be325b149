import Foundation
import GongkaiCore
import GongkaiIndicators
import Yams

/// The reports already in a site's content folder, as the importer needs them to line a new report's figures up with
/// the same publisher's other years: each one's id, year, series, 发布机构, `series_key` and indicators. Read-only; a
/// folder whose `report.yaml` or `indicators.yaml` does not load is left out (the build reports it).
public struct SiteReports: Sendable {
    /// One report of the site.
    public struct Report: Sendable, Hashable {
        /// Folder name.
        public var id: String
        /// Year reported on.
        public var year: Int
        /// Series name (`series`), empty when unknown.
        public var series: String
        /// 发布机构, empty when unknown or TODO.
        public var publisher: String
        /// `series_key`, empty when not set.
        public var seriesKey: String
        /// Its figures (empty without indicators.yaml).
        public var indicators: IndicatorSet
    }

    /// The reports, by folder name.
    public var reports: [Report]

    /// Creates the list from reports already read.
    public init(_ reports: [Report]) { self.reports = reports }

    /// Reads the report folders of `contentFolder` (not following symbolic links, not leaving the folder), except
    /// `excluding`.
    public static func load(contentFolder: URL, excluding: String? = nil) -> SiteReports {
        let fm = FileManager.default
        let names = ((try? fm.contentsOfDirectory(atPath: contentFolder.path)) ?? []).sorted()
        var out: [Report] = []
        for name in names where !name.hasPrefix(".") && name != excluding {
            let folder = contentFolder.appendingPathComponent(name, isDirectory: true)
            guard let attributes = try? fm.attributesOfItem(atPath: folder.path), attributes[.type] as? FileAttributeType == .typeDirectory,
                  let yaml = regularText(folder.appendingPathComponent("report.yaml")),
                  let map = (try? Yams.compose(yaml: yaml))?.mapping else { continue }
            func text(_ key: String) -> String {
                guard let s = map[key]?.string, !s.isUnsetValue else { return "" }
                return s
            }
            guard let year = map["year"]?.int else { continue }
            var indicators = IndicatorSet()
            if let file = regularText(folder.appendingPathComponent("indicators.yaml")),
               let set = try? IndicatorFile.load(path: "content/\(name)/indicators.yaml", text: file) {
                indicators = set
            }
            out.append(Report(id: name, year: year, series: text("series"), publisher: text("publisher"),
                              seriesKey: text("series_key"), indicators: indicators))
        }
        return SiteReports(out)
    }

    /// The reports of the series of a report with `series` and `publisher` (the same publisher and series, as the build
    /// joins them; with `seriesKey`, the reports with that key), other than the year `year` itself.
    public func series(_ series: String, publisher: String, seriesKey: String = "", year: Int) -> [Report] {
        reports.filter { other in
            guard other.year != year else { return false }
            if !seriesKey.isEmpty { return other.seriesKey == seriesKey }
            return other.seriesKey.isEmpty && !publisher.isEmpty && other.publisher == publisher && other.series == series
        }
    }

    /// The one publisher of reports in `series` whose name starts with `place` (项城市 → 项城市人民政府), or nil when
    /// there is none or more than one.
    public func publisher(of series: String, startingWith place: String) -> String? {
        let names = Set(reports.filter { $0.series == series && !$0.publisher.isEmpty && $0.publisher.hasPrefix(place) }.map(\.publisher))
        return names.count == 1 ? names.first : nil
    }

    /// The text of a regular file (not a symbolic link), or nil.
    private static func regularText(_ url: URL) -> String? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path),
              attributes[.type] as? FileAttributeType == .typeRegular,
              let data = FileManager.default.contents(atPath: url.path) else { return nil }
        return String(data: data, encoding: .utf8)
    }
}
