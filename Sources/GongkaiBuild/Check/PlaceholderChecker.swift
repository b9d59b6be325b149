import GongkaiCore

/// A publishing check: what `gongkai init` (or an editor) left as a placeholder and would be published — a field
/// still `TODO` that pages show (titles, the site's description and copyright, a report's 文号 …), the placeholder
/// summary init writes in a topic's front matter, and init's example report itself. Each is a warning at the line
/// and column of its value. (Fields the disclosure rules require — 发布机构, footer contacts … — are `SiteChecker`'s.)
struct PlaceholderChecker: Sendable {
    /// The `summary` init writes in its example topic.
    static let placeholderSummary = "一句话概述（可选）"
    /// The title of init's example report (`SiteInitializer.reportYAML`).
    static let exampleTitle = "示例市2025年法治政府建设年度报告"
    /// The folder of init's example report.
    static let exampleID = "example-2025"

    /// Every finding for `model`, site config first, then each report in order.
    func check(_ model: SiteModel) -> [Diagnostic] {
        var out = siteFindings(model.config)
        for report in model.reports {
            out += reportFindings(report)
            for topic in report.topics { out += topicFindings(topic.source) }
        }
        return out
    }

    /// True when `value` is literally a TODO (not merely left out: an optional field left out is fine).
    private static func isTODO(_ value: String) -> Bool { value.isUnsetValue && !value.trimmingCharacters(in: .whitespaces).isEmpty }

    private func siteFindings(_ config: SiteConfig) -> [Diagnostic] {
        let at = { (field: String) in config.fieldLocations[field] ?? config.location }
        var out: [Diagnostic] = []
        if Self.isTODO(config.title) { out.append(.warning(PublishText.siteTitleTODO(), at: at("title"))) }
        var fields: [(field: String, value: String, label: String, example: String)] = [
            ("description", config.description, "网站描述", "“某某市法治政府建设年度报告公开专栏”"),
            ("keywords", config.keywords, "关键词", "法治政府建设,年度报告"),
            ("footer.copyright", config.footer.copyright, "版权信息", "某某市人民政府 版权所有"),
        ]
        // A link whose text is filled in but whose address is not (when the text is TODO too, SiteChecker says so).
        if !config.footer.icp.isUnsetValue { fields.append(("footer.icp.url", config.footer.icpURL, "ICP备案查询链接", "https://beian.miit.gov.cn/")) }
        if !config.footer.police.isUnsetValue {
            fields.append(("footer.police.url", config.footer.policeURL, "公安备案查询链接", "https://beian.mps.gov.cn/"))
        }
        for f in fields where Self.isTODO(f.value) {
            out.append(.warning(PublishText.siteFieldTODO(["field": f.field, "label": f.label, "example": f.example]), at: at(f.field)))
        }
        return out
    }

    private func reportFindings(_ report: ReportModel) -> [Diagnostic] {
        let m = report.metadata
        let at = { (field: String) in m.fieldLocations[field] ?? m.location }
        var out: [Diagnostic] = []
        if m.id == Self.exampleID || m.title == Self.exampleTitle {
            out.append(.warning(PublishText.exampleReport(["id": m.id]), at: m.fieldLocations["title"] ?? m.location))
        }
        if Self.isTODO(m.title) { out.append(.warning(PublishText.reportTitleTODO(), at: at("title"))) }
        let fields: [(String, String, String)] = [("document_number", m.documentNumber, "文号"), ("validity", m.validity, "有效性"),
                                                  ("salutation", m.salutation, "主送机关"), ("signature", m.signature, "发文机关署名"),
                                                  ("summary", m.summary, "内容概述")]
        for (field, value, label) in fields where Self.isTODO(value) {
            out.append(.warning(PublishText.reportFieldTODO(["field": field, "label": label]), at: at(field)))
        }
        for (i, line) in m.closing.enumerated() where Self.isTODO(line) {
            out.append(.warning(PublishText.reportFieldTODO(["field": "closing[\(i + 1)]", "label": "结束语"]), at: at("closing")))
        }
        return out
    }

    private func topicFindings(_ topic: LoadedTopic) -> [Diagnostic] {
        var out: [Diagnostic] = []
        if Self.isTODO(topic.title) { out.append(.warning(PublishText.topicTitleTODO(), at: topic.titleLocation)) }
        let summaryAt = topic.summaryLocation ?? topic.titleLocation
        if Self.isTODO(topic.summary) {
            out.append(.warning(PublishText.topicSummaryTODO(), at: summaryAt))
        } else if topic.summary.trimmingCharacters(in: .whitespaces) == Self.placeholderSummary {
            out.append(.warning(PublishText.topicSummaryPlaceholder(["text": Self.placeholderSummary]), at: summaryAt))
        }
        return out
    }
}
