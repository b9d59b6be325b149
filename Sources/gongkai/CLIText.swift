import ArgumentParser
import GongkaiCore

/// The words of the `gongkai` command line: every command's abstract and discussion, every option's help, the
/// progress and summary lines. ArgumentParser's own words (USAGE, OPTIONS, "Missing expected argument") are its own.
enum CLIText: String, MessageCatalogue {
    case gongkaiAbstract
    case gongkaiDiscussion
    case siteRootHelp
    case baseURLHelp
    case outputHelp
    // build
    case buildAbstract
    case fileLinksHelp
    case keptFiles
    case keptAside
    case replacedInPlace
    case built
    case rendering
    // check
    case checkAbstract
    case checkBaseURLHelp
    case strictHelp
    case noProblems
    // import
    case importAbstract
    case importDiscussion
    case importFileHelp
    case importIDHelp
    case importIntoHelp
    case importDryRunHelp
    case importForceHelp
    case importSplitHelp
    case importTitleHelp
    case importSeriesHelp
    case importYearHelp
    case importPublisherHelp
    case importSplitInvalid
    case importCannotRead
    case imported
    // init
    case initAbstract
    case initDirectoryHelp
    case initCreated
    case initNextHere
    case initNextThere
    // render
    case renderAbstract
    case renderRawHTMLHelp
    case renderNotUTF8
    // serve
    case serveAbstract
    case serveDiscussion
    case servePortHelp
    case serveHostHelp
    case serveOpenHelp
    case servePollHelp
    case serveBaseURLHelp
    case serveWriteHelp
    case serveOutputHelp
    // verify
    case verifyAbstract
    case verifyDiscussion
    case verifyDirectoryHelp
    case verifyManifestHelp
    case verifyDigestHelp
    case verifyBoth
    case verifyDigestInvalid
    case verifyOwnManifest
    case verifyMatches
    case verifyDiffers
    case verifyChanged
    case verifyMissing
    case verifyExtra
    case verifyExtraFolders
    case verifySymlinks
    case verifySpecial
    case verifyManifestNotBuilds

    static let catalogueName = "cli"

    var texts: MessageTexts {
        switch self {
        case .gongkaiAbstract:
            MessageTexts("Build a government information-disclosure website from plain-text reports.", "用文字报告生成政府信息公开网站。")
        case .gongkaiDiscussion:
            MessageTexts("Messages and help are in Chinese for a Chinese locale (zh_*), in English otherwise; choose with --lang zh or --lang en before the subcommand (gongkai --lang zh build), or with GONGKAI_LANG=zh.",
                         "中文区域设置（zh_*）下提示和帮助为中文，否则为英文；可在子命令前用 --lang zh 或 --lang en 指定（gongkai --lang zh build），或设置环境变量 GONGKAI_LANG=zh。")
        case .siteRootHelp: MessageTexts("The site folder (holding content/ and theme/).", "网站文件夹（含 content/ 和 theme/）。")
        case .baseURLHelp:
            MessageTexts("Publish address, e.g. https://www.example.gov.cn/fzzfjs/ (overrides base_url in content/site.yaml).",
                         "发布地址，例如 https://www.example.gov.cn/fzzfjs/（代替 content/site.yaml 中的 base_url）。")
        case .outputHelp: MessageTexts("Output folder (default: public/ in the site folder).", "输出文件夹（默认：网站文件夹中的 public/）。")
        case .buildAbstract:
            MessageTexts("Build the site into public/ (left untouched when the build fails).", "把网站生成到 public/（构建失败时不改动它）。")
        case .fileLinksHelp:
            MessageTexts("Make folder links end in index.html so that the output reads when opened from the file system.",
                         "文件夹链接以 index.html 结尾，直接从磁盘打开也能浏览。")
        case .keptFiles:
            MessageTexts("kept {count} file{_s} gongkai did not make: {files}", "保留了 {count} 个不是 gongkai 生成的文件：{files}")
        case .keptAside:
            MessageTexts("a file was added to {folder}/ during the build where the new site has a file of its own; the previous site, with that file, is kept at {aside}: take what you need from it, then remove it",
                         "构建期间有文件被放进 {folder}/，而新网站在同一位置有自己的文件；带有该文件的上一版网站保存在 {aside}：取出需要的内容后请删除它")
        case .replacedInPlace:
            MessageTexts("{folder}/ is on another file system than its parent folder, so the new site could not be swapped in as a whole: files were replaced one by one, and a build stopped midway would have left old and new pages mixed",
                         "{folder}/ 与它的上级文件夹不在同一个文件系统上，新网站无法整体替换：文件是逐个替换的，构建中途停止会留下新旧页面混杂")
        case .built:
            MessageTexts("built {pages} pages, {files} files: {written} written, {unchanged} unchanged, {removed} removed",
                         "已构建 {pages} 个页面、{files} 个文件：写入 {written} 个，未变 {unchanged} 个，删除 {removed} 个")
        case .rendering: MessageTexts("rendering {done}/{total} pages", "正在生成页面 {done}/{total}")
        case .checkAbstract:
            MessageTexts("Check the site without writing: links, anchors, metadata, footer fields, headings, alt text, indicators.",
                         "检查网站，不写入文件：链接、锚点、元数据、页脚字段、标题、图片说明、指标。")
        case .checkBaseURLHelp:
            MessageTexts("Check links as they will be published under this address (overrides base_url).",
                         "按发布在这个地址下的样子检查链接（代替 base_url）。")
        case .strictHelp: MessageTexts("Treat warnings as errors.", "把警告当作错误。")
        case .noProblems: MessageTexts("no problems found", "没有发现问题")
        case .importAbstract:
            MessageTexts("Import a report (plain text, Word .docx, a saved web page, a text PDF) as a new report folder.",
                         "导入一份报告（纯文本、Word .docx、保存的网页、文字版 PDF），生成新的报告文件夹。")
        case .importDiscussion:
            MessageTexts("""
                The format is told from the file's bytes: Word (.docx; .doc/.wps through LibreOffice when installed), a \
                web page (.html/.htm, UTF-8 or GB2312/GBK/GB18030 as its meta tag says: the article only), a text PDF \
                (through pdftotext), or plain text (UTF-8, GB18030/GBK or UTF-16). Page chrome (breadcrumbs, 字号, 打印本页, \
                网站标识码 …) is dropped and a 信息公开 metadata table (索引号, 发文机关, 标题, 发文字号, 发布时间) fills report.yaml. \
                Headings are found by their numbering (一、 (一) 1. (1)), on their own line or as the first sentence of a \
                paragraph, and in Word also by heading styles, outline levels and automatic numbering. Each 一、 section becomes a topic page; a section with at least {subsections} \
                substantial (一) sections (median ≥ {median} characters) gets one page per (一) \
                section under an index page (override with --split). The written files are rendered and compared with the \
                source before they are moved into place.
                """, """
                格式由文件内容判断：Word（.docx；装有 LibreOffice 时也可导入 .doc/.wps）、网页（.html/.htm，\
                按其 meta 标签为 UTF-8 或 GB2312/GBK/GB18030，只取正文）、文字版 PDF（通过 pdftotext），\
                或纯文本（UTF-8、GB18030/GBK 或 UTF-16）。页面框架（面包屑导航、字号、打印本页、网站标识码……）会被去掉，\
                信息公开元数据表（索引号、发文机关、标题、发文字号、发布时间）填入 report.yaml。\
                标题按序号识别（一、 (一) 1. (1)），可以独占一行，也可以是段落的第一句；Word 中还按标题样式、大纲级别和自动编号识别。\
                每个“一、”部分成为一个专题页面；含至少 {subsections} 个较长“(一)”小节（中位长度 ≥ {median} 字）的部分，\
                在一个索引页下每个“(一)”小节一页（可用 --split 改变）。写好的文件会先渲染并与原文比对，然后才移到目标位置。
                """)
        case .importFileHelp:
            MessageTexts("The report: .txt, .docx, .html/.htm or .pdf (.doc/.wps need LibreOffice).",
                         "报告文件：.txt、.docx、.html/.htm 或 .pdf（.doc/.wps 需要 LibreOffice）。")
        case .importIDHelp:
            MessageTexts("Report id: folder name and URL segment, ASCII letters, digits, - _ . (default: the file name without extension).",
                         "报告 id：文件夹名和网址中的一段，只能用英文字母、数字和 - _ .（默认：不带扩展名的文件名）。")
        case .importIntoHelp: MessageTexts("The content folder the report folder is created in.", "在哪个 content 文件夹中创建报告文件夹。")
        case .importDryRunHelp:
            MessageTexts("Print the metadata found, the lines dropped (page chrome, metadata table, page numbers), the outline (level, numbering, title, line) and the pages; write nothing.",
                         "列出找到的元数据、去掉的行（页面框架、元数据表、页码）、提纲（级别、序号、标题、行号）和页面；不写入文件。")
        case .importForceHelp:
            MessageTexts("Replace an existing report folder (every hand-filled report.yaml value and non-Markdown files such as indicators.yaml are kept).",
                         "替换已有的报告文件夹（report.yaml 中手工填写的值和 indicators.yaml 等非 Markdown 文件都会保留）。")
        case .importSplitHelp:
            MessageTexts("Which 一、 sections get one page per (一) section: auto, all, none, or positions such as 2,4.",
                         "哪些“一、”部分按“(一)”小节分页：auto、all、none，或位置如 2,4。")
        case .importTitleHelp: MessageTexts("Title when the text has no title line.", "正文没有标题行时使用的标题。")
        case .importSeriesHelp: MessageTexts("Series (default: derived, e.g. 法治政府建设年度报告).", "系列（默认：自动推断，如 法治政府建设年度报告）。")
        case .importYearHelp: MessageTexts("Year reported on (default: from the title, the id or the text).", "报告年度（默认：从标题、id 或正文中取得）。")
        case .importPublisherHelp:
            MessageTexts("发布机构 (default: the signature line, or the site's one publisher of this series named like the title's place).",
                         "发布机构（默认：落款行，或本站该系列中与标题地名相符的那个发布机构）。")
        case .importSplitInvalid:
            MessageTexts("--split must be auto, all, none or positions such as 2,4", "--split 必须是 auto、all、none 或位置如 2,4")
        case .importCannotRead: MessageTexts("cannot read the file: {error}", "无法读取文件：{error}")
        case .imported:
            MessageTexts("imported {file} ({kind}) into {folder}: {h1} / {h2} / {h3} / {h4} headings at levels 1 / 2 / 3 / 4, {pages} pages; text verified against the source",
                         "已把 {file}（{kind}）导入 {folder}：1 / 2 / 3 / 4 级标题 {h1} / {h2} / {h3} / {h4} 个，{pages} 个页面；文字已与原文核对")
        case .initAbstract:
            MessageTexts("Start a new site: the default theme, a commented site config and an example report.",
                         "新建网站：默认主题、带注释的网站配置和一份示例报告。")
        case .initDirectoryHelp:
            MessageTexts("The folder for the new site (created if needed; default: the current folder).",
                         "新网站的文件夹（不存在时创建；默认：当前文件夹）。")
        case .initCreated: MessageTexts("created a new site in {directory} ({count} files).", "已在 {directory} 新建网站（{count} 个文件）。")
        case .initNextHere:
            MessageTexts("""
                Next:
                  1. import your report:        gongkai import 报告.docx --id fzzf-2025   (or .txt, .html, .pdf; the id: letters, digits, - _ .)
                  2. fill in content/site.yaml and the new report's report.yaml (every TODO)
                  3. remove the example report: rm -r content/example-2025
                  4. check:                     gongkai check
                  5. preview:                   gongkai serve   (open http://127.0.0.1:1313/)
                  6. build:                     gongkai build   (the site is then in public/)
                """, """
                接下来：
                  1. 导入您的报告：     gongkai import 报告.docx --id fzzf-2025   （也可以是 .txt、.html、.pdf；编号只用字母、数字和 - _ .）
                  2. 填写 content/site.yaml 和新报告的 report.yaml（所有 TODO）
                  3. 删除示例报告：     rm -r content/example-2025
                  4. 检查：             gongkai check
                  5. 预览：             gongkai serve   （打开 http://127.0.0.1:1313/）
                  6. 生成网站：         gongkai build   （网站生成在 public/ 中）
                """)
        case .initNextThere:
            MessageTexts("""
                Next:
                  0. go to the site folder:     cd {directory}
                  1. import your report:        gongkai import 报告.docx --id fzzf-2025   (or .txt, .html, .pdf; the id: letters, digits, - _ .)
                  2. fill in content/site.yaml and the new report's report.yaml (every TODO)
                  3. remove the example report: rm -r content/example-2025
                  4. check:                     gongkai check
                  5. preview:                   gongkai serve   (open http://127.0.0.1:1313/)
                  6. build:                     gongkai build   (the site is then in public/)
                """, """
                接下来：
                  0. 进入网站文件夹：   cd {directory}
                  1. 导入您的报告：     gongkai import 报告.docx --id fzzf-2025   （也可以是 .txt、.html、.pdf；编号只用字母、数字和 - _ .）
                  2. 填写 content/site.yaml 和新报告的 report.yaml（所有 TODO）
                  3. 删除示例报告：     rm -r content/example-2025
                  4. 检查：             gongkai check
                  5. 预览：             gongkai serve   （打开 http://127.0.0.1:1313/）
                  6. 生成网站：         gongkai build   （网站生成在 public/ 中）
                """)
        case .renderAbstract:
            MessageTexts("Render Markdown from standard input to HTML as page bodies are rendered.", "把标准输入的 Markdown 按页面正文的方式转换为 HTML。")
        case .renderRawHTMLHelp:
            MessageTexts("Pass raw HTML through (as a site with allow_raw_html: true does).", "保留原始 HTML（与设置了 allow_raw_html: true 的网站相同）。")
        case .renderNotUTF8: MessageTexts("input is not valid UTF-8", "输入不是有效的 UTF-8")
        case .serveAbstract:
            MessageTexts("Preview the site: build it into a private cache folder, serve it on 127.0.0.1 and reload open pages on every change.",
                         "预览网站：构建到私有缓存文件夹，在 127.0.0.1 上提供访问，每次修改后自动刷新打开的页面。")
        case .serveDiscussion:
            MessageTexts("Nothing is written to public/ unless --write is given: then public/ (or --output) is kept in step with every good build, and only files whose bytes changed are written. Build errors show in the terminal and on the open page while the last good build stays served.",
                         "除非指定 --write，否则不会写入 public/：指定后，每次构建成功都会同步 public/（或 --output），只写入内容有变化的文件。构建错误显示在终端和打开的页面上，同时继续提供上次成功构建的页面。")
        case .servePortHelp: MessageTexts("The port to listen on (0 picks a free one).", "监听的端口（0 表示自动选一个空闲端口）。")
        case .serveHostHelp:
            MessageTexts("The address to listen on. Only loopback by default; 0.0.0.0 shows the preview to the whole network.",
                         "监听的地址。默认只限本机；0.0.0.0 会让整个网络都能看到预览。")
        case .serveOpenHelp: MessageTexts("Open the site in the browser (xdg-open).", "在浏览器中打开网站（xdg-open）。")
        case .servePollHelp:
            MessageTexts("Poll for changes instead of using inotify (for file systems without change notification).",
                         "定时检查修改，不用 inotify（用于不支持修改通知的文件系统）。")
        case .serveBaseURLHelp:
            MessageTexts("Publish address, e.g. https://www.example.gov.cn/fzzfjs/ (overrides base_url; the preview uses its path).",
                         "发布地址，例如 https://www.example.gov.cn/fzzfjs/（代替 base_url；预览使用其中的路径）。")
        case .serveWriteHelp:
            MessageTexts("Also write every good build into public/ (or --output), rewriting only files whose bytes changed.",
                         "同时把每次成功的构建写入 public/（或 --output），只重写内容有变化的文件。")
        case .serveOutputHelp:
            MessageTexts("Output folder for --write (default: public/ in the site folder).", "--write 的输出文件夹（默认：网站文件夹中的 public/）。")
        case .verifyAbstract:
            MessageTexts("Compare a deployed copy of the site with the build's manifest; list changed, missing and extra files, folders and links.",
                         "把部署的网站副本与构建清单比对；列出被改动、缺少和多出的文件、文件夹和链接。")
        case .verifyDiscussion:
            MessageTexts("Give the manifest kept on the build side (--manifest public/manifest.json) or the site digest the build printed (--digest). The deployed copy's own manifest.json is never trusted: it is compared with the build's byte for byte.",
                         "请给出构建端保存的清单（--manifest public/manifest.json）或构建时的网站摘要（--digest）。部署副本自带的 manifest.json 从不被信任：它会与构建端的清单逐字节比对。")
        case .verifyDirectoryHelp: MessageTexts("The deployed folder to verify.", "要核对的部署文件夹。")
        case .verifyManifestHelp:
            MessageTexts("The build's manifest to compare with (default: public/manifest.json of the site folder).",
                         "用来比对的构建清单（默认：网站文件夹的 public/manifest.json）。")
        case .verifyDigestHelp:
            MessageTexts("The site digest the build printed (SHA-256, 64 hex digits): the deployed manifest.json must have it.",
                         "构建时的网站摘要（SHA-256，64 位十六进制）：部署的 manifest.json 必须与之相符。")
        case .verifyBoth: MessageTexts("give --manifest or --digest, not both", "请给出 --manifest 或 --digest，不要两个都给")
        case .verifyDigestInvalid: MessageTexts("--digest must be the 64 hex digits of a SHA-256", "--digest 必须是 SHA-256 的 64 位十六进制数")
        case .verifyOwnManifest:
            MessageTexts("this compares the folder with its own manifest, which shows only that the two agree; to verify a deployed copy, give the manifest kept on the build side (--manifest) or the digest the build printed (--digest)",
                         "这是把文件夹与它自带的清单比对，只能说明两者一致；要核对部署副本，请给出构建端保存的清单（--manifest）或构建时的摘要（--digest）")
        case .verifyMatches:
            MessageTexts("{directory}: all {count} files match the build's manifest, and nothing else is there (site digest {digest}, recomputed from the files)",
                         "{directory}：全部 {count} 个文件与构建清单一致，没有多余内容（网站摘要 {digest}，由文件重新计算）")
        case .verifyDiffers:
            MessageTexts("{directory}: does not match the build: {parts} (site digest recomputed from the files: {digest}; the build's: {expected})",
                         "{directory}：与构建不一致：{parts}（由文件重新计算的网站摘要：{digest}；构建的：{expected}）")
        case .verifyChanged: MessageTexts("{count} changed", "改动 {count} 个")
        case .verifyMissing: MessageTexts("{count} missing", "缺少 {count} 个")
        case .verifyExtra: MessageTexts("{count} extra", "多出 {count} 个")
        case .verifyExtraFolders: MessageTexts("{count} extra folders", "多出 {count} 个文件夹")
        case .verifySymlinks: MessageTexts("{count} symbolic links", "{count} 个符号链接")
        case .verifySpecial: MessageTexts("{count} not plain files", "{count} 个不是普通文件")
        case .verifyManifestNotBuilds: MessageTexts("manifest.json not the build's", "manifest.json 不是构建生成的")
        }
    }
}

extension CLIText {
    /// The text in the user's language, placeholders filled in.
    func text(_ arguments: KeyValuePairs<String, any Sendable> = [:]) -> String { self(arguments).text(userLanguage) }

    /// The text as ArgumentParser help, in the user's language.
    var help: ArgumentHelp { ArgumentHelp(text()) }
}
