import Foundation

/// Text PDFs made by the tests: one Type0 font with Identity-H encoding and a ToUnicode map (no glyphs are embedded;
/// pdftotext needs only the map), one line of text per `Tj`, pages as given. A page with no lines is an empty page,
/// as a scanned page is to pdftotext.
enum PDFFixture {
    /// The PDF bytes for `pages` (each a list of lines).
    static func pdf(pages: [[String]]) -> [UInt8] {
        var cids: [Character: Int] = [:]
        for page in pages { for line in page { for c in line where cids[c] == nil { cids[c] = cids.count + 1 } } }
        func hex(_ line: String) -> String { "<" + line.map { String(format: "%04X", cids[$0] ?? 0) }.joined() + ">" }

        var objects: [String] = []   // object n is objects[n - 1]
        objects.append("<< /Type /Catalog /Pages 2 0 R >>")
        objects.append("")           // pages, filled in below
        objects.append("<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H /DescendantFonts [4 0 R] /ToUnicode 5 0 R >>")
        objects.append("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 >>")
        var cmap = "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def "
            + "/CMapName /Adobe-Identity-UCS def /CMapType 2 def 1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
        let pairs = cids.sorted { $0.value < $1.value }
        for start in stride(from: 0, to: pairs.count, by: 100) {
            let chunk = pairs[start..<min(pairs.count, start + 100)]
            cmap += "\(chunk.count) beginbfchar\n"
            for (c, cid) in chunk {
                let units = String(c).utf16.map { String(format: "%04X", $0) }.joined()
                cmap += String(format: "<%04X>", cid) + " <\(units)>\n"
            }
            cmap += "endbfchar\n"
        }
        cmap += "endcmap CMapName currentdict /CMap defineresource pop end end"
        objects.append("<< /Length \(cmap.utf8.count) >>\nstream\n\(cmap)\nendstream")
        var kids: [String] = []
        for page in pages {
            var content = "BT /F1 12 Tf 16 TL 60 800 Td\n"
            for line in page { content += line.isEmpty ? "T*\n" : "\(hex(line)) Tj T*\n" }
            content += "ET"
            objects.append("<< /Length \(content.utf8.count) >>\nstream\n\(content)\nendstream")
            let contentID = objects.count
            objects.append("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents \(contentID) 0 R >>")
            kids.append("\(objects.count) 0 R")
        }
        objects[1] = "<< /Type /Pages /Kids [\(kids.joined(separator: " "))] /Count \(pages.count) >>"

        var out = Array("%PDF-1.4\n".utf8)
        var offsets: [Int] = []
        for (i, object) in objects.enumerated() {
            offsets.append(out.count)
            out += Array("\(i + 1) 0 obj\n\(object)\nendobj\n".utf8)
        }
        let xref = out.count
        out += Array("xref\n0 \(objects.count + 1)\n0000000000 65535 f \n".utf8)
        for o in offsets { out += Array(String(format: "%010d 00000 n \n", o).utf8) }
        out += Array("trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n".utf8)
        return out
    }

    /// `text` broken into lines of `width` characters, as a PDF page sets a paragraph.
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var rest = Substring(text)
        while !rest.isEmpty {
            lines.append(String(rest.prefix(width)))
            rest = rest.dropFirst(width)
        }
        return lines
    }
}
