import Foundation
import GongkaiCore
import Markdown

/// The machine-readable files of a site: `sitemap.xml`, `robots.txt` and an Atom feed of reports (`feed.xml`).
/// Dates come from the reports' metadata, never from the clock, so output stays deterministic.
struct SiteFeeds {
    let model: SiteModel
    /// Each report's opening, rendered, by report id (a report's entry summarises it when it has no summary).
    let openings: [String: RenderedMarkdown]

    /// The three files.
    func files() -> [OutputFile] {
        [
            OutputFile(path: "sitemap.xml", bytes: Array(sitemap().utf8), kind: .data, title: "sitemap.xml"),
            OutputFile(path: "robots.txt", bytes: Array(robots().utf8), kind: .data, title: "robots.txt"),
            OutputFile(path: "feed.xml", bytes: Array(atom().utf8), kind: .feed, title: model.config.title),
        ]
    }

    private func absolute(_ urlPath: String) -> String {
        let encoded = URLPathEncoding.encode(urlPath)
        let base = model.config.baseURL.contains("://") ? model.config.baseURL : model.config.basePath
        return base + encoded
    }

    private func date(of report: ReportModel) -> String? {
        let m = report.metadata
        if !m.published.isUnsetValue { return m.published }
        if !m.written.isUnsetValue { return m.written }
        return nil
    }

    func sitemap() -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for page in model.pages where page.kind != .notFound {
            out += "  <url><loc>\(xml(absolute(page.urlPath)))</loc>"
            if let report = page.reportID.flatMap({ model.report($0) }), let d = date(of: report) { out += "<lastmod>\(d)</lastmod>" }
            out += "</url>\n"
        }
        return out + "</urlset>\n"
    }

    func robots() -> String {
        "User-agent: *\nAllow: /\nSitemap: \(absolute("sitemap.xml"))\n"
    }

    func atom() -> String {
        let dates = model.reports.compactMap(date(of:))
        let updated = dates.max().map { "\($0)T00:00:00+08:00" } ?? "1970-01-01T00:00:00+08:00"
        var out = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(xml(model.config.language))">
          <title>\(xml(model.config.title))</title>
          <id>\(xml(absolute("")))</id>
          <link rel="alternate" type="text/html" href="\(xml(absolute("")))"/>
          <link rel="self" type="application/atom+xml" href="\(xml(absolute("feed.xml")))"/>
          <updated>\(updated)</updated>
          <author><name>\(xml(model.config.organisation.isUnsetValue ? model.config.title : model.config.organisation))</name></author>

        """
        for report in model.reports {
            let d = date(of: report).map { "\($0)T00:00:00+08:00" } ?? "\(report.metadata.year)-12-31T00:00:00+08:00"
            let summary = report.metadata.summary.isEmpty ? HTMLText.plain(openings[report.metadata.id]?.html ?? "") : report.metadata.summary
            out += """
              <entry>
                <title>\(xml(report.metadata.title))</title>
                <id>\(xml(absolute(report.urlPath)))</id>
                <link rel="alternate" type="text/html" href="\(xml(absolute(report.urlPath)))"/>
                <updated>\(d)</updated>
                <published>\(d)</published>
                <summary>\(xml(summary.trimmingCharacters(in: .whitespacesAndNewlines)))</summary>
              </entry>

            """
        }
        return out + "</feed>\n"
    }

    private func xml(_ s: String) -> String { TextEscaping.html(s) }
}
