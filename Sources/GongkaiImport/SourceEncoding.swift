/// The character encoding the importer detected in a source file.
public enum SourceEncoding: String, Sendable, Hashable, CustomStringConvertible {
    /// UTF-8 without byte-order mark.
    case utf8 = "UTF-8"
    /// UTF-8 with a byte-order mark (EF BB BF).
    case utf8BOM = "UTF-8 with BOM"
    /// UTF-16 little-endian with BOM (FF FE).
    case utf16LE = "UTF-16LE with BOM"
    /// UTF-16 big-endian with BOM (FE FF).
    case utf16BE = "UTF-16BE with BOM"
    /// GB18030 (a superset of GBK and GB2312).
    case gb18030 = "GB18030"

    public var description: String { rawValue }
}
