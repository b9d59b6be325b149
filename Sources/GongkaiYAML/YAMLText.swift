import GongkaiCore

/// The messages about the YAML and text files gongkai reads (site.yaml, report.yaml, front matter, indicators.yaml):
/// libyaml's problems, the usual slips with their fix, misspelt keys, dates, files not saved as UTF-8.
public enum YAMLText: String, MessageCatalogue {
    /// libyaml's own problem text, as the `problem` argument (no slip was recognised).
    case invalidYAML
    /// libyaml's problem with the place where the construct it was reading starts.
    case invalidYAMLWithContext
    case duplicateKey
    case aliasRefused
    case fullWidthColon
    case fullWidthPunctuation
    case ideographicSpaceIndent
    case ideographicSpaceAfterColon
    case tabIndent
    case missingSpaceAfterColon
    case unclosedQuote
    case fullWidthClosingQuote
    case frontMatterNotClosed
    case frontMatterNotOpened
    case notUTF8
    case notUTF8ButGB18030
    case unknownKey
    case unknownKeyDidYouMean
    case unknownKeyFullWidth
    case missingField
    case emptyField
    case fieldNotText
    case fieldNotWholeNumber
    case fieldNotBoolean
    case fieldNotTextList
    case fieldListIsMapping
    case dateImpossible
    case dateFormat
    case frontMatterNotMapping
    case siteConfigNotMapping

    public static let catalogueName = "yaml"

    public var texts: MessageTexts {
        switch self {
        case .invalidYAML:
            MessageTexts("invalid YAML: {problem}", "YAML 格式有误：{problem}")
        case .invalidYAMLWithContext:
            MessageTexts("invalid YAML: {problem} {context} that starts at line {line}, column {column}",
                         "YAML 格式有误：{problem}（{context}，从第 {line} 行第 {column} 列开始）")
        case .duplicateKey:
            MessageTexts("invalid YAML: duplicate key {keys}", "YAML 中的键 {keys} 写了不止一次：每个键只能写一次，请删去多余的")
        case .aliasRefused:
            MessageTexts("YAML aliases (`*name`) are not allowed: write the value out in full where it is needed",
                         "不允许使用 YAML 别名（`*名称`）：请在用到的地方把值完整写出来")
        case .fullWidthColon:
            MessageTexts("full-width colon `：` after `{key}`: YAML needs the ASCII colon `:` and a space, `{key}: …`",
                         "`{key}` 后面是全角冒号“：”：请改为英文冒号 `:`，后面加一个空格，写成 `{key}: …`")
        case .fullWidthPunctuation:
            MessageTexts("full-width `{found}` where YAML needs the ASCII `{ascii}`: change it to `{ascii}`",
                         "这里的全角“{found}”在 YAML 里应为英文的 `{ascii}`：请改为 `{ascii}`")
        case .ideographicSpaceIndent:
            MessageTexts("full-width space (U+3000) before `{key}`: indent with ordinary spaces only",
                         "`{key}` 前面有全角空格：缩进只能用半角空格，请删掉全角空格后用半角空格对齐")
        case .ideographicSpaceAfterColon:
            MessageTexts("a full-width space (U+3000) after `{key}:`: YAML needs an ordinary space there",
                         "`{key}:` 后面是全角空格：请改为半角空格")
        case .tabIndent:
            MessageTexts("a Tab is used for indentation, and YAML allows only spaces: replace the Tab with spaces",
                         "缩进用了 Tab 键，YAML 只允许空格缩进：请把 Tab 换成空格")
        case .missingSpaceAfterColon:
            MessageTexts("no space after the colon of `{key}:`: YAML reads `{key}:{value}` as one text; write `{key}: {value}`",
                         "`{key}:` 的冒号后面缺少空格，YAML 会把 `{key}:{value}` 当成一整段文字：请写成 `{key}: {value}`")
        case .unclosedQuote:
            MessageTexts("the quote {quote} opened here is never closed: add the closing {quote} at the end of the value",
                         "这里开始的引号 {quote} 没有结束的引号：请在值的末尾补上 {quote}")
        case .fullWidthClosingQuote:
            MessageTexts("the quote {quote} opened here is closed with the full-width `{found}`: close it with the ASCII {quote}",
                         "这里开始的引号 {quote} 用了全角的“{found}”来结束：请改为英文引号 {quote}")
        case .frontMatterNotClosed:
            MessageTexts("front matter is not closed: add a line `---` after its last `key: value` line (line {last})",
                         "开头的 `---` 没有配对：请在最后一行 `键: 值`（第 {last} 行）后面加一行 `---`")
        case .frontMatterNotOpened:
            MessageTexts("front matter has no opening `---`: add a line `---` before line 1 (the `---` on line {close} closes it)",
                         "文件开头缺少 `---`：请在第 1 行前面加一行 `---`（第 {close} 行的 `---` 是它的结束行）")
        case .notUTF8:
            MessageTexts("file is not valid UTF-8 (byte offset {offset}); save it as UTF-8, or import it with `gongkai import`, which also reads GB18030",
                         "文件不是有效的 UTF-8 编码（字节偏移 {offset}）：请另存为 UTF-8 编码，或用 `gongkai import` 导入（它也能读 GB18030）")
        case .notUTF8ButGB18030:
            MessageTexts("file is not valid UTF-8 (byte offset {offset}): it was saved as GBK/GB18030 ({file}); save it as UTF-8 (Notepad or WPS: Save As, Encoding: UTF-8)",
                         "文件不是 UTF-8 编码（字节偏移 {offset}），看来是按 GBK/GB18030 保存的（{file}）：请另存为 UTF-8 编码（记事本或 WPS：“另存为”，编码选 UTF-8）")
        case .unknownKey:
            MessageTexts("unknown key `{key}` (known: {known})", "未知的键 `{key}`（可用的键：{known}）")
        case .unknownKeyDidYouMean:
            MessageTexts("unknown key `{key}`; did you mean `{suggestion}`?", "未知的键 `{key}`，是不是要写 `{suggestion}`？")
        case .unknownKeyFullWidth:
            MessageTexts("unknown key `{key}`: it contains the full-width `{found}`; write the key in ASCII, `{suggestion}`",
                         "未知的键 `{key}`：其中有全角字符“{found}”，键名只能用英文字符，请写成 `{suggestion}`")
        case .missingField:
            MessageTexts("missing required field `{key}`", "缺少必填的键 `{key}`")
        case .emptyField:
            MessageTexts("field `{key}` is empty", "`{key}` 的值是空的")
        case .fieldNotText:
            MessageTexts("field `{key}` must be text, found {_kind}", "`{key}` 的值应为一段文字，这里是{_kindZh}")
        case .fieldNotWholeNumber:
            MessageTexts("field `{key}` must be a whole number, found `{text}`", "`{key}` 的值应为整数，这里是 `{text}`")
        case .fieldNotBoolean:
            MessageTexts("field `{key}` must be true or false, found `{text}`", "`{key}` 的值应为 true 或 false，这里是 `{text}`")
        case .fieldNotTextList:
            MessageTexts("field `{key}` must be a list of text values", "`{key}` 应为文字的列表")
        case .fieldListIsMapping:
            MessageTexts("field `{key}` must be a list, found a mapping", "`{key}` 应为列表（每项以 `- ` 开头），这里是 `键: 值` 的映射")
        case .dateImpossible:
            MessageTexts("field `{key}` is not a real date ({year}年{month}月 has {days} days): `{text}`",
                         "`{key}` 不是真实的日期（{year}年{month}月只有 {days} 天）：`{text}`")
        case .dateFormat:
            MessageTexts("field `{key}` must be a date written YYYY-MM-DD or YYYY年M月D日, found `{text}`",
                         "`{key}` 应为日期，写成 `2025-04-22` 或 `2025年4月22日`，这里是 `{text}`")
        case .frontMatterNotMapping:
            MessageTexts("front matter must be a mapping of `key: value` lines, found {_kind}",
                         "开头 `---` 之间应为 `键: 值` 的行，这里是{_kindZh}")
        case .siteConfigNotMapping:
            MessageTexts("site configuration must be a mapping of `key: value` lines", "站点配置应由 `键: 值` 的行组成")
        }
    }
}
