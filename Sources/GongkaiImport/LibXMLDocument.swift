import CLibXML2

/// A document parsed by libxml2: XML (the parts of a Word file) or HTML (a saved portal page, parsed as browsers do:
/// unclosed elements, tag soup). Freed when released; read through ``XMLNodeRef``.
final class LibXMLDocument: @unchecked Sendable {
    private let doc: xmlDocPtr

    private init(_ doc: xmlDocPtr) { self.doc = doc }

    deinit { xmlFreeDoc(doc) }

    /// Parses XML; nil when the bytes are not well-formed.
    static func xml(_ bytes: [UInt8]) -> LibXMLDocument? {
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue | XML_PARSE_HUGE.rawValue)
        let parsed = bytes.withUnsafeBufferPointer { buffer -> xmlDocPtr? in
            buffer.baseAddress.flatMap { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { xmlReadMemory($0, Int32(buffer.count), nil, nil, options) }
            }
        }
        return parsed.map(LibXMLDocument.init)
    }

    /// Parses HTML in `encoding` (an iconv name such as `GB18030`; nil: as the page says, else UTF-8).
    static func html(_ bytes: [UInt8], encoding: String?) -> LibXMLDocument? {
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                            | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOIMPLIED.rawValue)
        let parsed = bytes.withUnsafeBufferPointer { buffer -> htmlDocPtr? in
            buffer.baseAddress.flatMap { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { htmlReadMemory($0, Int32(buffer.count), nil, encoding, options) }
            }
        }
        return parsed.map(LibXMLDocument.init)
    }

    /// The root element.
    var root: XMLNodeRef? { xmlDocGetRootElement(doc).map(XMLNodeRef.init) }
}
