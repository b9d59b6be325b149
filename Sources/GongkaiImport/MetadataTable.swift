import Foundation

/// The 信息公开 metadata table of a portal page (索引号, 发文机关, 标题, 发文字号, 发布日期 …), in the text as
/// copied or extracted: a label and its value on one line (`索引号：1141…`, several pairs a line, separated by
/// tabs or spaces) or the value on the next line. ``read(from:)`` takes the values and empties those lines.
public struct MetadataTable: Sendable, Hashable {
    /// Label → report.yaml key, longest labels first so that 发文机关 wins over 机关.
    /// Creates an empty table.
    public init() {}

    static let labels: [(label: String, key: String)] = [
        ("索引号", "index_number"), ("发文机关", "publisher"), ("发布机构", "publisher"), ("发布机关", "publisher"),
        ("发文单位", "publisher"), ("信息来源", "publisher"), ("发文字号", "document_number"), ("文号", "document_number"),
        ("成文日期", "written"), ("发布日期", "published"), ("发文日期", "published"), ("发布时间", "published"),
        ("主题分类", "category"), ("主题词", ""), ("组配分类", ""), ("体裁分类", ""), ("服务对象", ""), ("有效性", "validity"),
        ("标题", "title"), ("名称", "title"),
    ].sorted { $0.0.count > $1.0.count }

    /// Values found, by report.yaml key.
    public var values: [String: String] = [:]

    /// Reads the table from `source`, emptying its lines and listing them in `source.dropped`. Found only when at
    /// least two labels are there (one `标题：` alone may be a sentence of the text).
    static func read(from source: inout DecodedSource) -> MetadataTable {
        var table = MetadataTable()
        var used: [(line: Int, text: String, label: String)] = []
        var i = 0
        let lines = source.lines
        while i < lines.count {
            let line = lines[i].trimmedSource
            guard !line.isEmpty, line.count <= 200, source.hints[i + 1]?.isBlock != true else { i += 1; continue }
            let pairs = Self.pairs(in: line)
            guard !pairs.isEmpty else { i += 1; continue }
            var consumed = 1
            for (label, key, value) in pairs {
                var v = value
                if v.isEmpty, pairs.count == 1 {
                    // The value on the next non-empty line, when that line is no label itself.
                    var j = i + 1
                    while j < lines.count, lines[j].trimmedSource.isEmpty { j += 1 }
                    if j < lines.count, Self.pairs(in: lines[j].trimmedSource).isEmpty, lines[j].trimmedSource.count <= 80 {
                        v = lines[j].trimmedSource
                        consumed = j - i + 1
                    }
                }
                if !key.isEmpty, !v.isEmpty, table.values[key] == nil {
                    table.values[key] = key == "published" || key == "written" ? (Self.date(v) ?? v) : v
                }
                used.append((i + 1, line, label))
            }
            if consumed > 1 { used.append((i + consumed, lines[i + consumed - 1].trimmedSource, "value")) }
            i += consumed
        }
        let labelsSeen = Set(used.map(\.label)).subtracting(["value"])
        guard labelsSeen.count >= 2 else { return MetadataTable() }
        for (line, text, label) in used where !source.lines[line - 1].isEmpty {
            source.dropped.append(DroppedLine(line: line, text: text, reason: label == "value" ? "metadata value" : "metadata \(label)"))
            source.lines[line - 1] = ""
        }
        // A table line's cells (a real table of an HTML page) are dropped whole with it.
        for (line, _, _) in used { source.hints[line] = nil }
        return table
    }

    /// The label/value pairs of a line that starts with a label (`索引号：11411681/2025-00012 发文机关：项城市人民政府`).
    static func pairs(in line: String) -> [(label: String, key: String, value: String)] {
        var starts: [(index: String.Index, label: String, key: String, end: String.Index)] = []
        var search = line.startIndex
        while search < line.endIndex {
            var matched = false
            for (label, key) in labels where line[search...].hasPrefix(label) {
                var end = line.index(search, offsetBy: label.count)
                // A label ends at a colon, white space, or the end; 标题 inside a word is no label.
                while end < line.endIndex, line[end] == " " || line[end] == "\t" || line[end] == "　" { end = line.index(after: end) }
                if end < line.endIndex, line[end] == ":" || line[end] == "：" {
                    end = line.index(after: end)
                } else if end < line.endIndex, end == line.index(search, offsetBy: label.count) {
                    break
                }
                let atBoundary = search == line.startIndex || line[line.index(before: search)].isWhitespace
                guard atBoundary else { break }
                starts.append((search, label, key, end))
                search = end
                matched = true
                break
            }
            if !matched { search = line.index(after: search) }
        }
        guard let first = starts.first, first.index == line.startIndex else { return [] }
        var out: [(String, String, String)] = []
        for (k, s) in starts.enumerated() {
            let valueEnd = k + 1 < starts.count ? starts[k + 1].index : line.endIndex
            out.append((s.label, s.key, String(line[s.end..<valueEnd]).trimmedSource))
        }
        return out
    }

    /// `2021-03-29`, `2021/03/29 11:30:01`, `2021年3月29日` → `2021-03-29`.
    static func date(_ text: String) -> String? {
        if let d = ChineseDate.parse(text) { return d }
        let parts = text.split(whereSeparator: { !$0.isASCII || !$0.isNumber }).prefix(3).compactMap { Int($0) }
        guard parts.count == 3, (1900...2999).contains(parts[0]), (1...12).contains(parts[1]), (1...31).contains(parts[2]) else { return nil }
        return String(format: "%04d-%02d-%02d", parts[0], parts[1], parts[2])
    }
}
