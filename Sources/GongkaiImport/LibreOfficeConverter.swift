import Foundation
import GongkaiCore

/// Converts a binary Word or WPS file (.doc, .wps) to .docx through LibreOffice (`soffice --headless --convert-to
/// docx`) when it is installed; otherwise says how to convert it.
struct LibreOfficeConverter {
    /// Where to look for LibreOffice (a PATH-like list; nil: the PATH).
    var searchPath: String?

    /// The .docx bytes of `bytes` read from `path`.
    func convertToDocx(_ bytes: [UInt8], path: String) throws(DiagnosticError) -> [UInt8] {
        let here = SourceLocation(path: path, line: 1, column: 1)
        let help = ImportText.binaryWordFile(["path": path])
        guard let soffice = Self.find(["soffice", "libreoffice"], in: searchPath) else { throw DiagnosticError([.error(help, at: here)]) }
        let fm = FileManager.default
        let dir = fm.temporaryDirectory.appendingPathComponent("gongkai-convert-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: dir) }
        do {
            try fm.createDirectory(at: dir, withIntermediateDirectories: true)
            let input = dir.appendingPathComponent("report.doc")
            try Data(bytes).write(to: input)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: soffice)
            // A profile of its own, so that a LibreOffice already open (or another import) does not take the job.
            process.arguments = ["-env:UserInstallation=\(dir.appendingPathComponent("profile").absoluteString)",
                                 "--headless", "--convert-to", "docx", "--outdir", dir.path, input.path]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            return [UInt8](try Data(contentsOf: dir.appendingPathComponent("report.docx")))
        } catch {
            throw DiagnosticError([.error(ImportText.libreOfficeFailed.embedding(["help": help], ["soffice": soffice]), at: here)])
        }
    }

    /// The first of `names` found on PATH.
    static func find(_ names: [String], in searchPath: String? = nil) -> String? {
        let path = searchPath ?? ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for name in names {
            for dir in path.split(separator: ":") {
                let candidate = "\(dir)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }
}
