import GongkaiCore

/// The messages about links: those written in Markdown (relative to the Markdown file, `ContentLinks`) and those
/// the output's HTML has (`OutputLinkChecker`).
public enum LinkText: String, MessageCatalogue {
    /// A relative link that names no file, where a file of that name is elsewhere in the report.
    case brokenFileDidYouMean
    /// A relative link that names no file.
    case brokenFile
    /// A link to a page the site does not have (`../99/`).
    case brokenPage
    /// A link that climbs above the site root.
    case leavesSite
    /// A link whose `#anchor` names no heading of its page.
    case brokenAnchor
    /// `brokenAnchor` where a heading has the same text in other Unicode code points.
    case brokenAnchorUnicode
    /// An image without alt text.
    case imageWithoutAlt
    /// A link that reaches a file only relative to the page's URL (as before #27): it works, and is to be written anew.
    case pageRelativeFile
    /// A link that now reaches a file beside the Markdown file, where it reached another before.
    case nowReachesOther
    /// A link in the output HTML that starts with `/` but not with the base path.
    case outsideBasePath
    /// A link in the output HTML that climbs above the site root.
    case climbsAboveRoot
    /// A link in the output HTML whose `#anchor` names no id on its page.
    case outputBrokenAnchor
    /// A link in the output HTML to a file the site does not have.
    case outputBrokenLink
    /// `outputBrokenLink` on several pages.
    case outputBrokenLinkOnPages
    /// `outputBrokenLinkOnPages` where a template names the file.
    case templateBrokenLink
    /// A page no link reaches from the home page.
    case unreachablePage

    public static let catalogueName = "link"

    public var texts: MessageTexts {
        switch self {
        case .brokenFileDidYouMean:
            MessageTexts("broken link `{link}`: there is no {lookedFor} (a link is relative to its Markdown file's folder); did you mean `{suggestion}`?",
                         "链接 `{link}` 无效：没有 {lookedFor} 这个文件（链接相对于 .md 文件所在的文件夹）；是不是要写 `{suggestion}`？")
        case .brokenFile:
            MessageTexts("broken link `{link}`: there is no {lookedFor} (a link is relative to its Markdown file's folder)",
                         "链接 `{link}` 无效：没有 {lookedFor} 这个文件（链接相对于 .md 文件所在的文件夹）")
        case .brokenPage:
            MessageTexts("broken link `{link}`: no page at /{target}", "链接 `{link}` 无效：网站没有 /{target} 这个页面")
        case .leavesSite:
            MessageTexts("link `{link}` leaves the site", "链接 `{link}` 指到了网站以外")
        case .brokenAnchor:
            MessageTexts("broken anchor `#{fragment}` in link `{link}`: /{target} has no such heading",
                         "链接 `{link}` 的锚点 `#{fragment}` 无效：/{target} 没有这个标题")
        case .brokenAnchorUnicode:
            MessageTexts("broken anchor `#{fragment}` in link `{link}`: /{target} has no such heading (a heading there has the same text in other Unicode code points, which browsers treat as another id: write the link with the heading's characters)",
                         "链接 `{link}` 的锚点 `#{fragment}` 无效：/{target} 没有这个标题（那里有一个标题文字相同、但 Unicode 编码不同，浏览器认为是另一个锚点：请照标题里的字符写链接）")
        case .imageWithoutAlt:
            MessageTexts("image `{link}` has no alt text: write ![what it shows]({link})", "图片 `{link}` 没有替代文字：请写成 ![图片内容]({link})")
        case .pageRelativeFile:
            MessageTexts("link `{link}` is written relative to the page's address (it reaches {source}); links are now relative to the Markdown file: write `{spelling}`",
                         "链接 `{link}` 是按页面网址写的（指向 {source}）；现在链接相对于 .md 文件所在的文件夹，请改为 `{spelling}`")
        case .nowReachesOther:
            MessageTexts("link `{link}` now reaches {now}, relative to the Markdown file's folder, no longer {before}; to link that, write `{spelling}`",
                         "链接 `{link}` 现在按 .md 文件所在的文件夹指向 {now}，不再指向 {before}；如果要链接后者，请改为 `{spelling}`")
        case .outsideBasePath:
            MessageTexts("link `{link}` is outside the site's base path {basePath}", "链接 `{link}` 不在网站的基础路径 {basePath} 之下")
        case .climbsAboveRoot:
            MessageTexts("link `{link}` climbs above the site root", "链接 `{link}` 超出了网站根目录")
        case .outputBrokenAnchor:
            MessageTexts("broken anchor `#{fragment}` in link `{link}`: /{target} has no such id", "链接 `{link}` 的锚点 `#{fragment}` 无效：/{target} 没有这个 id")
        case .outputBrokenLink:
            MessageTexts("broken link `{link}`: no file at /{target}", "链接 `{link}` 无效：网站没有 /{target} 这个文件")
        case .outputBrokenLinkOnPages:
            MessageTexts("broken link `{link}`: no file at /{target} (on {pages} pages)", "链接 `{link}` 无效：网站没有 /{target} 这个文件（{pages} 个页面）")
        case .templateBrokenLink:
            MessageTexts("link to /{target}, which the site does not have, on {pages} pages (e.g. {page}): add the file to theme/assets/ or correct the template",
                         "{pages} 个页面（如 {page}）链接了网站没有的 /{target}：请把文件放进 theme/assets/，或改正模板")
        case .unreachablePage:
            MessageTexts("no link reaches this page from the home page", "从首页出发，没有链接能到达这个页面")
        }
    }
}
