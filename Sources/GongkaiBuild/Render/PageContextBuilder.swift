import GongkaiCore
import Markdown

/// Builds the values a page template sees (typed: `TemplateObject`). Every value is plain text that Mustache
/// escapes (`{{x}}`), except keys ending in `HTML`, which hold rendered Markdown and are inserted with `{{{x}}}`.
/// The README lists every key.
///
/// It is made for the pages of a few reports at a time: `bodies` holds those reports' rendered Markdown (by report
/// id), and the openings of the others where a page shows them (the home page, the site map).
final class PageContextBuilder: Sendable {
    let model: SiteModel
    /// The rendered bodies of the reports whose pages are made, by report id.
    let bodies: [String: ReportBodies]
    let options: BuildOptions
    let extras: PageExtras
    /// The site-wide `site` and `footer` values (the same on every page).
    private let siteValues: TemplateObject
    private let footerValues: TemplateObject
    /// Navigation items already rendered, by everything they show (see `navHTML`).
    private let navItems = NavItemCache()
    /// The site's base path (`/`, `/fzzfjs/`), worked out once.
    private let basePath: String
    /// Whether the configured base URL has a scheme (`https://…`), so that canonical links are absolute: looked up
    /// once (Foundation's `contains` cost thousands of instructions a page).
    private let baseURLHasScheme: Bool
    /// Makes the topics' indicator tables.
    private let indicatorViews: IndicatorViews
    /// What the theme refers to, looked up once: `nav`, `navHTML` (with `partials/tree-item`),
    /// `indicatorTableHTML`, `childrenHTML` (with `partials/tree-item`), `children` in `partials/tree-item`.
    private let usesNav: Bool, usesNavHTML: Bool, usesIndicatorTable: Bool, usesChildrenHTML: Bool, treeItemUsesChildren: Bool
    /// Whether a template refers to the site map's `treeHTML` and `partials/tree-item` exists to render it.
    private let usesTreeHTML: Bool
    /// For each kind of page, every name the templates it is rendered with spell (`Theme.namesReachable`); a kind
    /// missing here may look up anything. A report's values that no tag there names are not made for its pages
    /// (on a topic page, the report's 信息公开要素, meta rows and opening: a tenth of a 10,000-page build).
    private let namesByKind: [PageKind: Set<String>]
    /// `report` values shared by the pages of one report, kind and depth (`reportContext`), by kind, report id and
    /// root prefix: a builder makes the pages of a few reports, so this holds a few dozen.
    private let sharedReportValues = Locked<[String: TemplateObject]>([:])
    /// Each report's 附件, found once.
    private let attachments: ReportAttachments

    /// A builder for pages of `model` whose reports' bodies (or openings) are in `bodies`, and whose reports' links
    /// left `facts` (for the report pages' 附件).
    init(model: SiteModel, bodies: [String: ReportBodies], facts: [String: ReportFacts] = [:], options: BuildOptions, extras: PageExtras) {
        self.model = model
        self.bodies = bodies
        self.options = options
        self.extras = extras
        let config = model.config
        basePath = config.basePath
        baseURLHasScheme = config.baseURL.contains("://")
        indicatorViews = IndicatorViews(model: model, options: options)
        let theme = model.theme
        usesNav = theme.references("nav")
        usesNavHTML = theme.usesNavHTML
        usesTreeHTML = theme.templateNames.contains("partials/tree-item") && theme.references("treeHTML")
        var namesByKind: [PageKind: Set<String>] = [:]
        for kind in PageKind.allCases {
            if let names = theme.namesReachable(from: Self.template(for: kind)) { namesByKind[kind] = names }
        }
        self.namesByKind = namesByKind
        usesIndicatorTable = theme.references("indicatorTableHTML")
        usesChildrenHTML = theme.templateNames.contains("partials/tree-item") && theme.references("childrenHTML")
        treeItemUsesChildren = theme.references("children", in: "partials/tree-item")
        footerValues = Self.known([
            ("organisation", config.organisation), ("undertaker", config.undertaker),
            ("phone", config.footer.phone), ("address", config.footer.address), ("email", config.footer.email),
            ("siteCode", config.footer.siteCode), ("icp", config.footer.icp), ("icpURL", config.footer.icpURL),
            ("police", config.footer.police), ("policeURL", config.footer.policeURL),
            ("partyGovURL", config.footer.partyGovURL), ("errorReportURL", config.footer.errorReportURL),
            ("copyright", config.footer.copyright),
        ])
        attachments = ReportAttachments(model: model, facts: facts)
        siteValues = Self.known([("title", config.title), ("organisation", config.organisation), ("undertaker", config.undertaker),
                                 ("domain", config.domain), ("siteCode", config.footer.siteCode)])
    }

    /// The context for `page`.
    func context(for page: PageModel) -> TemplateObject {
        let links = LinkResolver(pageURLPath: page.urlPath, kind: page.kind, basePath: basePath, fileSystemLinks: options.fileSystemLinks)
        var ctx = common(page, links)
        let report = page.reportID.flatMap { model.report($0) }
        if let report {
            ctx["report"] = .object(reportContext(report, page: page, links: links))
            if usesNav { ctx["nav"] = .list(navNodes(report, current: page, links: links).map { .object($0.values()) }) }
            if usesNavHTML { ctx["navHTML"] = .text(topNavHTML(report, current: page, links: links)) }
        }
        switch page.kind {
        case .home:
            ctx["reports"] = .list(model.reports.enumerated().map { i, r in .object(reportSummary(r, links: links, latest: i == 0)) })
            ctx["publishers"] = .list(publisherGroups(links: links))
            if let latest = model.reports.first {
                ctx["latest"] = .object(reportContext(latest, page: page, links: links))
            }
        case .sitemap:
            // `tree` only when a template refers to it: the default theme shows `treeHTML`, whose items come from the
            // cache, rather than looping over every topic of every report in Mustache (at 10,000 pages, a tenth of a
            // second at the end of the build, with one core working).
            let tree = model.theme.references("tree"), treeHTML = usesTreeHTML
            ctx["reports"] = .list(model.reports.map { r -> TemplateValue in
                var summary = reportSummary(r, links: links, latest: false)
                if tree { summary["tree"] = navTree(r, current: page, links: links) }
                if treeHTML { summary["treeHTML"] = .text(navHTML(navNodes(r, current: page, links: links, allClosed: true))) }
                return .object(summary)
            })
        case .topic:
            if let report, let id = page.topicID, let t = report.position(of: id) {
                let topic = report.topics[t], body = self.body(of: report).topic(t)
                // The quotes of the topic's indicators, marked in its body, and its table linking to them.
                let own = report.indicators.indicators(topic: topic.id)
                let marked = own.isEmpty ? (html: body.html, anchors: [:]) : QuoteMarker.mark(body.html, indicators: own)
                ctx["topic"] = .object(topicContext(topic, body: body, report: report, bodyHTML: marked.html, links: links))
                if !own.isEmpty, usesIndicatorTable,
                   let table = indicatorViews.topicTable(topic, report: report, anchors: marked.anchors,
                                                                                        series: extras.series[report.metadata.id]) {
                    ctx["indicatorTableHTML"] = .text(table)
                }
            }
        case .search where model.reports.count > 1:
            // 搜索范围: each report's documents, numbered as the index numbers them (each report's overview, then its
            // topics, report after report), so that search.js can keep the hits of one report without loading texts.
            var first = 0
            ctx["searchReports"] = .list(model.reports.map { r in
                defer { first += 1 + r.topics.count }
                return .object(["id": .text(r.metadata.id), "title": .text(SearchIndexBuilder.reportName(r.metadata)),
                                "docs": .text("\(first)-\(first + r.topics.count)")])
            })
            ctx["hasSearchReports"] = .flag(true)
        case .full:
            // Made here, once per report: the model keeps only the full text's anchor ids.
            if let report { ctx["full"] = .record(["bodyHTML": .text(FullReportBody.make(report, bodies: body(of: report)).html)]) }
        default:
            break
        }
        if let extra = extras.pageValues[page.outputPath] {
            for name in extra.keys.sorted() { ctx[name] = extra[name].map(TemplateValue.text) }
        }
        return ctx
    }

    /// The template a page of `kind` is rendered with.
    static func template(for kind: PageKind) -> String { kind == .notFound ? "404" : kind.rawValue }

    /// Whether a page of `kind` may look up a value named `name` (false only when no tag its templates reach names it).
    private func uses(_ name: String, on kind: PageKind) -> Bool {
        namesByKind[kind].map { $0.contains(name) } ?? true
    }

    /// The rendered bodies of `report` (empty ones when they are not at hand).
    private func body(of report: ReportModel) -> ReportBodies {
        bodies[report.metadata.id] ?? ReportBodies(opening: nil, topics: [], excerpts: [], fullIDs: [])
    }

    private func common(_ page: PageModel, _ links: LinkResolver) -> TemplateObject {
        let config = model.config
        let report = page.reportID.flatMap { model.report($0) }
        var titleParts: [String] = []
        if page.kind != .home {
            titleParts.append(page.title)
            if let report, page.kind != .report { titleParts.append(report.metadata.title) }
        }
        titleParts.append(config.title)
        let canonical = absoluteURL(page.urlPath)
        var meta = Self.known([
            ("title", page.title),
            ("headTitle", titleParts.joined(separator: " – ")),
            ("kind", page.kind.rawValue),
            ("canonical", canonical),
            ("description", description(page, report: report)),
            ("keywords", keywords(report: report)),
            ("columnName", report?.metadata.series.nonEmpty ?? config.title),
            ("columnType", report?.metadata.category.nonEmptyKnown ?? ""),
            ("articleTitle", report.map { page.kind == .report ? $0.metadata.title : "\(page.title) – \($0.metadata.title)" } ?? page.title),
            ("contentSource", report?.metadata.publisher.nonEmptyKnown ?? config.organisation.nonEmptyKnown ?? ""),
        ])
        meta["isHome"] = .flag(page.kind == .home)
        if let pub = report?.metadata.published, !pub.isUnsetValue { meta["pubDate"] = .text("\(pub) 00:00") }
        var values: TemplateObject = [
            "lang": .text(config.language),
            "site": .object(siteValues),
            "root": .text(links.root),
            "assets": .text(links.root + "assets/"),
            "homeHref": .text(links.href("")),
            "sitemapHref": .text(links.href("sitemap/")),
            "searchHref": .text(links.href("search/")),
            "searchEnabled": .flag(config.search),
            "page": .object(meta),
            "menu": .list(config.menu.map { menuValue($0, page: page, links: links) }),
            "palette": .text(config.palette),
            "header": .object(headerValues(links)),
            "footerBlocks": .list(config.footerOrder.map { .object(["is_" + $0: .flag(true)]) }),
            "breadcrumbs": .list(breadcrumbs(page, links: links)),
            "isReportPage": .flag(page.kind == .report),
            "isFullPage": .flag(page.kind == .full),
            "isIndicatorsPage": .flag(page.kind == .indicators),
            "footer": .object(footerValues),
        ]
        if let date = options.buildDate { values["buildDate"] = .text(date) }
        // 我为政府网站找错: the configured address with this page's address, so a report names the page.
        if !config.footer.errorReportURL.isUnsetValue {
            let separator = config.footer.errorReportURL.contains("?") ? "&" : "?"
            var pageURL = ""
            for byte in canonical.utf8 {
                let unreserved = (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                    || byte == 0x2D || byte == 0x2E || byte == 0x5F || byte == 0x7E
                if unreserved { pageURL.unicodeScalars.append(Unicode.Scalar(byte)) } else {
                    let hex = String(byte, radix: 16, uppercase: true)
                    pageURL += "%" + (byte < 16 ? "0" + hex : hex)
                }
            }
            values["errorReportHref"] = .text(config.footer.errorReportURL + separator + "url=" + pageURL)
        }
        if let shards = extras.searchShards { values["searchShards"] = .number(shards) }
        return values
    }

    /// One menu entry and its children; `current` when it links to this page, `open` when a child does.
    private func menuValue(_ item: MenuItem, page: PageModel, links: LinkResolver) -> TemplateValue {
        let current = item.url.hasPrefix("/") && String(item.url.dropFirst()) == page.urlPath
        let children = item.children.map { menuValue($0, page: page, links: links) }
        let open = item.children.contains { child in
            func leads(_ c: MenuItem) -> Bool {
                (c.url.hasPrefix("/") && String(c.url.dropFirst()) == page.urlPath) || c.children.contains(where: leads)
            }
            return leads(child)
        }
        var values: TemplateObject = ["title": .text(item.title), "current": .flag(current), "open": .flag(open),
                                      "hasChildren": .flag(!children.isEmpty), "children": .list(children)]
        // Every entry has both keys: a missing one would be looked up in the enclosing entry.
        values["href"] = .text(item.url.isEmpty ? "" : links.menuHref(item.url))
        values["hasHref"] = .flag(!item.url.isEmpty)
        return .object(values)
    }

    /// `header.*`: the logo (its published address), its text alternative, the portal's name and link.
    private func headerValues(_ links: LinkResolver) -> TemplateObject {
        let h = model.config.header
        var values = Self.known([("portalTitle", h.portalTitle), ("portalHref", h.portalURL)])
        if !h.logo.isUnsetValue {
            values["logo"] = .text(links.href(SiteThemeConfigReader.logoOutputPath(h.logo)))
            values["logoAlt"] = .text(h.logoAlt.nonEmptyKnown ?? h.portalTitle.nonEmptyKnown ?? model.config.organisation.nonEmptyKnown ?? "")
        }
        return values
    }

    private func absoluteURL(_ urlPath: String) -> String {
        let encoded = URLPathEncoding.encode(urlPath)
        if baseURLHasScheme { return model.config.baseURL + encoded }
        return basePath + encoded
    }

    private func description(_ page: PageModel, report: ReportModel?) -> String {
        if let report, let id = page.topicID, let t = report.position(of: id) {
            let topic = report.topics[t]
            if !topic.source.summary.isEmpty { return topic.source.summary }
            return body(of: report).excerpt(t).nonEmpty ?? topic.navTitle
        }
        if let report {
            if !report.metadata.summary.isEmpty { return report.metadata.summary }
            return String(HTMLText.plain(body(of: report).opening?.html ?? "").prefix(120)).nonEmpty ?? report.metadata.title
        }
        return model.config.description.nonEmpty ?? model.config.title
    }

    private func keywords(report: ReportModel?) -> String {
        var words: [String] = []
        if !model.config.keywords.isEmpty { words.append(model.config.keywords) }
        if let report {
            words.append(report.metadata.series)
            if !report.metadata.category.isUnsetValue { words.append(report.metadata.category) }
            words.append(String(report.metadata.year))
        }
        return words.filter { !$0.isEmpty }.joined(separator: ",")
    }

    private func breadcrumbs(_ page: PageModel, links: LinkResolver) -> [TemplateValue] {
        var crumbs: [(String, String)] = [("首页", "")]
        if page.kind == .home { return [.object(["title": .text("首页"), "last": .flag(true)])] }
        if let report = page.reportID.flatMap({ model.report($0) }) {
            crumbs.append((report.metadata.title, report.urlPath))
            if let id = page.topicID, let topic = report.topic(id) {
                var chain: [TopicModel] = []
                var cursor = topic.parentID
                while let c = cursor, let parent = report.topic(c) { chain.insert(parent, at: 0); cursor = parent.parentID }
                crumbs += chain.map { ($0.navTitle, $0.urlPath) }
                crumbs.append((topic.navTitle, topic.urlPath))
            } else if page.kind != .report {
                crumbs.append((page.title, page.urlPath))
            }
        } else {
            crumbs.append((page.title, page.urlPath))
        }
        return crumbs.enumerated().map { i, c in
            .object(i == crumbs.count - 1 ? ["title": .text(c.0), "last": .flag(true)]
                                          : ["title": .text(c.0), "href": .text(links.href(c.1)), "last": .flag(false)])
        }
    }

    private func reportSummary(_ report: ReportModel, links: LinkResolver, latest: Bool) -> TemplateObject {
        var summary = Self.known([("id", report.metadata.id), ("title", report.metadata.title)])
        summary["year"] = .number(report.metadata.year)
        summary.setKnown("series", report.metadata.series)
        summary.setKnown("href", links.href(report.urlPath))
        summary.setKnown("fullHref", links.href(report.fullURLPath))
        summary.setKnown("indicatorsHref", links.href(report.indicatorsURLPath))
        summary.setKnown("published", report.metadata.published)
        summary.setKnown("publisher", report.metadata.publisher)
        summary["latest"] = .flag(latest)
        return summary
    }

    /// `report` for a page of `report`: made once for all its pages of one kind and depth when nothing in it depends on
    /// the page itself (every value but `openingHTML`, whose links are rebased to the page, and the report page's
    /// and home page's `toc` and 附件, depends only on the report and the links' root prefix).
    private func reportContext(_ report: ReportModel, page: PageModel, links: LinkResolver) -> TemplateObject {
        guard page.kind != .report, page.kind != .home, !uses("openingHTML", on: page.kind) else {
            return makeReportContext(report, page: page, links: links)
        }
        let key = page.kind.rawValue + "\u{1F}" + report.metadata.id + "\u{1F}" + links.root
        if let known = sharedReportValues.withLock({ $0[key] }) { return known }
        let values = makeReportContext(report, page: page, links: links)
        sharedReportValues.withLock { $0[key] = values }
        return values
    }

    private func makeReportContext(_ report: ReportModel, page: PageModel, links: LinkResolver) -> TemplateObject {
        var ctx = reportSummary(report, links: links, latest: report.metadata.id == model.reports.first?.metadata.id)
        let m = report.metadata
        let uses = { (name: String) in self.uses(name, on: page.kind) }
        let rows: [(String, String)] = [
            ("索引号", m.indexNumber), ("主题分类", m.category), ("发布机构", m.publisher),
            ("成文日期", m.written), ("发布日期", m.published), ("文号", m.documentNumber), ("有效性", m.validity),
        ]
        if uses("meta") { ctx["meta"] = .records(rows.filter { !$0.1.isUnsetValue }.map { ["label": .text($0.0), "value": .text($0.1)] }) }
        if uses("hasMeta") { ctx["hasMeta"] = .flag(rows.contains { !$0.1.isUnsetValue }) }
        // The grid gov.cn pages show (信息公开要素): pairs a row, 标题 across; a value not known yet reads —.
        if uses("metaGrid") {
            func cell(_ label: String, _ value: String) -> TemplateValue {
                .object(["label": .text(label), "value": .text(value.isUnsetValue ? "—" : value)])
            }
            var grid: [[TemplateValue]] = [
                [cell("索引号", m.indexNumber), cell("主题分类", m.category)],
                [cell("发布机构", m.publisher), cell("成文日期", m.written)],
                [cell("标题", m.title)],
                [cell("文号", m.documentNumber), cell("发布日期", m.published)],
            ]
            if !m.validity.isUnsetValue { grid.append([cell("有效性", m.validity)]) }
            ctx["metaGrid"] = .list(grid.map { cells in .object(["cells": .list(cells), "wide": .flag(cells.count == 1)]) })
        }
        if !m.salutation.isEmpty, uses("salutation") { ctx["salutation"] = .text(m.salutation) }
        if uses("closing") { ctx["closing"] = .texts(m.closing) }
        if uses("openingHTML") {
            ctx["openingHTML"] = .text(HTMLLinkRebaser.rebase(body(of: report).opening?.html ?? "", from: report.urlPath, to: page.kind == .notFound ? "" : page.urlPath))
        }
        if page.kind == .report || page.kind == .home, uses("toc") { ctx["toc"] = navTree(report, current: page, links: links) }
        // 历年报告: every year of this report's series (the same publisher and series), newest first.
        // (Looked up by position: copying each member's whole ReportModel cost more than the list.)
        let years = model.reportIndex[m.id].map { model.seriesMembers[$0] } ?? []
        if uses("years") {
            ctx["years"] = .list(years.map { i in
                let other = model.reports[i].metadata
                return .object(["year": .number(other.year), "title": .text(other.title), "href": .text(links.href("\(other.id)/")),
                                "current": .flag(other.id == m.id)])
            })
        }
        if uses("hasYears") { ctx["hasYears"] = .flag(years.count > 1) }
        if page.kind == .report, let files = attachments.byReport[m.id] {
            ctx["attachments"] = .list(files.map { file in
                .object(["name": .text(file.name), "href": .text(links.href(file.path)), "type": .text(file.type),
                         "size": .text(file.sizeText), "sha256": .text(file.sha256)])
            })
            ctx["hasAttachments"] = .flag(true)
        }
        return ctx
    }

    /// The home page's list: reports grouped by 发布机构 (in the order of each one's newest report; reports without
    /// one last, under 其他), then by year, newest first.
    private func publisherGroups(links: LinkResolver) -> [TemplateValue] {
        var order: [String] = []
        var byPublisher: [String: [ReportModel]] = [:]
        for report in model.reports {
            let name = report.metadata.publisher.nonEmptyKnown ?? ""
            if byPublisher[name] == nil { order.append(name) }
            byPublisher[name, default: []].append(report)
        }
        order = order.filter { !$0.isEmpty } + (byPublisher[""] == nil ? [] : [""])
        return order.map { name -> TemplateValue in
            let reports = byPublisher[name] ?? []
            var years: [Int] = []
            for r in reports where !years.contains(r.metadata.year) { years.append(r.metadata.year) }
            return .object([
                "name": .text(name.isEmpty ? "其他" : name),
                "years": .list(years.map { year in
                    .object(["year": .number(year),
                             "reports": .list(reports.filter { $0.metadata.year == year }.map { .object(reportSummary($0, links: links, latest: false)) })])
                }),
            ])
        }
    }

    /// The report's section tree, marking the current page and opening its ancestors.
    private func navTree(_ report: ReportModel, current: PageModel, links: LinkResolver) -> TemplateValue {
        .list(navNodes(report, current: current, links: links).map { .object($0.values()) })
    }

    /// One item of the section tree: a key that determines everything it shows, and its template values (made on
    /// demand, children included: with `navHTML`, only the first page showing an item needs them).
    /// One report held by reference, for the navigation items' closures.
    private final class SharedReport {
        let report: ReportModel
        init(_ report: ReportModel) { self.report = report }
    }

    private struct NavNode {
        /// Made only when the item is looked up in the cache (most pages take their closed items whole, see
        /// `topNavHTML`).
        var key: String { makeKey() }
        let makeKey: () -> String
        /// The report the item belongs to (the cache keeps the items of the reports being rendered).
        let report: String
        /// False when the current page lies inside the item: no other page shows it so, and it is not cached.
        let reusable: Bool
        /// The values; with `forItem`, those `partials/tree-item` sees when it renders the item on its own
        /// (`children` only when that template refers to it).
        let makeValues: (_ forItem: Bool) -> TemplateObject

        func values(forItem: Bool = false) -> TemplateObject { makeValues(forItem) }
    }

    /// The section tree's top-level items.
    ///
    /// An item shows its topic's title, summary and link (`links.root` + its URL path: the same for every page at
    /// one depth), the same for its children, and which of them is current or open: nothing else when the current
    /// page lies outside it. So its key is the report, the topic, the root prefix and, only when the current page
    /// is inside it, that page.
    /// With `allClosed`, every item as a page outside it shows it (none open or current).
    private func navNodes(_ report: ReportModel, current: PageModel, links: LinkResolver, allClosed: Bool = false) -> [NavNode] {
        report.childPositions(of: nil).map(navNodeMaker(report, current: current, links: links, allClosed: allClosed).node)
    }

    /// The item of the topic at a position (`navNodes`), made on demand, and whether the current page lies inside
    /// that topic (an item that is not reused).
    private func navNodeMaker(_ report: ReportModel, current: PageModel, links: LinkResolver,
                              allClosed: Bool = false) -> (node: (Int) -> NavNode, isOpen: (Int) -> Bool) {
        var ancestors = Set<String>()
        if !allClosed, let id = current.topicID {
            var cursor: String? = id
            while let c = cursor, let t = report.topic(c) { ancestors.insert(c); cursor = t.parentID }
        }
        let childrenHTML = usesChildrenHTML, itemChildren = treeItemUsesChildren
        let reportID = report.metadata.id
        let currentMark = "\(current.topicID ?? "")\u{1F}\(current.kind == .topic)"
        // Topics are looked up by position when an item's values are made: most items come from the cache, and
        // copying every topic of the report for each page cost more than the rest of the tree. The items' closures
        // share one reference to the report rather than each holding a copy of it.
        let shared = SharedReport(report)
        func node(_ position: Int) -> NavNode {
            let id = shared.report.topics[position].id
            let open = ancestors.contains(id)
            let makeKey = { reportID + "\u{1F}" + id + "\u{1F}" + links.root + (open ? "\u{1F}" + currentMark : "") }
            return NavNode(makeKey: makeKey, report: reportID, reusable: !open) { forItem in
                let children = shared.report.childPositions(of: id).map(node)
                var values: TemplateObject = [
                    "title": .text(shared.report.topics[position].navTitle), "href": .text(links.href(shared.report.topics[position].urlPath)),
                    "current": .flag(!allClosed && current.kind == .topic && current.topicID == id), "open": .flag(open),
                    "hasChildren": .flag(!children.isEmpty), "summary": .text(shared.report.topics[position].source.summary),
                ]
                if !forItem || itemChildren { values["children"] = .list(children.map { .object($0.values()) }) }
                if childrenHTML { values["childrenHTML"] = .text(self.navHTML(children)) }
                return values
            }
        }
        let open = ancestors
        return (node, { open.contains(shared.report.topics[$0].id) })
    }

    /// `navHTML` of the report's top-level items: the closed items come from the report's closed tree at this
    /// depth (every item rendered as a page outside it shows it, made once per report and root prefix), the items
    /// on the way to the current page are rendered for it.
    /// Only the items on the way to the current page are made as `NavNode`s.
    private func topNavHTML(_ report: ReportModel, current: PageModel, links: LinkResolver) -> String {
        let closed = navItems.closedTree(report: report.metadata.id, root: links.root) {
            navNodes(report, current: current, links: links, allClosed: true).map { navHTML([$0]) }
        }
        let top = report.childPositions(of: nil)
        let maker = navNodeMaker(report, current: current, links: links)
        guard closed.count == top.count else { return navHTML(top.map(maker.node)) }
        var html = ""
        for (i, position) in top.enumerated() { html += maker.isOpen(position) ? navHTML([maker.node(position)]) : closed[i] }
        return html
    }

    /// The tree's items rendered by `partials/tree-item`, each with only its own values in view (what
    /// `{{#nav}}{{> partials/tree-item}}{{/nav}}` gives). An item's output depends on nothing else, so it is
    /// rendered once per distinct item and reused: most pages of a report differ only in the items on the way to
    /// the current page (those are rendered for their page alone and not kept). `childrenHTML` does the same one
    /// level down, so a nested item is reused too.
    private func navHTML(_ nav: [NavNode]) -> String {
        var html = ""
        for item in nav {
            let render = { self.model.theme.render("partials/tree-item", values: item.values(forItem: true)) ?? "" }
            html += item.reusable ? navItems.html(for: item.key, report: item.report, make: render) : render()
        }
        return html
    }

    private func topicContext(_ topic: TopicModel, body: RenderedMarkdown, report: ReportModel, bodyHTML: String, links: LinkResolver) -> TemplateObject {
        let children = report.childPositions(of: topic.id)
        var ctx: TemplateObject = [
            "id": .text(topic.id), "title": .text(topic.title), "navTitle": .text(topic.navTitle),
            "bodyHTML": .text(bodyHTML),
            "toc": .list(body.headings.filter { $0.level <= 3 }.map {
                .object(["text": .text($0.text.withoutFinalFullStop), "href": .text("#\($0.id)"), "level": .number($0.level), "sub": .flag($0.level == 3)])
            }),
            "hasToc": .flag(body.headings.count > 1),
            "children": .records(children.map {
                ["title": .text(report.topics[$0].navTitle), "href": .text(links.href(report.topics[$0].urlPath)),
                 "summary": .text(report.topics[$0].source.summary)]
            }),
            "hasChildren": .flag(!children.isEmpty),
        ]
        if !topic.source.summary.isEmpty { ctx["summary"] = .text(topic.source.summary) }
        if let prev = topic.previousID.flatMap({ report.topic($0) }) {
            ctx["prev"] = .record(["title": .text(prev.navTitle), "href": .text(links.href(prev.urlPath))])
        }
        if let next = topic.nextID.flatMap({ report.topic($0) }) {
            ctx["next"] = .record(["title": .text(next.navTitle), "href": .text(links.href(next.urlPath))])
        }
        return ctx
    }
}

extension PageContextBuilder {
    /// The texts, in order, without those that are empty or TODO, so that templates' `{{#key}}` sections skip them.
    static func known(_ texts: [(String, String)]) -> TemplateObject {
        var values = TemplateObject()
        for (name, text) in texts { values.setKnown(name, text) }
        return values
    }
}

extension String {
    /// Self, or nil when empty.
    var nonEmpty: String? { isEmpty ? nil : self }
    /// Self, or nil when empty or TODO.
    var nonEmptyKnown: String? { isUnsetValue ? nil : self }
}
