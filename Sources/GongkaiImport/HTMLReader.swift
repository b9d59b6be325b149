import GongkaiCore

/// Reads a saved portal page with libxml2's HTML parser (in the encoding its `<meta charset>` names: UTF-8, GB2312,
/// GBK, GB18030) and finds the article: the element holding the most text outside links, scripts, navigation and
/// footers. Returns its paragraphs and tables, the 信息公开 metadata table wherever it stands on the page (as lines
/// ``MetadataTable`` reads), and the page's title.
struct HTMLReader {
    /// Elements never read.
    static let skipped: Set<String> = ["script", "style", "noscript", "head", "iframe", "select", "option", "button", "input",
                                       "textarea", "nav", "header", "footer", "aside", "object", "embed", "svg", "map", "template"]
    /// Elements that end a line.
    static let blocks: Set<String> = ["p", "div", "section", "article", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
                                      "tr", "table", "tbody", "thead", "center", "blockquote", "dd", "dt", "dl", "form", "main", "pre", "br", "hr"]

    /// The page's blocks and its encoding; `outside`: the lines of the page around the article (navigation, breadcrumbs, tool bars, footer), left out.
    func read(_ bytes: [UInt8], path: String) throws(DiagnosticError)
        -> (blocks: [DocumentBlock], encoding: SourceEncoding, title: String?, outside: [String]) {
        let here = SourceLocation(path: path, line: 1, column: 1)
        let charset = Self.charset(bytes)
        let encoding: SourceEncoding = charset == "GB18030" ? .gb18030 : .utf8
        guard let document = LibXMLDocument.html(bytes, encoding: charset), let root = document.root else {
            throw DiagnosticError([.error(ImportText.htmlUnreadable.message, at: here)])
        }
        let body = root.descendants(named: "body").first ?? root

        var out: [DocumentBlock] = []
        // The metadata table, wherever it is: the smallest table, list or div holding 索引号 and another label.
        var metadataNodes: Set<xmlNodeID> = []
        if let table = Self.metadataElement(in: body) {
            metadataNodes.insert(xmlNodeID(table))
            for row in Self.rows(of: table) { out.append(.paragraph(text: row, markdown: nil, headingLevel: nil)) }
        }

        guard let article = Self.article(in: body, excluding: metadataNodes) else {
            throw DiagnosticError([.error(ImportText.htmlNoArticle.message, at: here)])
        }
        var title = root.descendants(named: "h1").map { Self.flat($0.text) }.first { !$0.isEmpty && $0.count <= 80 }
        if title == nil, let t = root.descendants(named: "title").first.map({ Self.flat($0.text) }), !t.isEmpty {
            title = t.components(separatedBy: TitleSeparators.characters).first?.trimmedSource
        }
        var writer = BlockWriter(skip: metadataNodes)
        writer.walk(article)
        writer.endLine()
        out += writer.blocks
        // What the page shows around the article, for --dry-run.
        var around = BlockWriter(skip: metadataNodes.union([xmlNodeID(article)]))
        around.walk(body)
        around.endLine()
        let outside = around.blocks.compactMap { block -> String? in if case .paragraph(let t, _, _) = block { return t } else { return nil } }
        if !out.contains(where: { if case .paragraph(let t, _, _) = $0 { return !t.isEmpty } else { return true } }) {
            throw DiagnosticError([.error(ImportText.htmlNoArticle.message, at: here)])
        }
        withExtendedLifetime(document) {}
        return (out, encoding, title, outside)
    }

    /// The element holding the article: most text outside links, per element counted where its paragraphs are.
    static func article(in body: XMLNodeRef, excluding: Set<xmlNodeID>) -> XMLNodeRef? {
        var scores: [xmlNodeID: (node: XMLNodeRef, score: Double)] = [:]
        func add(_ node: XMLNodeRef, _ amount: Double) {
            let id = xmlNodeID(node)
            scores[id] = (node, (scores[id]?.score ?? 0) + amount)
        }
        func hint(_ node: XMLNodeRef) -> Double {
            let s = ((node.attribute("class") ?? "") + " " + (node.attribute("id") ?? "")).lowercased()
            for bad in ["nav", "menu", "footer", "foot", "header", "breadcrumb", "crumb", "share", "tool", "link", "banner", "sidebar", "copyright", "related"]
                where s.contains(bad) { return 0.2 }
            return 1
        }
        // (text length, link text length) below each node.
        func walk(_ node: XMLNodeRef, parents: [XMLNodeRef], inLink: Bool) -> (Int, Int) {
            var total = 0, links = 0
            for child in node.children {
                if child.isText {
                    let n = child.content.trimmedSource.count
                    total += n
                    if inLink { links += n }
                    // Text counts for the nearest block element holding it and, less, for its parent.
                    if n > 0, !inLink {
                        if let block = ([node] + parents.reversed()).first(where: { blocks.contains($0.name) || $0.name == "td" }) {
                            add(block, Double(n))
                            if let i = parents.lastIndex(where: { xmlNodeID($0) == xmlNodeID(block) }), i > 0 { add(parents[i - 1], Double(n) / 2) }
                            else if xmlNodeID(block) == xmlNodeID(node), let p = parents.last { add(p, Double(n) / 2) }
                        }
                    }
                } else if child.isElement, !skipped.contains(child.name), !excluding.contains(xmlNodeID(child)) {
                    let (t, l) = walk(child, parents: parents + [node], inLink: inLink || child.name == "a")
                    total += t
                    links += l
                }
            }
            let id = xmlNodeID(node)
            if let entry = scores[id], total > 0 {
                scores[id] = (entry.node, entry.score * (1 - Double(links) / Double(total)) * hint(node))
            }
            return (total, links)
        }
        _ = walk(body, parents: [], inLink: false)
        return scores.values.max { $0.score < $1.score }?.node
    }

    /// The smallest `table`, `ul`, `dl` or `div` whose text holds 索引号 and one more label of ``MetadataTable``.
    static func metadataElement(in body: XMLNodeRef) -> XMLNodeRef? {
        func holds(_ n: XMLNodeRef) -> Bool {
            let t = n.text
            return t.contains("索引号") && MetadataTable.labels.contains { $0.label != "索引号" && t.contains($0.label) }
        }
        var best: XMLNodeRef?
        func walk(_ n: XMLNodeRef) {
            for c in n.elements where !skipped.contains(c.name) {
                if ["table", "ul", "dl", "div", "tbody"].contains(c.name), holds(c) { best = c }
                if holds(c) { walk(c) }
            }
        }
        walk(body)
        return best
    }

    /// The rows of a metadata element as lines: a table's rows, a list's items, or the element's lines; within a
    /// row, each cell or leaf element apart (`索引号` `1141…` → `索引号 1141…`).
    static func rows(of element: XMLNodeRef) -> [String] {
        var rows: [XMLNodeRef] = element.descendants(named: "tr")
        if rows.isEmpty { rows = element.descendants(named: "li") + element.descendants(named: "dd") }
        if rows.isEmpty { rows = element.elements }
        if rows.isEmpty { rows = [element] }
        func pieces(_ n: XMLNodeRef) -> [String] {
            var out: [String] = []
            for c in n.children {
                if c.isText { out.append(flat(c.content)) } else if c.isElement, !skipped.contains(c.name) { out += pieces(c) }
            }
            return out
        }
        return rows.map { pieces($0).filter { !$0.isEmpty }.joined(separator: " ") }.filter { !$0.isEmpty }
    }

    /// White space runs (also full-width and non-breaking) made one ASCII space, ends trimmed.
    static func flat(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ").trimmedSource
    }

    /// The iconv name of the charset the page declares in its first 4 KB (`<meta charset=…>` or the
    /// `http-equiv` content type), nil when none; GB2312 and GBK are read as GB18030, their superset.
    static func charset(_ bytes: [UInt8]) -> String? {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return "UTF-8" }
        let head = String(decoding: bytes.prefix(4096).map { $0 < 0x80 ? $0 : 0x20 }, as: UTF8.self).lowercased()
        guard let r = head.range(of: "charset=") else { return nil }
        let value = head[r.upperBound...].drop { $0 == "\"" || $0 == "'" || $0 == " " }
            .prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
        switch value {
        case "gb2312", "gbk", "gb18030", "x-gbk", "cp936", "euc-cn": return "GB18030"
        case "utf-8", "utf8": return "UTF-8"
        case "": return nil
        default: return String(value).uppercased()
        }
    }
}
