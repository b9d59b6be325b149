import Foundation
import GongkaiCore
import GongkaiIndicators

/// Turns a report's indicators into what the pages show: each topic's body with its quotes marked and its table,
/// the overview's key figures, the indicators page, year-over-year tables and charts, and the open-data files.
/// Tables are drawn by the theme's partials (`partials/indicator-table`, `partials/key-indicators`,
/// `partials/indicators-list`); this type only prepares their values.
struct IndicatorViews {
    let model: SiteModel
    let options: BuildOptions
    /// The site's base path, worked out once (a topic page's table needs it for every link).
    let basePath: String

    init(model: SiteModel, options: BuildOptions) {
        self.model = model
        self.options = options
        basePath = model.config.basePath
    }

    /// Fills `extras` with the overview's and the indicators page's table HTML and each report's year-over-year
    /// series, and returns the open-data files. A topic's own table is made when its page renders (`topicTable`),
    /// so a build does not hold every topic's table. Reports are done in parallel, each into its own values (no two
    /// reports share a key), merged in order.
    ///
    /// Only the reports whose bodies `bodies` holds (by report id) are done: where quotes are anchored is found in them.
    func apply(to extras: inout PageExtras, bodies: [String: ReportBodies]) -> [OutputFile] {
        // The window's reports, in site order (looked up by id: not a pass over every report for each window).
        let reports = bodies.keys.compactMap { model.reportIndex[$0] }.sorted().map { model.reports[$0] }.filter { !$0.indicators.isEmpty }
        let views: [(extras: PageExtras, files: [OutputFile])] = ParallelMap.map(reports) { report in
            var own = PageExtras()
            let files = apply(report, bodies: bodies[report.metadata.id] ?? ReportBodies(opening: nil, topics: [], excerpts: [], fullIDs: []), to: &own)
            return (own, files)
        }
        var files: [OutputFile] = []
        for view in views {
            extras.pageValues.merge(view.extras.pageValues) { old, new in old.merging(new) { _, b in b } }
            extras.series.merge(view.extras.series) { _, new in new }
            files += view.files
        }
        return files
    }

    /// The table under a topic's text (`partials/indicator-table`): its indicators, linked to their quotes'
    /// anchors (`anchors`, from `QuoteMarker.mark`), with their year-over-year series; nil without indicators.
    func topicTable(_ topic: TopicModel, report: ReportModel, anchors found: [String: String], series: IndicatorSeries?) -> String? {
        let own = report.indicators.indicators(topic: topic.id)
        guard !own.isEmpty else { return nil }
        let links = LinkResolver(pageURLPath: topic.urlPath, kind: .topic, basePath: basePath, fileSystemLinks: options.fileSystemLinks)
        var ctx = dataLinks(report, links)
        ctx["caption"] = .text("本节指标（\(own.count)项）")
        ctx["rows"] = .list(own.map { .object(row($0, href: found[$0.id].map { "#\($0)" } ?? "")) })
        let yoy = own.compactMap { series?.yearOverYear(id: $0.id) }
        ctx["series"] = .list(yoy.map { .object(seriesContext($0)) })
        ctx["hasSeries"] = .flag(!yoy.isEmpty)
        return model.theme.render("partials/indicator-table", values: ctx)
    }

    private func apply(_ report: ReportModel, bodies: ReportBodies, to extras: inout PageExtras) -> [OutputFile] {
        var files: [OutputFile] = []
        let id = report.metadata.id
        let series = seriesSets(for: report)
        extras.series[id] = series
        var anchors: [String: (topicURL: String, anchor: String?)] = [:]
        for (t, topic) in report.topics.enumerated() {
            let own = report.indicators.indicators(topic: topic.id)
            guard !own.isEmpty else { continue }
            // Where each quote is anchored (the marked body and its table are made when the topic's page renders).
            let found = QuoteMarker.mark(bodies.topic(t).html, indicators: own).anchors
            for indicator in own { anchors[indicator.id] = (topic.urlPath, found[indicator.id]) }
        }
        // Overview: key figures.
        let overview = LinkResolver(pageURLPath: report.urlPath, kind: .report, basePath: basePath, fileSystemLinks: options.fileSystemLinks)
        let keys = report.indicators.keyIndicators
        if !keys.isEmpty {
            var ctx = dataLinks(report, overview)
            ctx["rows"] = .list(keys.map { indicator in
                var values = row(indicator, href: overview.href(target(anchors[indicator.id], report: report)))
                // The change from the series' previous year that publishes the figure, named with that year.
                if let rows = series?.yearOverYear(id: indicator.id)?.rows, rows.count >= 2, let last = rows.last,
                   last.year == report.metadata.year {
                    let previous = rows[rows.count - 2]
                    values["previousYear"] = .number(previous.year)
                    values["previousWritten"] = .text(previous.indicator.written)
                    if let change = last.changeText { values["change"] = .text(change) }
                    values["hasChange"] = .flag(last.changeText != nil)
                    values["hasPrevious"] = .flag(true)
                }
                return .object(values)
            })
            if let html = model.theme.render("partials/key-indicators", values: ctx) {
                extras.pageValues["\(report.urlPath)index.html", default: [:]]["keyIndicatorsHTML"] = html
            }
        }
        // The indicators page: all figures grouped by topic.
        let listLinks = LinkResolver(pageURLPath: report.indicatorsURLPath, kind: .indicators, basePath: basePath, fileSystemLinks: options.fileSystemLinks)
        var ctx = dataLinks(report, listLinks)
        ctx["count"] = .number(report.indicators.indicators.count)
        ctx["groups"] = .list(report.indicators.byTopic.map { group -> TemplateValue in
            let topic = report.topic(group.topic)
            return .object([
                "title": .text(topic?.navTitle ?? (group.topic == "_index" ? "报告开篇" : group.topic)),
                "href": .text(listLinks.href(topic?.urlPath ?? report.urlPath)),
                "anchor": .text("topic-" + group.topic.replacingOccurrences(of: "/", with: "-")),
                "rows": .list(group.indicators.map { .object(row($0, href: listLinks.href(target(anchors[$0.id], report: report)))) }),
            ])
        })
        // 历年主要指标: the key figures in every year of the series up to this one.
        if let series, !keys.isEmpty {
            let years = series.years
            ctx["seriesYears"] = .list(years.map { .object(["year": .number($0)]) })
            ctx["seriesRows"] = .list(keys.map { indicator -> TemplateValue in
                let table = series.yearOverYear(id: indicator.id, minimumYears: 1)
                let byYear = Dictionary((table?.rows ?? []).map { ($0.year, $0) }, uniquingKeysWith: { a, _ in a })
                return .object([
                    "label": .text(indicator.label),
                    "cells": .list(years.map { year in .object(["written": .text(byYear[year]?.indicator.written ?? "—")]) }),
                ])
            })
            ctx["hasSeries"] = .flag(true)
            ctx["seriesCaption"] = .text("主要指标（\(years.first ?? report.metadata.year)—\(years.last ?? report.metadata.year)年）")
        }
        if let html = model.theme.render("partials/indicators-list", values: ctx) {
            extras.pageValues["\(report.indicatorsURLPath)index.html", default: [:]]["indicatorsPageHTML"] = html
        }
        let titles = Dictionary(uniqueKeysWithValues: report.topics.map { ($0.id, $0.navTitle) })
        files.append(OutputFile(path: report.indicatorsCSVPath, bytes: [UInt8](IndicatorExport.csv(report.indicators, topicTitles: titles)),
                                kind: .data, title: "\(report.metadata.title) 指标数据 (CSV)", reportID: id))
        let meta = ["id": id, "title": report.metadata.title, "year": String(report.metadata.year), "series": report.metadata.series]
        files.append(OutputFile(path: report.indicatorsJSONPath, bytes: [UInt8](IndicatorExport.json(report.indicators, report: meta)),
                                kind: .data, title: "\(report.metadata.title) 指标数据 (JSON)", reportID: id))
        return files
    }

    private func target(_ place: (topicURL: String, anchor: String?)?, report: ReportModel) -> String {
        guard let place else { return report.urlPath }
        return place.topicURL + (place.anchor.map { "#\($0)" } ?? "")
    }

    private func dataLinks(_ report: ReportModel, _ links: LinkResolver) -> TemplateObject {
        ["csvHref": .text(links.href(report.indicatorsCSVPath)), "jsonHref": .text(links.href(report.indicatorsJSONPath)),
         "indicatorsHref": .text(links.href(report.indicatorsURLPath)), "reportTitle": .text(report.metadata.title)]
    }

    private func row(_ indicator: Indicator, href: String) -> TemplateObject {
        ["id": .text(indicator.id), "label": .text(indicator.label), "written": .text(indicator.written),
         "value": .text(indicator.valueText), "unit": .text(indicator.unit), "qualifier": .text(indicator.qualifier ?? ""),
         "quote": .text(indicator.quote), "href": .text(href), "key": .flag(indicator.key)]
    }

    private func seriesContext(_ yoy: YearOverYear) -> TemplateObject {
        [
            "id": .text(yoy.id), "label": .text(yoy.label), "chartHTML": .text(yoy.chart()),
            "caption": .text("\(yoy.label)（历年）"),
            "rows": .list(yoy.rows.map {
                .object(["year": .number($0.year), "written": .text($0.indicator.written),
                         "change": .text($0.changeText ?? ($0.approximate ? "—（约数，不计算）" : "—"))])
            }),
        ]
    }

    /// The indicator sets of this report's series (the same publisher and series, `ReportMetadata.seriesIdentity`)
    /// up to this report's year, when there are at least two; nil for a report whose series is not known. Reports of
    /// other publishers are never joined, whatever their ids. Two reports of one series and year are an error the
    /// checker reports; neither is compared then.
    private func seriesSets(for report: ReportModel) -> IndicatorSeries? {
        // A report whose series is not known is its own only member: fewer than two sets, nil.
        guard let position = model.reportIndex[report.metadata.id] else { return nil }
        var sets: [Int: IndicatorSet] = [:]
        var years: [Int: Int] = [:]
        for i in model.seriesMembers[position] {
            let other = model.reports[i].metadata.year
            guard other <= report.metadata.year else { continue }
            years[other, default: 0] += 1
            if !model.reports[i].indicators.isEmpty { sets[other] = model.reports[i].indicators }
        }
        if years.values.contains(where: { $0 > 1 }) { return nil }
        return sets.count >= 2 ? IndicatorSeries(sets) : nil
    }
}
