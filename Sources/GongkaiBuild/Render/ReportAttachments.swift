import Crypto
import GongkaiCore

/// A report's 附件: every file placed in its folder that is not a page and that no page shows or links to (the signed
/// original as PDF or OFD, the Word file, a spreadsheet, an image no page uses), listed on the report page with its
/// name, type, size and SHA-256. The files themselves are copied like every report file (and are in the manifest).
struct ReportAttachments: Sendable {
    /// One attachment.
    struct Attachment: Sendable, Hashable {
        /// Output path (`xiangcheng-2024/原件.pdf`).
        var path: String
        /// The file name.
        var name: String
        /// What kind of file it is, in words (`PDF 文档`).
        var type: String
        /// Its size in bytes.
        var size: Int
        /// SHA-256 of its bytes, hex.
        var sha256: String

        /// `856 KB`, `1.2 MB`, `120 字节`.
        var sizeText: String {
            if size < 1024 { return "\(size) 字节" }
            if size < 1024 * 1024 { return "\((size + 512) / 1024) KB" }
            let tenths = (size * 10 + 512 * 1024) / (1024 * 1024)
            return "\(tenths / 10).\(tenths % 10) MB"
        }
    }

    /// Attachments by report id, each report's in output-path order.
    let byReport: [String: [Attachment]]

    /// The attachments of the reports of `model` whose bodies left `facts` (by report id): the links in them tell
    /// which files a page uses.
    init(model: SiteModel, facts: [String: ReportFacts]) {
        var out: [String: [Attachment]] = [:]
        // The reports `facts` has (one window's): looked up by id, not a pass over every report for each window.
        for position in facts.keys.compactMap({ model.reportIndex[$0] }).sorted() {
            let report = model.reports[position]
            guard let known = facts[report.metadata.id] else { continue }
            let files = (model.staticFilesByReport[report.metadata.id] ?? []).map { model.staticFiles[$0] }
            guard !files.isEmpty else { continue }
            var used = Set<String>()
            var bodies = report.topics.enumerated().map { t, topic in (known.topics[t].links, topic.source.body.path, topic.urlPath) }
            if let opening = known.opening { bodies.append((opening.links, report.openingSource?.path ?? "", report.urlPath)) }
            for (links, source, page) in bodies {
                for link in links {
                    if let (target, _) = model.contentLinks.target(of: link.destination, from: source, page: page) { used.insert(target) }
                }
            }
            let list = files.filter { !used.contains($0.outputPath) }.sorted { $0.outputPath < $1.outputPath }.map { file in
                let name = String(file.outputPath.split(separator: "/").last ?? Substring(file.outputPath))
                return Attachment(path: file.outputPath, name: name, type: Self.type(of: name), size: file.bytes.count, sha256: Self.hex(file.bytes))
            }
            if !list.isEmpty { out[report.metadata.id] = list }
        }
        byReport = out
    }

    /// SHA-256 of `bytes`, lowercase hex.
    static func hex(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// The kind of file, from its extension.
    static func type(of name: String) -> String {
        let ext = name.split(separator: ".").last.map { $0.lowercased() } ?? ""
        switch ext {
        case "pdf": return "PDF 文档"
        case "ofd": return "OFD 版式文档"
        case "doc", "docx", "wps": return "Word 文档"
        case "xls", "xlsx", "et": return "Excel 表格"
        case "csv": return "CSV 表格"
        case "zip", "rar", "7z": return "压缩文件"
        case "png", "jpg", "jpeg", "gif", "webp", "svg": return "图片（\(ext.uppercased())）"
        case "txt": return "文本文件"
        default: return ext.isEmpty ? "文件" : ext.uppercased() + " 文件"
        }
    }
}
