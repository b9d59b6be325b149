import GongkaiCore
import Markdown

/// The body stage: renders the Markdown of some reports (cmark through the `Markdown` module), in parallel, into
/// `ReportBodies` values: each body's HTML with its links made relative to its page, excerpt and headings, the full
/// text's anchor ids; and checks each report's indicators against its text. Texts the loader left on disk are read
/// here, one at a time, and let go once rendered.
struct BodyRenderer: Sendable {
    /// The cmark renderer with the site's options.
    let renderer: MarkdownRenderer
    /// Where links written in the Markdown files reach.
    let links: ContentLinks
    /// Whether links that Markdown writes to a page end in `index.html`.
    let fileSystemLinks: Bool

    /// Renders the reports at `positions` of `site`. Results are in `positions` order, never depending on timing.
    func render(_ site: AssembledSite, positions: Range<Int>) -> [RenderedReport] {
        let model = site.model
        /// One body to render: its report, its topic (nil: the opening), where it comes from and the page it is for.
        struct Job: Sendable { var report: Int; var topic: Int?; var source: MarkdownSource; var page: String }
        var jobs: [Job] = []
        for r in positions {
            let report = model.reports[r]
            if let opening = report.openingSource { jobs.append(Job(report: r, topic: nil, source: opening, page: report.urlPath)) }
            for (t, topic) in report.topics.enumerated() {
                jobs.append(Job(report: r, topic: t, source: topic.source.body, page: topic.urlPath))
            }
        }
        let renderer = self.renderer, links = self.links, fileSystemLinks = self.fileSystemLinks
        let rendered = ParallelMap.map(jobs) { job -> (body: RenderedMarkdown, excerpt: String, failure: [Diagnostic]) in
            let text: MarkdownBody
            do throws(DiagnosticError) {
                text = try job.source.load()
            } catch {
                return (RenderedMarkdown(html: "", headings: [], links: []), "", error.diagnostics)
            }
            var body = text.rendered(by: renderer)
            if !body.links.isEmpty || renderer.options.allowRawHTML {
                body.html = links.rewrite(body.html, from: job.source.path, page: job.page, fileSystemLinks: fileSystemLinks)
            }
            let excerpt = TopicModel.excerpt(ofHTML: body.html)
            body.html = TableWrapper.wrap(body.html)
            return (body, excerpt, [])
        }
        var bodies = positions.map { r in
            ReportBodies(opening: nil, topics: Array(repeating: RenderedMarkdown(html: "", headings: [], links: []), count: model.reports[r].topics.count),
                         excerpts: Array(repeating: "", count: model.reports[r].topics.count), fullIDs: [])
        }
        var failures = [[Diagnostic]](repeating: [], count: positions.count)
        for (job, result) in zip(jobs, rendered) {
            let i = job.report - positions.lowerBound
            failures[i] += result.failure
            if let t = job.topic {
                bodies[i].topics[t] = result.body
                bodies[i].excerpts[t] = result.excerpt
            } else {
                bodies[i].opening = result.body
            }
        }
        let done = bodies, failed = failures
        return ParallelMap.map(Array(positions.enumerated())) { i, r -> RenderedReport in
            let report = model.reports[r]
            var own = done[i]
            own.fullIDs = FullReportBody.anchors(of: report, bodies: own)
            var diagnostics = failed[i]
            // A report whose text could not all be read (the build fails for that) is not checked against it.
            if site.validates[r], failed[i].isEmpty, let file = report.indicatorsFile {
                let set = report.indicators
                diagnostics += set.validate(topicUTF8: own.topicUTF8(of: report, only: Set(set.indicators.map(\.topic))), path: file.path)
            }
            return RenderedReport(position: r, bodies: own, facts: ReportFacts(own), diagnostics: diagnostics)
        }
    }
}
