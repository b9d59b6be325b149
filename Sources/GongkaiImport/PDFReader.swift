import Foundation
import GongkaiCore

/// Reads a text PDF through poppler's `pdftotext` (Debian's poppler-utils) and puts its lines back into
/// paragraphs: page numbers (`— 3 —`, `- 3 -`, `第3页`) and the header and footer lines repeated on most pages are
/// dropped (listed in the source's `dropped`); a line continues the paragraph when the line before it runs to the
/// page's full width and does not end a heading. A PDF without text (a scan) is an error.
struct PDFReader {
    /// The text rendition of the PDF `bytes` read from `path`.
    func read(_ bytes: [UInt8], path: String) throws(DiagnosticError) -> DecodedSource {
        let here = SourceLocation(path: path, line: 1, column: 1)
        guard let tool = LibreOfficeConverter.find(["pdftotext"]) else {
            throw DiagnosticError([.error(ImportText.pdfNeedsPdftotext.message, at: here)])
        }
        let fm = FileManager.default
        let dir = fm.temporaryDirectory.appendingPathComponent("gongkai-pdf-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: dir) }
        let text: String
        do {
            try fm.createDirectory(at: dir, withIntermediateDirectories: true)
            let input = dir.appendingPathComponent("report.pdf"), output = dir.appendingPathComponent("report.txt")
            try Data(bytes).write(to: input)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: tool)
            process.arguments = ["-enc", "UTF-8", "-eol", "unix", input.path, output.path]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else {
                throw DiagnosticError([.error(ImportText.pdftotextFailed(["status": process.terminationStatus]), at: here)])
            }
            text = String(decoding: try Data(contentsOf: output), as: UTF8.self)
        } catch let error as DiagnosticError {
            throw error
        } catch {
            throw DiagnosticError([.error(ImportText.pdftotextCannotRun(["error": error.localizedDescription]), at: here)])
        }
        return try Self.paragraphs(fromPdftotext: text, path: path)
    }

    /// `pdftotext` output (pages separated by form feeds) as paragraphs.
    static func paragraphs(fromPdftotext text: String, path: String) throws(DiagnosticError) -> DecodedSource {
        let pages = text.split(separator: "\u{0C}", omittingEmptySubsequences: false).map {
            $0.split(separator: "\n", omittingEmptySubsequences: false).map { String($0).trimmedSource }
        }
        guard pages.contains(where: { $0.contains { !$0.isEmpty } }) else {
            throw DiagnosticError([.error(ImportText.pdfScanned.message, at: SourceLocation(path: path, line: 1, column: 1))])
        }
        // Header and footer lines: the first or last line of a page, the same (digits aside) on at least half the pages.
        func shape(_ s: String) -> String { String(s.filter { !($0.isASCII && $0.isNumber) }) }
        var edgeCounts: [String: Int] = [:]
        let textPages = pages.filter { $0.contains { !$0.isEmpty } }
        for page in textPages {
            let lines = page.filter { !$0.isEmpty }
            for edge in Set([lines.first, lines.last].compactMap { $0 }.map(shape)) { edgeCounts[edge, default: 0] += 1 }
        }
        let repeated = textPages.count >= 3 ? Set(edgeCounts.filter { $0.value * 2 >= textPages.count && !$0.key.isEmpty }.keys) : []

        var lines: [String] = []
        var dropped: [DroppedLine] = []
        var current = ""
        var previousFull = false
        var lineNumber = 0
        func flush() {
            if !current.isEmpty {
                if !lines.isEmpty { lines.append("") }
                lines.append(current)
            }
            current = ""
        }
        for page in pages {
            let nonEmpty = page.filter { !$0.isEmpty }
            let width = nonEmpty.map(\.count).max() ?? 0
            for line in page {
                lineNumber += 1
                if line.isEmpty { continue }
                let edge = line == nonEmpty.first || line == nonEmpty.last
                if isPageNumber(line) || (edge && repeated.contains(shape(line))) {
                    dropped.append(DroppedLine(line: lineNumber, text: line, reason: isPageNumber(line) ? "page number" : "page header/footer"))
                    continue
                }
                let startsNew = HeadingMarker.match(line) != nil || ChineseDate.isDate(line)
                if current.isEmpty || !previousFull || startsNew || ReportParser.isStandaloneHeading(current) {
                    flush()
                    current = line
                } else {
                    current += line
                }
                // A line that runs to (nearly) the page's widest line was broken by the page, not by the writer.
                previousFull = line.count * 10 >= width * 9
            }
        }
        flush()
        var source = DecodedSource(path: path, encoding: .utf8, lineEnding: "LF", lines: lines)
        source.format = .pdf
        source.dropped = dropped
        return source
    }

    /// `— 3 —`, `- 3 -`, `3`, `第 3 页`, `第3页 共10页`.
    static func isPageNumber(_ line: String) -> Bool {
        let core = line.filter { !$0.isWhitespace && !"—–-－―·".contains($0) }
        if !core.isEmpty, core.allSatisfy({ $0.isASCII && $0.isNumber }), core.count <= 4 { return true }
        if core.hasPrefix("第"), core.contains("页"), core.count <= 12,
           core.allSatisfy({ ($0.isASCII && $0.isNumber) || "第页共/".contains($0) }) { return true }
        return false
    }
}
