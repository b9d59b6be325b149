import CCmarkGFM
import GongkaiCore
import Foundation

/// Renders GitHub-flavoured Markdown with cmark-gfm. The only type in the project that touches `cmark_*` pointers:
/// every node, parser and string cmark allocates is freed before a call returns.
///
/// Safe for concurrent use: extension registration happens once, and the one call that writes cmark's
/// process-global inline tables (`cmark_parser_finish`, upstream cmark-gfm PR #176) is serialized.
public struct MarkdownRenderer: Sendable {
    /// The GFM extensions attached to every parser, in this order.
    public static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

    /// The options this renderer uses.
    public let options: MarkdownOptions

    /// Creates a renderer with the given options.
    public init(options: MarkdownOptions = MarkdownOptions()) {
        _ = Self.registration
        self.options = options
    }

    /// Renders `markdown` to an HTML fragment with heading ids, collecting headings and links.
    public func render(_ markdown: String) -> RenderedMarkdown {
        var contiguous = markdown
        return contiguous.withUTF8 { render(utf8: $0, text: markdown) }
    }

    /// Renders Markdown given as UTF-8 bytes (`render(_:)` of their text), without making a string of them: cmark
    /// reads bytes. Invalid UTF-8 never reaches the HTML as it is (the HTML is read back repairing it), but the
    /// caller checks its bytes: they should be what a `String` holds.
    public func render(utf8 bytes: UnsafeBufferPointer<UInt8>) -> RenderedMarkdown {
        render(utf8: bytes, text: nil)
    }

    /// `text` is the bytes' text when the caller has it (links' columns are counted in it; made from the bytes
    /// only when there are links).
    private func render(utf8 bytes: UnsafeBufferPointer<UInt8>, text: String?) -> RenderedMarkdown {
        var cmarkOptions = CMARK_OPT_DEFAULT
        if options.allowRawHTML { cmarkOptions |= CMARK_OPT_UNSAFE }
        if options.footnotes { cmarkOptions |= CMARK_OPT_FOOTNOTES }

        guard let parser = cmark_parser_new(cmarkOptions) else {
            return RenderedMarkdown(html: "", headings: [], links: [])
        }
        defer { cmark_parser_free(parser) }
        for name in Self.extensionNames {
            if let ext = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, ext)
            }
        }
        if let base = bytes.baseAddress, !bytes.isEmpty {
            base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { cmark_parser_feed(parser, $0, bytes.count) }
        }
        let document: OpaquePointer? = Self.finishLock.withLock { cmark_parser_finish(parser) }
        guard let document else { return RenderedMarkdown(html: "", headings: [], links: []) }
        defer { cmark_node_free(document) }

        let extensions = cmark_parser_get_syntax_extensions(parser)
        var (headings, links) = decorate(document: document, cmarkOptions: cmarkOptions, extensions: extensions)
        // cmark counts columns in bytes; diagnostics count characters.
        if !links.isEmpty {
            let markdown = text ?? String(decoding: bytes, as: UTF8.self)
            let columns = TextPosition.characterColumns(in: markdown, positions: links.map { ($0.line, $0.column) })
            for i in links.indices { links[i].column = columns[i] }
        }
        let html = Self.takeString(cmark_render_html(document, cmarkOptions, extensions))
        return RenderedMarkdown(html: html, headings: headings, links: links)
    }

    /// Walks the tree once: collects links, then replaces every heading by a custom block carrying its id.
    private func decorate(document: OpaquePointer, cmarkOptions: Int32, extensions: UnsafeMutablePointer<cmark_llist>?)
        -> ([RenderedMarkdown.Heading], [RenderedMarkdown.Link])
    {
        var headingNodes: [OpaquePointer] = []
        var links: [RenderedMarkdown.Link] = []
        guard let iter = cmark_iter_new(document) else { return ([], []) }
        while true {
            let event = cmark_iter_next(iter)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iter) else { continue }
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_HEADING {
                headingNodes.append(node)
            } else if type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE {
                let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                let isImage = type == CMARK_NODE_IMAGE
                links.append(.init(destination: url, isImage: isImage,
                                   text: isImage ? Self.plainText(of: node) : "",
                                   line: Int(cmark_node_get_start_line(node)),
                                   column: Int(cmark_node_get_start_column(node))))
            }
        }
        cmark_iter_free(iter)

        // Mutate only after the iterator is gone.
        var ids = HeadingIDGenerator()
        var headings: [RenderedMarkdown.Heading] = []
        for node in headingNodes {
            let level = min(6, max(1, Int(cmark_node_get_heading_level(node)) + options.headingLevelOffset))
            let text = Self.plainText(of: node)
            let id = ids.next(for: text)
            headings.append(.init(level: level, text: text, id: id, line: Int(cmark_node_get_start_line(node))))
            let inner = Self.renderInline(children: node, cmarkOptions: cmarkOptions, extensions: extensions)
            let idAttribute = options.headingIDs ? " id=\"\(Self.escapeAttribute(id))\"" : ""
            let markup = "<h\(level)\(idAttribute)>\(inner)</h\(level)>"
            guard let custom = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { continue }
            _ = markup.withCString { cmark_node_set_on_enter(custom, $0) }
            _ = "".withCString { cmark_node_set_on_exit(custom, $0) }
            cmark_node_insert_before(node, custom)
            cmark_node_free(node)
        }
        return (headings, links)
    }

    /// Renders the inline children of a heading: the heading is rendered alone and its tags cut off.
    private static func renderInline(children node: OpaquePointer, cmarkOptions: Int32, extensions: UnsafeMutablePointer<cmark_llist>?) -> String {
        let html = takeString(cmark_render_html(node, cmarkOptions, extensions))
        // cmark prints "<hN>" … "</hN>\n"; keep what is between.
        // Byte searches: Foundation's `range(of:)` converts the string on every call.
        let utf8 = html.utf8
        guard let open = utf8.firstIndex(of: UInt8(ascii: ">")) else { return html }
        var close = utf8.endIndex
        while close > open {
            close = utf8.index(before: close)
            if utf8[close] == UInt8(ascii: "<"), utf8[close...].starts(with: "</h".utf8) {
                return String(html[utf8.index(after: open)..<close])
            }
        }
        return html
    }

    /// The concatenated literal text below `node` (text and code spans; breaks become a space).
    private static func plainText(of node: OpaquePointer) -> String {
        var out = ""
        guard let iter = cmark_iter_new(node) else { return "" }
        defer { cmark_iter_free(iter) }
        while true {
            let event = cmark_iter_next(iter)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let child = cmark_iter_get_node(iter) else { continue }
            switch cmark_node_get_type(child) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if let lit = cmark_node_get_literal(child) { out += String(cString: lit) }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                out += " "
            default:
                break
            }
        }
        return out
    }

    private static func escapeAttribute(_ s: String) -> String {
        // Ids are letters, digits and dashes: nothing to escape, and no need to walk the characters.
        guard s.utf8.contains(where: { $0 == 0x26 || $0 == 0x22 || $0 == 0x3C || $0 == 0x3E }) else { return s }
        var out = ""
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "\"": out += "&quot;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.append(c)
            }
        }
        return out
    }

    /// Copies and frees a string cmark allocated with the default allocator.
    private static func takeString(_ ptr: UnsafeMutablePointer<CChar>?) -> String {
        guard let ptr else { return "" }
        defer { free(ptr) }
        return String(cString: ptr)
    }

    /// Registers the core extensions exactly once (not thread-safe in cmark; Swift runs a static initializer once).
    private static let registration: Void = {
        cmark_gfm_core_extensions_ensure_registered()
    }()

    /// Serializes `cmark_parser_finish`, which writes process-global inline trigger tables.
    private static let finishLock = NSLock()
}
