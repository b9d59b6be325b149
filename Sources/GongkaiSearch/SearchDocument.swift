/// One page as the search index sees it: where it is, what a result shows of it, and its text in sections (the page
/// split at its headings, so that a hit links to the heading anchor nearest the match).
public struct SearchDocument: Sendable, Hashable {
    /// One part of the page, from a heading to the next.
    public struct Section: Sendable, Hashable {
        /// The heading's anchor id (`""` for the part before the first heading).
        public var anchor: String
        /// The heading's text (`""` for the first part).
        public var heading: String
        /// The plain text as UTF-8, heading included (the first part starts with the page title).
        public var utf8: [UInt8]
        /// The plain text, heading included (the first part starts with the page title).
        public var text: String { String(decoding: utf8, as: UTF8.self) }

        /// A section of `text`.
        public init(anchor: String, heading: String, text: String) { self.init(anchor: anchor, heading: heading, utf8: Array(text.utf8)) }

        /// A section of UTF-8 text, which must be valid (the index reads it without checks): it comes from a
        /// Swift string or from rendered HTML.
        init(anchor: String, heading: String, utf8: [UInt8]) {
            assert(String(validating: utf8, as: UTF8.self) != nil, "section text is not valid UTF-8")
            self.anchor = anchor
            self.heading = heading
            self.utf8 = utf8
        }
    }

    /// URL path relative to the site root (`xiangcheng-2024/02/01/`).
    public var url: String
    /// Title shown in results.
    public var title: String
    /// Titles above the page (report, parent topics).
    public var breadcrumb: [String]
    /// The page's sections in order.
    public var sections: [Section]
    /// The searchable text: the sections joined by line breaks.
    public var text: String { sections.map(\.text).joined(separator: "\n") }

    /// A document.
    public init(url: String, title: String, breadcrumb: [String], sections: [Section]) {
        self.url = url
        self.title = title
        self.breadcrumb = breadcrumb
        self.sections = sections
    }

    /// The sections of a page titled `title` whose rendered body is `html` and whose headings (in order: anchor id
    /// and text) are `headings`: the part before the first heading, starting with the title line, then one part per
    /// heading. When the body's heading tags are not the headings given, the whole body is one part.
    public static func sections(title: String, html: String, headings: [(id: String, text: String)]) -> [Section] {
        let parts = SearchText.splitAtHeadings(html)
        /// The title line, then the part's text.
        func titled(_ html: Substring) -> [UInt8] {
            let text = SearchText.plainUTF8(html)
            if title.isEmpty { return text }
            var out = Array(title.utf8)
            if !text.isEmpty { out.append(0x0A); out += text }
            return out
        }
        guard parts.count == headings.count + 1 else {
            return [.init(anchor: "", heading: "", utf8: titled(html[...]))]
        }
        var out: [Section] = [.init(anchor: "", heading: "", utf8: titled(parts[0]))]
        for (heading, part) in zip(headings, parts.dropFirst()) {
            out.append(.init(anchor: heading.id, heading: heading.text, utf8: SearchText.plainUTF8(part)))
        }
        return out
    }
}
