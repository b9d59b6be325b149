/// Paragraph styles of a Word file (`word/styles.xml`): the heading level a style gives (its outline level, or a
/// built-in heading style's name: `heading 1`, `标题 1`), and the numbering it carries, following `basedOn`.
struct DocxStyles {
    struct Style {
        var name = ""
        var basedOn: String?
        var outlineLevel: Int?
        var numID: String?
        var ilvl: Int?
    }

    private var styles: [String: Style] = [:]

    /// Reads styles.xml (nil: no styles).
    init(xml: LibXMLDocument?) {
        guard let root = xml?.root else { return }
        for element in root.elements where element.name == "style" {
            guard let id = element.attribute("styleId") else { continue }
            var style = Style()
            style.name = element.element("name")?.attribute("val") ?? ""
            style.basedOn = element.element("basedOn")?.attribute("val")
            if let pPr = element.element("pPr") {
                style.outlineLevel = pPr.element("outlineLvl")?.attribute("val").flatMap(Int.init)
                if let numPr = pPr.element("numPr") {
                    style.numID = numPr.element("numId")?.attribute("val")
                    style.ilvl = numPr.element("ilvl")?.attribute("val").flatMap(Int.init)
                }
            }
            styles[id] = style
        }
    }

    /// The chain of a style and the styles it is based on (at most 10, against loops).
    private func chain(_ id: String) -> [Style] {
        var out: [Style] = []
        var next: String? = id
        while let current = next, let style = styles[current], out.count < 10 {
            out.append(style)
            next = style.basedOn
        }
        return out
    }

    /// The heading level (1…9) the style `id` gives, or nil for body text.
    func headingLevel(_ id: String) -> Int? {
        for style in chain(id) {
            if let level = style.outlineLevel { return level < 9 ? level + 1 : nil }
            let name = style.name.lowercased()
            for prefix in ["heading ", "标题 "] where name.hasPrefix(prefix) {
                if let n = Int(name.dropFirst(prefix.count)), (1...9).contains(n) { return n }
            }
        }
        return nil
    }

    /// The numbering (numId, ilvl) the style `id` carries.
    func numbering(_ id: String) -> (numID: String, ilvl: Int)? {
        for style in chain(id) { if let num = style.numID { return (num, style.ilvl ?? 0) } }
        return nil
    }
}
