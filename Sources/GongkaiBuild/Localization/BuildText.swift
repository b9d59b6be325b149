import GongkaiCore

/// The messages of GongkaiBuild's load, assemble, render, check and init stages, in English and Chinese.
///
/// Write/ and `gongkai verify` have their own catalogue, `WriteText`.
public enum BuildText: String, MessageCatalogue {
    // MARK: Load: files and folders
    case cannotReadFile
    case cannotReadFileBecause
    case fileNameNotUTF8
    case fileChangedDuringBuild
    case symlinkDangling
    case symlinkOutsideSite
    case symlinkToFolder
    case specialFile
    case kindNamedPipe
    case kindSocket
    case kindDevice
    case kindNotRegular

    // MARK: Load: site.yaml
    case noSiteConfig
    case menuNotList
    case menuTooDeep
    case logoNotBelowContent
    case logoNotImage
    case logoMissing
    case paletteUnknown
    case footerOrderItem
    case footerOrderItemNotName
    case footerOrderNotList
    case urlStartsWithColon
    case urlSchemeNotAllowed

    // MARK: Load: reports
    case reportMetadataNotMapping
    case publishedBeforeWritten
    case reportFolderNameNotURLSafe
    case slugNotURLSafe
    case slugReserved
    case markdownWithoutReportYAML
    case markdownWithMisnamedReportYAML
    case searchScriptOldFormat

    // MARK: Assemble: URLs
    case duplicateURL
    case pageNeedsGeneratedFolder
    case copyOverGenerated
    case copyClash
    case copyBelowGenerated
    case generatedSitemap
    case generatedRobots
    case generatedFeed
    case generatedManifest
    case generatedIndicatorsCSV
    case generatedIndicatorsJSON
    case clashPage
    case clashFolderOf
    case clashInside
    case clashPageAbove
    case clashCopiedFileAbove

    // MARK: Render: theme and templates
    case themeNoTemplatesFolder
    case templateDoesNotParse
    case missingTemplate
    case missingPartial
    case partialByValue
    case templateIncludesItself
    case templateIncludesItselfThrough
    case templateIncludesItselfHidden
    case templateIncludesItselfThroughHidden
    case noTemplateForKind

    // MARK: Check: pages and metadata
    case headingLevelSkipped
    case duplicatePageTitle
    case reportMetadataMissing
    case reportMetadataTODO
    case siteConfigMissing
    case siteConfigTODO

    // MARK: Check: series and published reports
    case duplicateReportYear
    case duplicateReportYearByKey
    case indicatorUnitConflict
    case noUnit
    case seriesWithoutPublisher
    case publishedAfterDeadline
    case reportRemoved
    case cannotCheckImportedReport

    // MARK: Init
    case siteAlreadyExists
    case cannotWriteNewSite

    public static let catalogueName = "build"

    public var texts: MessageTexts {
        switch self {
        // Load: files and folders
        case .cannotReadFile: MessageTexts("cannot read file", "无法读取文件")
        case .cannotReadFileBecause: MessageTexts("cannot read file: {reason}", "无法读取文件：{reason}")
        case .fileNameNotUTF8:
            MessageTexts("file name is not valid UTF-8 (shown here with �; its bytes are {bytes}): Gongkai cannot publish it under that name; rename it",
                         "文件名不是有效的 UTF-8 编码（此处以 � 显示；其字节为 {bytes}）：Gongkai 无法用这个名字发布它，请重命名")
        case .fileChangedDuringBuild:
            MessageTexts("the file changed while the site was being built; build again", "生成网站期间该文件被修改了；请重新生成")
        case .symlinkDangling:
            MessageTexts("symbolic link points to nothing (to {target}): the file it names is missing; restore it or remove the link",
                         "符号链接指向的文件不存在（指向 {target}）：请恢复该文件，或删除这个链接")
        case .symlinkOutsideSite:
            MessageTexts("symbolic link points outside the site (to {target}); Gongkai publishes only files inside the site folder",
                         "符号链接指向网站文件夹之外（指向 {target}）；Gongkai 只发布网站文件夹内的文件")
        case .symlinkToFolder:
            MessageTexts("symbolic link to a folder ({target}); Gongkai follows links only to files: copy the folder here instead",
                         "符号链接指向一个文件夹（{target}）；Gongkai 只跟随指向文件的链接：请把该文件夹复制到这里")
        case .specialFile:
            MessageTexts("cannot read file: it is {kind}, not a regular file; remove it from the site folder",
                         "无法读取文件：它是{kind}，不是普通文件；请把它移出网站文件夹")
        case .kindNamedPipe: MessageTexts("a named pipe (FIFO)", "命名管道（FIFO）")
        case .kindSocket: MessageTexts("a socket", "套接字")
        case .kindDevice: MessageTexts("a device", "设备文件")
        case .kindNotRegular: MessageTexts("not a regular file", "特殊文件")

        // Load: site.yaml
        case .noSiteConfig:
            MessageTexts("no site configuration: create content/site.yaml (`gongkai init` writes one)",
                         "没有网站配置：请创建 content/site.yaml（`gongkai init` 会生成一个）")
        case .menuNotList: MessageTexts("`menu` must be a list of {title, url}", "`menu` 应是一个 {title, url} 列表")
        case .menuTooDeep: MessageTexts("the menu has at most three levels", "菜单最多三级")
        case .logoNotBelowContent:
            MessageTexts("`header.logo` is a file below content/ (e.g. logo.png), found `{logo}`",
                         "`header.logo` 应是 content/ 下的一个文件（如 logo.png），这里写的是 `{logo}`")
        case .logoNotImage:
            MessageTexts("`header.logo` must be an image (PNG, SVG, JPEG, GIF or WebP), found `{logo}`",
                         "`header.logo` 应是图片（PNG、SVG、JPEG、GIF 或 WebP），这里写的是 `{logo}`")
        case .logoMissing:
            MessageTexts("`header.logo` names {logo}, which is not there: put the image in content/ or correct the name",
                         "`header.logo` 指定的 {logo} 不存在：请把图片放进 content/，或改正文件名")
        case .paletteUnknown:
            MessageTexts("`palette` must be one of {palettes} (colour schemes whose text keeps 4.5:1 contrast), found `{name}`",
                         "`palette` 应是 {palettes} 之一（文字对比度不低于 4.5:1 的配色），这里写的是 `{name}`")
        case .footerOrderItem:
            MessageTexts("`footer.order` lists the footer's blocks, each once: {blocks}; found `{found}`",
                         "`footer.order` 列出页脚各区块，每个只列一次：{blocks}；这里写的是 `{found}`")
        case .footerOrderItemNotName:
            MessageTexts("`footer.order` lists the footer's blocks, each once: {blocks}; found `a list or mapping`",
                         "`footer.order` 列出页脚各区块，每个只列一次：{blocks}；这里却是一个列表或映射")
        case .footerOrderNotList:
            MessageTexts("`footer.order` must be a list such as [links, organisation, contact, record, party_gov, copyright]",
                         "`footer.order` 应是一个列表，如 [links, organisation, contact, record, party_gov, copyright]")
        case .urlStartsWithColon:
            MessageTexts("`{field}` is an address starting with `:`, which is not allowed: a link in site.yaml must start with http://, https://, mailto: or tel:, or be an address on this site such as /sitemap/",
                         "`{field}` 是以 `:` 开头的地址，不允许使用：site.yaml 中的链接须以 http://、https://、mailto: 或 tel: 开头，或是本站地址，如 /sitemap/")
        case .urlSchemeNotAllowed:
            MessageTexts("`{field}` is a `{scheme}:` address, which is not allowed: a link in site.yaml must start with http://, https://, mailto: or tel:, or be an address on this site such as /sitemap/",
                         "`{field}` 是 `{scheme}:` 地址，不允许使用：site.yaml 中的链接须以 http://、https://、mailto: 或 tel: 开头，或是本站地址，如 /sitemap/")

        // Load: reports
        case .reportMetadataNotMapping:
            MessageTexts("report metadata must be a mapping of `key: value` lines", "报告信息（report.yaml）应由 `键: 值` 形式的行组成")
        case .publishedBeforeWritten:
            MessageTexts("发布日期 `published: {published}` is earlier than 成文日期 `written: {written}`: a report is published after it is written",
                         "发布日期 `published: {published}` 早于成文日期 `written: {written}`：报告应在成文之后发布")
        case .reportFolderNameNotURLSafe:
            MessageTexts("report folder name `{id}` must be a URL-safe name (letters, digits, `-`, `_`)",
                         "报告文件夹名 `{id}` 只能由字母、数字、`-` 和 `_` 组成（用于网址）")
        case .slugNotURLSafe:
            MessageTexts("slug `{slug}` must be a URL-safe name (letters, digits, `-`, `_`)",
                         "slug `{slug}` 只能由字母、数字、`-` 和 `_` 组成（用于网址）")
        case .slugReserved:
            MessageTexts("slug `{slug}` is reserved for the report's own pages", "slug `{slug}` 已留作报告自身的页面，请换一个")
        case .markdownWithoutReportYAML:
            MessageTexts("content/{folder} has Markdown files but no report.yaml, so it is not published",
                         "content/{folder} 有 Markdown 文件，但没有 report.yaml，因此不会发布")
        case .markdownWithMisnamedReportYAML:
            MessageTexts("content/{folder} has Markdown files but no report.yaml, so it is not published (it has `{near}`: the name must be exactly report.yaml)",
                         "content/{folder} 有 Markdown 文件，但没有 report.yaml，因此不会发布（其中有 `{near}`：文件名必须正好是 report.yaml）")
        case .searchScriptOldFormat:
            MessageTexts("this search script reads search index format {script}, but gongkai now writes format {index}: the site's search page will not find anything. Update it: run `gongkai init` in an empty folder and copy its theme/assets/search.js over this one",
                         "这个搜索脚本读取第 {script} 版格式的搜索索引，而现在的 gongkai 生成第 {index} 版：网站的搜索页将无法搜索。请更新它：在一个空文件夹中运行 `gongkai init`，用其中的 theme/assets/search.js 替换这个文件")

        // Assemble: URLs
        case .duplicateURL:
            MessageTexts("duplicate URL /{url}: also produced by {other}; give one of them another `slug`",
                         "网址 /{url} 重复：{other} 也生成这个网址；请给其中一个换一个 `slug`")
        case .pageNeedsGeneratedFolder:
            MessageTexts("/{url} would need a folder /{folder}, where the site writes {what}; rename the folder `{source}` is in, or give the page another `slug`",
                         "/{url} 需要文件夹 /{folder}，但网站在那里写入{what}；请重命名 `{source}` 所在的文件夹，或给该页换一个 `slug`")
        case .copyOverGenerated:
            MessageTexts("`{source}` would be copied to /{output}, where the site writes {what}; rename or move the file",
                         "`{source}` 会被复制到 /{output}，但网站在那里写入{what}；请重命名或移动该文件")
        case .copyClash:
            MessageTexts("`{source}` would be copied to /{output}, which is also {clash}; rename or move the file",
                         "`{source}` 会被复制到 /{output}，而那里也是{clash}；请重命名或移动该文件")
        case .copyBelowGenerated:
            MessageTexts("`{source}` would be copied to /{output}, where the site writes {what} (/{path}); rename or move the file",
                         "`{source}` 会被复制到 /{output}，但网站在那里写入{what}（/{path}）；请重命名或移动该文件")
        case .generatedSitemap: MessageTexts("the site map for search engines", "供搜索引擎使用的网站地图")
        case .generatedRobots: MessageTexts("the robots.txt file", "robots.txt 文件")
        case .generatedFeed: MessageTexts("the site's Atom feed", "网站的 Atom 订阅")
        case .generatedManifest: MessageTexts("the site's manifest", "网站的清单")
        case .generatedIndicatorsCSV: MessageTexts("the open data (CSV) of report {id}", "报告 {id} 的开放数据（CSV）")
        case .generatedIndicatorsJSON: MessageTexts("the open data (JSON) of report {id}", "报告 {id} 的开放数据（JSON）")
        case .clashPage: MessageTexts("a page of the site ({source})", "网站的一个页面（{source}）")
        case .clashFolderOf: MessageTexts("the folder of {inside}", "{inside} 的文件夹")
        case .clashInside: MessageTexts("inside {blocker}", "在 {blocker} 之内")
        case .clashPageAbove: MessageTexts("/{folder}, a page of the site ({source})", "/{folder}，网站的一个页面（{source}）")
        case .clashCopiedFileAbove: MessageTexts("/{folder}, a copied file", "/{folder}，一个复制的文件")

        // Render: theme and templates
        case .themeNoTemplatesFolder:
            MessageTexts("theme has no templates folder: expected {path}/templates/", "主题没有 templates 文件夹：应有 {path}/templates/")
        case .templateDoesNotParse: MessageTexts("template does not parse: {problem}", "模板无法解析：{problem}")
        case .missingTemplate:
            MessageTexts("missing template `{name}`: every page kind needs theme/templates/{name}.mustache",
                         "缺少模板 `{name}`：每种页面都需要 theme/templates/{name}.mustache")
        case .missingPartial:
            MessageTexts("template uses partial `{name}`, but theme/templates/{name}.mustache does not exist",
                         "模板引用了局部模板 `{name}`，但 theme/templates/{name}.mustache 不存在")
        case .partialByValue:
            MessageTexts("`{tag}` names a template by a value, which could make a template include itself; name the template itself (`{example}`)",
                         "`{tag}` 用一个值来指定模板，这可能让模板包含自身；请直接写出模板名（`{example}`）")
        case .templateIncludesItself:
            MessageTexts("template `{name}` includes itself: it would never finish rendering. Gongkai does not render templates that include themselves; for nested navigation use {{{childrenHTML}}}, as the default theme's partials/tree-item does",
                         "模板 `{name}` 包含了自身：它永远渲染不完。Gongkai 不渲染包含自身的模板；嵌套导航请用 {{{childrenHTML}}}，如默认主题的 partials/tree-item")
        case .templateIncludesItselfThrough:
            MessageTexts("template `{name}` includes itself through {loop}: it would never finish rendering. Gongkai does not render templates that include themselves; for nested navigation use {{{childrenHTML}}}, as the default theme's partials/tree-item does",
                         "模板 `{name}` 经由 {loop} 包含了自身：它永远渲染不完。Gongkai 不渲染包含自身的模板；嵌套导航请用 {{{childrenHTML}}}，如默认主题的 partials/tree-item")
        case .templateIncludesItselfHidden:
            MessageTexts("template `{name}` includes itself (`{changer}` changes its tag delimiters, so Gongkai cannot see which templates it includes): it would never finish rendering. Gongkai does not render templates that include themselves; for nested navigation use {{{childrenHTML}}}, as the default theme's partials/tree-item does",
                         "模板 `{name}` 包含了自身（`{changer}` 改变了标签分隔符，Gongkai 看不出它包含哪些模板）：它永远渲染不完。Gongkai 不渲染包含自身的模板；嵌套导航请用 {{{childrenHTML}}}，如默认主题的 partials/tree-item")
        case .templateIncludesItselfThroughHidden:
            MessageTexts("template `{name}` includes itself through {loop} (`{changer}` changes its tag delimiters, so Gongkai cannot see which templates it includes): it would never finish rendering. Gongkai does not render templates that include themselves; for nested navigation use {{{childrenHTML}}}, as the default theme's partials/tree-item does",
                         "模板 `{name}` 经由 {loop} 包含了自身（`{changer}` 改变了标签分隔符，Gongkai 看不出它包含哪些模板）：它永远渲染不完。Gongkai 不渲染包含自身的模板；嵌套导航请用 {{{childrenHTML}}}，如默认主题的 partials/tree-item")
        case .noTemplateForKind: MessageTexts("no template for page kind `{kind}`", "页面类型 `{kind}` 没有模板")

        // Check: pages and metadata
        case .headingLevelSkipped:
            MessageTexts("heading level skipped: `{heading}` is h{level} after h{previous}; topic bodies start at ##",
                         "标题跳级：`{heading}` 是 h{level}，前一个标题是 h{previous}；栏目正文从 ## 开始")
        case .duplicatePageTitle:
            MessageTexts("duplicate page title `{title}` (also {other})", "页面标题 `{title}` 重复（{other} 也用了它）")
        case .reportMetadataMissing:
            MessageTexts("report metadata `{field}` is missing; government disclosure pages must show it",
                         "报告信息缺少 `{field}`；政府信息公开页面必须显示此项")
        case .reportMetadataTODO:
            MessageTexts("report metadata `{field}` is marked TODO; government disclosure pages must show it",
                         "报告信息 `{field}` 仍标着 TODO；政府信息公开页面必须显示此项，请填写")
        case .siteConfigMissing:
            MessageTexts("site config `{field}` is missing; 《政府网站发展指引》 asks every page to show it",
                         "网站配置缺少 `{field}`；《政府网站发展指引》要求每个页面都显示此项")
        case .siteConfigTODO:
            MessageTexts("site config `{field}` is marked TODO; 《政府网站发展指引》 asks every page to show it",
                         "网站配置 `{field}` 仍标着 TODO；《政府网站发展指引》要求每个页面都显示此项，请填写")

        // Check: series and published reports
        case .duplicateReportYear:
            MessageTexts("content/{report} and content/{earlier} are both the {year} report of one series ({publisher} · {series}): a series has one report a year; correct `year`, or give one of them another `series_key`",
                         "content/{report} 和 content/{earlier} 都是同一系列（{publisher} · {series}）的 {year} 年报告：一个系列每年只有一份报告；请改正 `year`，或给其中一份另设 `series_key`")
        case .duplicateReportYearByKey:
            MessageTexts("content/{report} and content/{earlier} are both the {year} report of one series (series_key {key}): a series has one report a year; correct `year`, or give one of them another `series_key`",
                         "content/{report} 和 content/{earlier} 都是同一系列（series_key {key}）的 {year} 年报告：一个系列每年只有一份报告；请改正 `year`，或给其中一份另设 `series_key`")
        case .indicatorUnitConflict:
            MessageTexts("indicator `{id}` ({label}) is {later} in {laterYear} but {earlier} in {earlierYear} ({there}): “{laterUnit}” and “{earlierUnit}” cannot be compared, so the {earlierYear} figure is left out of its year-over-year comparison; if they are different figures, give one another id",
                         "指标 `{id}`（{label}）{laterYear} 年为 {later}，{earlierYear} 年却为 {earlier}（{there}）：“{laterUnit}”与“{earlierUnit}”无法比较，因此同比中不使用 {earlierYear} 年的数字；如果它们是不同的指标，请给其中一个换一个 id")
        case .noUnit: MessageTexts("(no unit)", "（无单位）")
        case .seriesWithoutPublisher:
            MessageTexts("report `{report}` has no `publisher` (发布机构): its figures are compared with no other year of `{series}`; fill in `publisher` (or `series_key`) to join it with the same publisher's other years",
                         "报告 `{report}` 没有填写 `publisher`（发布机构）：它的数字不与 `{series}` 的其他年份比较；请填写 `publisher`（或 `series_key`），以便与同一机构的其他年份相连")
        case .publishedAfterDeadline:
            MessageTexts("发布日期 {published} is after the deadline for the {year} report, {dueChinese} ({due}): 《法治政府建设与责任落实督察工作规定》（厅字〔2019〕28号）第二十四条 asks for the annual report to be made public before 1 April",
                         "发布日期 {published} 晚于 {year} 年度报告的期限 {dueChinese}（{due}）：《法治政府建设与责任落实督察工作规定》（厅字〔2019〕28号）第二十四条要求年度报告于 4 月 1 日前向社会公开")
        case .reportRemoved:
            MessageTexts("report `{report}` was published by the previous build ({files} files) and is not in this one, so its pages are removed; if that is not meant, check that content/{report}/report.yaml is there and spelt so",
                         "报告 `{report}` 上次生成时已发布（{files} 个文件），这次没有它，因此它的页面将被删除；如非本意，请检查 content/{report}/report.yaml 是否存在、文件名是否正确")
        case .cannotCheckImportedReport:
            MessageTexts("cannot check the imported report as build would: {reason}", "无法像生成时那样检查导入的报告：{reason}")

        // Init
        case .siteAlreadyExists:
            MessageTexts("{folder}/ already exists here; gongkai init never writes over a site — choose an empty folder",
                         "这里已有 {folder}/；gongkai init 从不覆盖已有网站，请选择一个空文件夹")
        case .cannotWriteNewSite: MessageTexts("cannot write the new site: {reason}", "无法写入新网站：{reason}")
        }
    }
}
