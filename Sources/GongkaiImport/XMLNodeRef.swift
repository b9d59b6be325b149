import CLibXML2

/// A node of a ``LibXMLDocument`` (valid while the document lives): element names and attributes by local name,
/// namespace prefixes aside (`w:p` is `p`).
struct XMLNodeRef {
    let node: xmlNodePtr

    /// True for an element.
    var isElement: Bool { node.pointee.type == XML_ELEMENT_NODE }
    /// True for text or CDATA.
    var isText: Bool { node.pointee.type == XML_TEXT_NODE || node.pointee.type == XML_CDATA_SECTION_NODE }

    /// The local name, lower-cased for HTML by libxml2 already.
    var name: String { node.pointee.name.map { String(cString: $0) } ?? "" }

    /// The text of a text node ("" for others).
    var content: String { isText ? (node.pointee.content.map { String(cString: $0) } ?? "") : "" }

    /// Child nodes in order.
    var children: [XMLNodeRef] {
        var out: [XMLNodeRef] = []
        var child = node.pointee.children
        while let c = child {
            out.append(XMLNodeRef(node: c))
            child = c.pointee.next
        }
        return out
    }

    /// Child elements in order.
    var elements: [XMLNodeRef] { children.filter(\.isElement) }

    /// The first child element named `name`.
    func element(_ name: String) -> XMLNodeRef? { elements.first { $0.name == name } }

    /// The value of the attribute with local name `name`.
    func attribute(_ name: String) -> String? {
        var property = node.pointee.properties
        while let p = property {
            if let n = p.pointee.name, String(cString: n) == name {
                var text = ""
                var child = p.pointee.children
                while let c = child {
                    if let value = c.pointee.content { text += String(cString: value) }
                    child = c.pointee.next
                }
                return text
            }
            property = p.pointee.next
        }
        return nil
    }

    /// All text below this node, in order.
    var text: String {
        if isText { return content }
        var out = ""
        for c in children { out += c.text }
        return out
    }

    /// This element and every element below it, in document order.
    func descendants(named name: String) -> [XMLNodeRef] {
        var out: [XMLNodeRef] = []
        func walk(_ n: XMLNodeRef) {
            for c in n.elements {
                if c.name == name { out.append(c) }
                walk(c)
            }
        }
        walk(self)
        return out
    }
}
