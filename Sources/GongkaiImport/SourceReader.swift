import Foundation
import GongkaiCore

/// Reads a report file of any format the importer takes into its text rendition (a ``DecodedSource``) and the bytes
/// kept as `source.txt`: plain text as received; for Word, HTML and PDF the text the import was proved against.
struct SourceReader {
    /// The source and the bytes for `source.txt`.
    func read(_ bytes: [UInt8], path: String) throws(DiagnosticError) -> (DecodedSource, [UInt8]) {
        let format = SourceFormat.detect(bytes, path: path)
        switch format {
        case .text:
            return (try SourceDecoder().decode(bytes, path: path), bytes)
        case .docx:
            return try docx(bytes, path: path)
        case .binaryWord:
            let converted = try LibreOfficeConverter().convertToDocx(bytes, path: path)
            return try docx(converted, path: path)
        case .html:
            let page = try HTMLReader().read(bytes, path: path)
            var source = DocumentText.source(page.blocks, path: path, encoding: page.encoding, format: .html)
            source.pageTitle = page.title
            source.dropped = page.outside.map { DroppedLine(line: 0, text: $0, reason: "outside the article") }
            return Self.rendition(source)
        case .pdf:
            return Self.rendition(try PDFReader().read(bytes, path: path))
        }
    }

    private func docx(_ bytes: [UInt8], path: String) throws(DiagnosticError) -> (DecodedSource, [UInt8]) {
        let result = try DocxReader().read(bytes, path: path)
        guard result.blocks.contains(where: { if case .paragraph(let t, _, _) = $0 { return !t.trimmedSource.isEmpty } else { return true } }) else {
            throw DiagnosticError([.error(ImportText.docxNoText.message, at: SourceLocation(path: path, line: 1, column: 1))])
        }
        var source = DocumentText.source(result.blocks, path: path, encoding: .utf8, format: .docx)
        source.attachments = result.images
        return Self.rendition(source)
    }

    private static func rendition(_ source: DecodedSource) -> (DecodedSource, [UInt8]) {
        (source, Array(DocumentText.text(of: source).utf8))
    }
}
