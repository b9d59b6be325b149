import Foundation
import GongkaiCore
import ZIPFoundation

/// Reads a Word file (Office Open XML, as Word and WPS save it) into ``DocumentBlock``s: the ZIP container through
/// ZIPFoundation, its XML parts through libxml2. Paragraphs with the labels of automatic numbering, the heading
/// level of outline levels and heading styles, bold runs, tables, images (extracted), and footnotes (as a paragraph
/// `注1：…` after the paragraph that refers to them, the reference kept as its number).
struct DocxReader {
    /// What a Word file holds.
    struct Result {
        var blocks: [DocumentBlock]
        /// Image files by the name the blocks use.
        var images: [String: [UInt8]]
    }

    private struct Paragraph {
        var runs: [(text: String, bold: Bool)] = []
        /// Relationship ids of pictures, with their alternative text (Word's 替换文字, `wp:docPr descr`).
        var images: [(id: String, alt: String)] = []
        var footnotes: [String] = []
    }

    /// Reads `bytes` read from `path`.
    func read(_ bytes: [UInt8], path: String) throws(DiagnosticError) -> Result {
        func fail(_ message: Message) -> DiagnosticError { DiagnosticError([.error(message, at: SourceLocation(path: path, line: 1, column: 1))]) }
        let archive: Archive
        do {
            archive = try Archive(data: Data(bytes), accessMode: .read)
        } catch {
            throw fail(ImportText.docxNotZIP(["error": error]))
        }
        func part(_ name: String) -> [UInt8]? {
            guard let entry = archive[name] else { return nil }
            var data = Data()
            do {
                _ = try archive.extract(entry, skipCRC32: true) { data.append($0) }
            } catch {
                return nil
            }
            return [UInt8](data)
        }
        guard let documentBytes = part("word/document.xml") else {
            throw fail(ImportText.docxNoDocumentXML.message)
        }
        guard let document = LibXMLDocument.xml(documentBytes), let root = document.root else {
            throw fail(ImportText.docxNotWellFormed.message)
        }
        var numbering = DocxNumbering(xml: part("word/numbering.xml").flatMap(LibXMLDocument.xml))
        let styles = DocxStyles(xml: part("word/styles.xml").flatMap(LibXMLDocument.xml))
        var relationships: [String: String] = [:]
        // Each document is kept in a local while its nodes are read: nodes do not keep their document alive.
        let relsDocument = part("word/_rels/document.xml.rels").flatMap(LibXMLDocument.xml)
        if let rels = relsDocument?.root {
            for r in rels.elements where r.name == "Relationship" {
                if let id = r.attribute("Id"), let target = r.attribute("Target") { relationships[id] = target }
            }
        }
        var footnoteTexts: [String: String] = [:]
        let notesDocument = part("word/footnotes.xml").flatMap(LibXMLDocument.xml)
        if let notes = notesDocument?.root {
            for note in notes.elements where note.name == "footnote" {
                guard let id = note.attribute("id"), note.attribute("type") == nil || note.attribute("type") == "normal" else { continue }
                footnoteTexts[id] = note.descendants(named: "p").map { Self.plainText(of: $0) }.joined()
            }
        }

        var blocks: [DocumentBlock] = []
        var images: [String: [UInt8]] = [:]
        var footnoteNumber = 0
        func imageFile(_ relationship: String) -> String? {
            guard let target = relationships[relationship] else { return nil }
            let inWord = target.hasPrefix("/") ? String(target.dropFirst()) : "word/" + target
            let base = URL(fileURLWithPath: target).lastPathComponent
            let safe = String(base.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-" || $0 == "_") ? $0 : "_" })
            if images[safe] == nil {
                guard let data = part(inWord) else { return nil }
                images[safe] = data
            }
            return safe
        }

        func paragraph(_ p: XMLNodeRef) {
            var content = Paragraph()
            collect(p, into: &content)
            let pPr = p.element("pPr")
            let styleID = pPr?.element("pStyle")?.attribute("val")
            var level = pPr?.element("outlineLvl")?.attribute("val").flatMap(Int.init).map { $0 < 9 ? $0 + 1 : 0 }
            if level == 0 { level = nil } else if level == nil, let styleID { level = styles.headingLevel(styleID) }
            var label = ""
            if let numPr = pPr?.element("numPr"), let numID = numPr.element("numId")?.attribute("val") {
                label = numbering.label(numID: numID, ilvl: numPr.element("ilvl")?.attribute("val").flatMap(Int.init) ?? 0) ?? ""
            } else if let styleID, let (numID, ilvl) = styles.numbering(styleID) {
                label = numbering.label(numID: numID, ilvl: ilvl) ?? ""
            }
            var runs = content.runs
            if !label.isEmpty { runs.insert((label, false), at: 0) }
            let text = runs.map(\.text).joined()
            if !text.trimmedSource.isEmpty || level != nil {
                let markdown = level == nil ? BoldMarkdown.markdown(runs) : nil
                blocks.append(.paragraph(text: text, markdown: markdown, headingLevel: text.trimmedSource.isEmpty ? nil : level))
            }
            for id in content.footnotes {
                footnoteNumber += 1
                if let note = footnoteTexts[id], !note.trimmedSource.isEmpty {
                    blocks.append(.paragraph(text: "注\(footnoteNumber):\(note.trimmedSource)", markdown: nil, headingLevel: nil))
                }
            }
            for (rel, alt) in content.images { if let file = imageFile(rel) { blocks.append(.image(file: file, alt: alt)) } }
        }

        func collect(_ node: XMLNodeRef, into content: inout Paragraph, bold: Bool = false) {
            for child in node.elements {
                switch child.name {
                case "pPr", "del", "moveFrom", "Fallback", "txbxContent", "instrText": continue
                case "r":
                    let b = child.element("rPr")?.element("b").map { !["0", "false", "off"].contains($0.attribute("val") ?? "1") } ?? false
                    for item in child.elements {
                        switch item.name {
                        case "t": content.runs.append((item.text, b))
                        case "tab": content.runs.append(("\t", b))
                        case "noBreakHyphen": content.runs.append(("-", b))
                        case "footnoteReference":
                            if let id = item.attribute("id") {
                                content.footnotes.append(id)
                                content.runs.append((String(footnoteNumber + content.footnotes.count), false))
                            }
                        case "drawing", "pict", "AlternateContent":
                            let docPr = item.descendants(named: "docPr").first
                            let alt = (docPr?.attribute("descr") ?? docPr?.attribute("title") ?? "").trimmedSource
                            for blip in item.descendants(named: "blip") { if let id = blip.attribute("embed") { content.images.append((id, alt)) } }
                            for data in item.descendants(named: "imagedata") { if let id = data.attribute("id") { content.images.append((id, alt)) } }
                        default: continue
                        }
                    }
                default: collect(child, into: &content, bold: bold)
                }
            }
        }

        func table(_ tbl: XMLNodeRef) {
            var rows: [[String]] = []
            for tr in tbl.elements where tr.name == "tr" {
                var cells: [String] = []
                for tc in tr.elements where tc.name == "tc" {
                    var texts: [String] = []
                    for p in tc.descendants(named: "p") {
                        var content = Paragraph()
                        collect(p, into: &content)
                        let t = content.runs.map(\.text).joined().trimmedSource
                        if !t.isEmpty { texts.append(t) }
                    }
                    cells.append(texts.joined(separator: " "))
                }
                if !cells.isEmpty { rows.append(cells) }
            }
            if !rows.isEmpty { blocks.append(.table(rows: rows)) }
        }

        func body(_ node: XMLNodeRef) {
            for child in node.elements {
                switch child.name {
                case "p": paragraph(child)
                case "tbl": table(child)
                case "sdt", "sdtContent", "customXml", "ins", "smartTag": body(child)
                default: continue
                }
            }
        }
        guard let bodyElement = root.element("body") else { throw fail(ImportText.docxNoBody.message) }
        body(bodyElement)
        withExtendedLifetime((document, relsDocument, notesDocument)) {}
        return Result(blocks: blocks, images: images)
    }

    /// The text of a paragraph's runs (for footnotes).
    private static func plainText(of p: XMLNodeRef) -> String {
        p.descendants(named: "t").map(\.text).joined()
    }
}
