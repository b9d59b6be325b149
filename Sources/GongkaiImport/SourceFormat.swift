/// The kind of file an import reads, told from its first bytes (and, for HTML, the name).
public enum SourceFormat: String, Sendable, Hashable, CustomStringConvertible {
    /// Plain text.
    case text = "plain text"
    /// Office Open XML (.docx, also as WPS saves it).
    case docx = "Word (.docx)"
    /// A saved web page.
    case html = "web page (HTML)"
    /// A PDF.
    case pdf = "PDF"
    /// A binary Word or WPS file (.doc, .wps: OLE compound file).
    case binaryWord = "binary Word/WPS (.doc/.wps)"

    /// The format of `bytes` read from `path`.
    public static func detect(_ bytes: [UInt8], path: String) -> SourceFormat {
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return .docx }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return .binaryWord }
        if bytes.starts(with: Array("%PDF-".utf8)) { return .pdf }
        let lower = path.lowercased()
        if lower.hasSuffix(".html") || lower.hasSuffix(".htm") || lower.hasSuffix(".shtml") { return .html }
        // A page saved without its extension: it starts (after a BOM and white space) with <!DOCTYPE html or <html.
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while start < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[start]) { start += 1 }
        let head = String(decoding: bytes[start..<min(bytes.count, start + 15)], as: UTF8.self).lowercased()
        if head.hasPrefix("<!doctype html") || head.hasPrefix("<html") { return .html }
        return .text
    }

    public var description: String { rawValue }
}
