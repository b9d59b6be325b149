import GongkaiCore

/// The messages of the publishing checks that find what `gongkai init` left (TODO fields, its placeholder summary,
/// its example report) and of the warning summary `build` and `serve` print.
public enum PublishText: String, MessageCatalogue {
    /// `build`'s and `serve`'s first line about warnings: `13 warnings:`.
    case warningCount
    /// After the first few: `… and 8 more: run gongkai check`.
    case moreWarnings
    /// A rebuild in `serve` with new warnings: `13 warnings, 2 new:`.
    case rebuildWarningsNew
    /// A rebuild in `serve` with the same warnings as before.
    case rebuildWarningsNoneNew
    /// A rebuild in `serve` after which no warning is left.
    case noWarningsLeft
    /// site.yaml `title: TODO`.
    case siteTitleTODO
    /// Another site.yaml field left TODO (description, keywords, footer.copyright, a URL).
    case siteFieldTODO
    /// report.yaml `title: TODO`.
    case reportTitleTODO
    /// Another report.yaml field left TODO that would be published (document_number, validity …).
    case reportFieldTODO
    /// A topic's front matter `title: TODO`.
    case topicTitleTODO
    /// A topic's front matter `summary: TODO`.
    case topicSummaryTODO
    /// A topic's `summary` is still init's placeholder.
    case topicSummaryPlaceholder
    /// The example report of `gongkai init` is still in content/.
    case exampleReport

    public static let catalogueName = "publish"

    public var texts: MessageTexts {
        switch self {
        case .warningCount:
            MessageTexts("{count} warning{_s}:", "{count} 个警告：")
        case .moreWarnings:
            MessageTexts("… and {count} more: run `gongkai check` to see them all", "……还有 {count} 个：运行 `gongkai check` 查看全部")
        case .rebuildWarningsNew:
            MessageTexts("{count} warning{_s}, {new} new:", "{count} 个警告，其中 {new} 个是新的：")
        case .rebuildWarningsNoneNew:
            MessageTexts("{count} warning{_s}, none new", "{count} 个警告，没有新的")
        case .noWarningsLeft:
            MessageTexts("no warnings left", "已没有警告")
        case .siteTitleTODO:
            MessageTexts("site config `title` is marked TODO: every page would be published with an empty <title> and no site name; write the site's name (网站名称), e.g. 某某市法治政府建设年度报告",
                         "网站配置 `title` 仍是 TODO：每个页面的 <title> 和网站名称都会是空的；请填写网站名称，例如“某某市法治政府建设年度报告”")
        case .siteFieldTODO:
            MessageTexts("site config `{field}` ({label}) is marked TODO, so it would be left out of every page: fill it in, e.g. {example}",
                         "网站配置 `{field}`（{label}）仍是 TODO，每个页面都会缺少这一项：请填写，例如 {example}")
        case .reportTitleTODO:
            MessageTexts("report `title` is marked TODO: its pages would be published with an empty title and heading; write the report's title as it appears on the document",
                         "报告的 `title` 仍是 TODO：报告页面的标题和大标题都会是空的；请按公文原文填写报告标题")
        case .reportFieldTODO:
            MessageTexts("report metadata `{field}` ({label}) is marked TODO, so it would be left out of the report's pages: fill it in, or delete the line if the report has none",
                         "报告信息 `{field}`（{label}）仍是 TODO，报告页面会缺少这一项：请填写；报告没有这一项的，删除这一行")
        case .topicTitleTODO:
            MessageTexts("topic `title` is marked TODO: its page would be published with an empty title and heading; write the heading of this part of the report",
                         "本节 `title` 仍是 TODO：页面标题和大标题都会是空的；请填写报告这一部分的标题")
        case .topicSummaryTODO:
            MessageTexts("topic `summary` is marked TODO; write one sentence about this part (shown as the page's description), or delete the line",
                         "本节 `summary` 仍是 TODO：请用一句话概述这一部分（用作页面描述），或删除这一行")
        case .topicSummaryPlaceholder:
            MessageTexts("topic `summary` is still the placeholder `{text}` that `gongkai init` wrote, which would be published as the page's description: write one sentence about this part, or delete the line",
                         "本节 `summary` 仍是 `gongkai init` 写的占位文字“{text}”，会作为页面描述发布：请用一句话概述这一部分，或删除这一行")
        case .exampleReport:
            MessageTexts("the example report of `gongkai init` is still here: remove content/{id}/ before publishing",
                         "`gongkai init` 生成的示例报告还在：发布前请删除 content/{id}/")
        }
    }
}
