/// The lines a portal page puts around an article, as they arrive when the page is saved or its text copied: the
/// date bar (今天是…星期三 农历…), breadcrumbs (您所在的位置: 政务公开 > 工作报告), the source and time line
/// (文章来源: 司法局 更新时间: …), tool bars (字号 【大】【中】【小】, 打印本页, 关闭窗口, 浏览次数), related links,
/// and the footer (网站标识码, ICP 备案, 公安备案, 主办单位, 版权所有). ``drop(from:)`` empties such lines (their
/// line numbers stay) and records them; a title line given twice keeps its first occurrence.
enum PageChrome {
    /// Words that make a short line chrome wherever they stand in it.
    static let markers = [
        "今天是", "农历", "您所在的位置", "您现在的位置", "当前位置", "所在位置", "文章来源", "信息来源", "来源：", "来源:",
        "更新时间", "发布时间：", "发布时间:", "浏览次数", "访问次数", "阅读次数", "点击数", "点击率", "字号", "【大】", "【中】", "【小】",
        "打印本页", "打印此页", "关闭窗口", "关闭本页", "【打印】", "【关闭】", "分享到", "扫一扫", "手机扫描", "网站标识码", "ICP备",
        "ICP证", "公网安备", "公安备案", "公安机关备案", "版权所有", "主办单位", "承办单位", "技术支持", "网站地图", "联系我们",
        "相关链接", "相关文章", "相关阅读", "上一篇", "下一篇", "返回顶部", "设为首页", "加入收藏",
    ]
    /// Lines that are chrome only when they are the whole line.
    static let wholeLines: Set<String> = ["打印", "关闭", "收藏", "分享", "首页", "返回", "【", "】", ">", "|", "网站首页", "简体", "繁体", "English",
                                               "无障碍", "适老化", "长者模式", "无障碍浏览", "智能问答"]

    /// A line longer than this is never chrome (an article's sentence may well mention 来源).
    static let maxLength = 80

    /// Whether `line` (trimmed) is page chrome.
    static func isChrome(_ line: String) -> Bool {
        guard !line.isEmpty, line.count <= maxLength else { return false }
        if wholeLines.contains(line) { return true }
        // A numbered heading of the report is never chrome ((五)推进信息无障碍建设).
        if HeadingMarker.match(line) != nil { return false }
        // A sentence of the report ends in 。; chrome does not.
        if line.hasSuffix("。") { return false }
        return markers.contains { line.contains($0) }
    }

    /// Empties the chrome lines of `source` and lists them in `source.dropped`.
    static func drop(from source: inout DecodedSource) {
        var seenShort: Set<String> = []
        var kept = 0
        for i in source.lines.indices {
            let line = source.lines[i].trimmedSource
            guard !line.isEmpty, source.hints[i + 1]?.isBlock != true else { continue }
            if isChrome(line) {
                source.dropped.append(DroppedLine(line: i + 1, text: line, reason: "chrome"))
                source.lines[i] = ""
                continue
            }
            // The title repeated (page heading and article heading): the second one goes.
            if kept < 8, line.count <= ReportParser.maxFrontLineLength, ReportParser.isTitleCandidate(line) {
                if seenShort.contains(line) {
                    source.dropped.append(DroppedLine(line: i + 1, text: line, reason: "repeated title"))
                    source.lines[i] = ""
                    continue
                }
                seenShort.insert(line)
            }
            kept += 1
        }
    }
}
