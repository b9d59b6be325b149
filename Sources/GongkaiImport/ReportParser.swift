import GongkaiCore

/// Finds the structure of a report in decoded text: title, 文号 and salutation lines, the opening paragraphs,
/// headings by their GB/T 9704 numbering (on their own line or as the first sentence of a paragraph), and the
/// closing (特此报告。, signature, date line). Joins lines broken inside a sentence; changes nothing else.
public struct ReportParser: Sendable {
    /// A heading longer than this (in characters) is taken for an ordinary paragraph that starts with a number.
    public static let maxHeadingLength = 60
    /// Title, salutation and signature lines are at most this long.
    static let maxFrontLineLength = 40
    /// Words a title ends with.
    static let titleEndings = ["报告", "情况", "总结", "要点", "计划", "安排", "汇报", "通报", "意见", "方案"]

    /// Creates a parser.
    public init() {}

    private typealias Line = ReportOutline.Text

    /// Parses `source`.
    public func parse(_ source: DecodedSource) -> ReportOutline {
        var outline = ReportOutline()
        let lines = source.lines.enumerated().map { item -> Line in
            var line = Line(item.element.trimmedSource, line: item.offset + 1)
            if let hint = source.hints[item.offset + 1] {
                line.markdown = hint.markdown
                line.headingLevel = hint.headingLevel
                line.isBlock = hint.isBlock
            }
            return line
        }
        let nonEmpty = lines.filter { !$0.text.isEmpty || $0.isBlock }

        // Front: title lines, 文号, salutation.
        var position = 0
        var titleRun: [Line] = []
        var front: [ReportOutline.FrontItem] = []
        scan: while position < nonEmpty.count, position < 6 {
            let line = nonEmpty[position]
            if HeadingMarker.match(line.text) != nil || line.headingLevel != nil || line.isBlock { break }
            if Self.isDocumentNumber(line.text) {
                front.append(.init(kind: .documentNumber, text: line))
            } else if Self.isSalutation(line.text) {
                front.append(.init(kind: .salutation, text: line))
                position += 1
                break scan
            } else if Self.isTitleCandidate(line.text), titleRun.count < 3 {
                titleRun.append(line)
                front.append(.init(kind: .title, text: line))
            } else {
                break
            }
            position += 1
        }
        // A run of short lines is a title only when it reads like one; otherwise it is body text.
        if !titleRun.isEmpty, !Self.titleEndings.contains(where: titleRun.map(\.text).joined().hasSuffix) {
            let firstTitle = front.firstIndex { $0.kind == .title } ?? front.count
            position = firstTitle == 0 ? 0 : nonEmpty.firstIndex(of: front[firstTitle].text) ?? 0
            front = Array(front[..<firstTitle])
        }
        outline.front = front
        let bodyStartLine = position < nonEmpty.count ? nonEmpty[position].line : lines.count + 1

        // Closing: 特此报告。, signature lines and the date line at the end.
        var closingStart = nonEmpty.count
        let tail = max(position, nonEmpty.count - 6)
        if let thus = (tail..<nonEmpty.count).last(where: { nonEmpty[$0].text.hasPrefix("特此") && nonEmpty[$0].text.count <= 15 }),
           nonEmpty[(thus + 1)...].allSatisfy({ !$0.isBlock && Self.isSignatureOrDate($0.text) }) {
            closingStart = thus
        } else if let last = nonEmpty.last, nonEmpty.count > position, ChineseDate.isDate(last.text) {
            closingStart = nonEmpty.count - 1
            while closingStart - 1 >= position, nonEmpty.count - closingStart < 3,
                  !nonEmpty[closingStart - 1].isBlock, nonEmpty[closingStart - 1].headingLevel == nil,
                  Self.isSignatureOrDate(nonEmpty[closingStart - 1].text),
                  HeadingMarker.match(nonEmpty[closingStart - 1].text) == nil {
                closingStart -= 1
            }
        }
        outline.closing = Array(nonEmpty[closingStart...])
        let bodyEndLine = closingStart < nonEmpty.count ? nonEmpty[closingStart].line : lines.count + 1

        // Body: paragraphs, joining lines broken inside a sentence.
        var paragraphs: [Line] = []
        var current: Line?
        var joined: [Int] = []
        var lastLineOfCurrent = 0
        for line in lines where line.line >= bodyStartLine && line.line < bodyEndLine {
            // A block, heading or formatted paragraph of a structured source stands alone.
            if line.isBlock || line.headingLevel != nil || line.markdown != nil {
                if let c = current { paragraphs.append(c); current = nil }
                paragraphs.append(line)
                continue
            }
            if line.text.isEmpty {
                if let c = current { paragraphs.append(c); current = nil }
                continue
            }
            if let c = current, Self.canJoin(c.text, line.text) {
                current = Line(c.text + line.text, line: c.line)
                joined.append(lastLineOfCurrent)
            } else {
                if let c = current { paragraphs.append(c) }
                current = line
            }
            lastLineOfCurrent = line.line
        }
        if let c = current { paragraphs.append(c) }
        outline.joinedLines = joined

        // Headings and the tree.
        var stack: [ReportOutline.Section] = []
        var top: [ReportOutline.Section] = []
        func closeSection() {
            guard let done = stack.popLast() else { return }
            if stack.isEmpty { top.append(done) } else { stack[stack.count - 1].children.append(done) }
        }
        for paragraph in paragraphs {
            guard let (heading, rest) = Self.heading(in: paragraph) else {
                if stack.isEmpty { outline.opening.append(paragraph) } else { stack[stack.count - 1].paragraphs.append(paragraph) }
                continue
            }
            if let marker = HeadingMarker.match(paragraph.text), !marker.hiddenPrefix.isEmpty {
                let codes = marker.hiddenPrefix.unicodeScalars.map { "U+" + String($0.value, radix: 16, uppercase: true) }
                outline.diagnostics.append(.warning(
                    ImportText.invisibleBeforeHeading(["codes": codes.joined(separator: " "),
                                                       "numbering": String(marker.numbering.unicodeScalars.dropFirst(marker.hiddenPrefix.unicodeScalars.count))]),
                    at: SourceLocation(path: source.path, line: paragraph.line, column: 1)))
            }
            while let last = stack.last, last.heading.level >= heading.level { closeSection() }
            stack.append(ReportOutline.Section(heading: heading, paragraphs: rest.map { [$0] } ?? [], children: []))
        }
        while !stack.isEmpty { closeSection() }
        outline.sections = top

        // Warnings.
        if top.isEmpty {
            outline.diagnostics.append(.warning(
                ImportText.noHeadings.message,
                at: SourceLocation(path: source.path, line: max(1, bodyStartLine), column: 1)))
        }
        checkNumbering(top, path: source.path, into: &outline.diagnostics)
        return outline
    }

    /// The heading a paragraph starts with, and the rest of the paragraph (nil when the heading stands alone).
    private static func heading(in paragraph: Line) -> (ReportOutline.Heading, Line?)? {
        if paragraph.isBlock { return nil }
        if let level = paragraph.headingLevel {
            // A heading by the document's structure: the whole paragraph, with its numbering if it has one.
            let numbering = HeadingMarker.match(paragraph.text)?.numbering ?? ""
            return (ReportOutline.Heading(level: level, numbering: numbering, title: paragraph.text, line: paragraph.line, runIn: false), nil)
        }
        guard let marker = HeadingMarker.match(paragraph.text) else { return nil }
        let text = paragraph.text
        let afterMarker = text.index(text.startIndex, offsetBy: marker.numbering.count)
        if let end = text[afterMarker...].firstIndex(where: { TextRules.headingEnd.contains($0) }) {
            var headEnd = text.index(after: end)
            // Keep closing quotes or brackets that belong to the heading's sentence.
            while headEnd < text.endIndex, TextRules.closers.contains(text[headEnd]) { headEnd = text.index(after: headEnd) }
            let head = String(text[..<headEnd])
            let rest = String(text[headEnd...]).trimmedSource
            guard head.count <= maxHeadingLength else { return nil }
            let h = ReportOutline.Heading(level: marker.level, numbering: marker.numbering, title: head,
                                          line: paragraph.line, runIn: !rest.isEmpty)
            guard !rest.isEmpty else { return (h, nil) }
            var restLine = Line(rest, line: paragraph.line)
            // Bold in the rest of a formatted paragraph stays when its Markdown starts with the heading as written.
            if let markdown = paragraph.markdown, markdown.hasPrefix(MarkdownEscaper.inline(head)) {
                let tail = String(markdown.dropFirst(MarkdownEscaper.inline(head).count)).trimmedSource
                if !tail.isEmpty, !tail.hasPrefix("-"), !tail.hasPrefix("+"), !tail.hasPrefix("="), tail.first?.isNumber != true { restLine.markdown = tail }
            }
            return (h, restLine)
        }
        guard text.count <= maxHeadingLength else { return nil }
        return (ReportOutline.Heading(level: marker.level, numbering: marker.numbering, title: text, line: paragraph.line, runIn: false), nil)
    }

    /// True when `next` continues the sentence `previous` was broken in.
    private static func canJoin(_ previous: String, _ next: String) -> Bool {
        if TextRules.endsSentence(previous) { return false }
        if isStandaloneHeading(previous) { return false }
        if HeadingMarker.match(next) != nil || ChineseDate.isDate(next) { return false }
        return true
    }

    /// A line that is a heading on its own: numbering, no sentence end, not too long.
    static func isStandaloneHeading(_ text: String) -> Bool {
        HeadingMarker.match(text) != nil && !text.contains(where: { TextRules.headingEnd.contains($0) })
            && text.count <= maxHeadingLength
    }

    static func isDocumentNumber(_ text: String) -> Bool {
        guard text.count <= 30, text.hasSuffix("号") else { return false }
        let openers: Set<Character> = ["〔", "[", "［", "(", "（", "【"]
        let closers: Set<Character> = ["〕", "]", "］", ")", "）", "】"]
        guard let o = text.firstIndex(where: openers.contains), let c = text.firstIndex(where: closers.contains), o < c else { return false }
        let year = text[text.index(after: o)..<c]
        return year.count == 4 && year.allSatisfy { HeadingMarker.asciiDigit($0) != nil }
    }

    static func isSalutation(_ text: String) -> Bool {
        guard let last = text.last, last == ":" || last == "：", text.count <= maxFrontLineLength, text.count >= 3 else { return false }
        return !text.contains(where: TextRules.sentencePunctuation.contains)
    }

    static func isTitleCandidate(_ text: String) -> Bool {
        text.count <= maxFrontLineLength && !text.contains(where: TextRules.sentencePunctuation.contains)
            && !text.contains(":") && !text.contains("：") && !ChineseDate.isDate(text)
    }

    static func isSignatureOrDate(_ text: String) -> Bool {
        ChineseDate.isDate(text) || (text.count <= 30 && !text.contains(where: TextRules.sentencePunctuation.contains))
    }

    /// Warns where sibling numbers do not follow each other (一、 then 三、).
    private func checkNumbering(_ sections: [ReportOutline.Section], path: String, into diagnostics: inout [Diagnostic]) {
        var previous: (level: Int, number: Int)?
        for section in sections {
            if let marker = HeadingMarker.match(section.heading.title) {
                if let p = previous, p.level == marker.level, marker.number != p.number + 1 {
                    diagnostics.append(.warning(ImportText.headingNumberSkips(["numbering": section.heading.numbering, "previous": p.number]),
                                                at: SourceLocation(path: path, line: section.heading.line, column: 1)))
                }
                previous = (marker.level, marker.number)
            }
            checkNumbering(section.children, path: path, into: &diagnostics)
        }
    }
}
