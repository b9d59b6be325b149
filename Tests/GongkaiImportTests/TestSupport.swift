import Foundation
import GongkaiCore
@testable import GongkaiImport
#if canImport(Glibc)
import Glibc
#endif

/// Paths and helpers shared by the importer tests.
enum TestSupport {
    /// The package root, from this file's path.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// The committed report folder.
    static let reportFolder = packageRoot.appendingPathComponent("content/xiangcheng-2024")

    /// The original 2024 report text, as committed in content/xiangcheng-2024/source.txt.
    static func source2024() throws -> [UInt8] {
        try [UInt8](Data(contentsOf: reportFolder.appendingPathComponent("source.txt")))
    }

    /// A fresh empty folder below the system temporary folder.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-import-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// `text` encoded with iconv (e.g. "GB18030", "UTF-16LE").
    static func encode(_ text: String, as encoding: String) -> [UInt8]? {
        let cd = iconv_open(encoding, "UTF-8")
        if cd == iconv_t(bitPattern: -1) { return nil }
        defer { iconv_close(cd) }
        var input = Array(text.utf8)
        var output = [UInt8](repeating: 0, count: input.count * 4 + 16)
        var inLeft = input.count, outLeft = output.count
        var ok = false
        input.withUnsafeMutableBufferPointer { ib in
            output.withUnsafeMutableBufferPointer { ob in
                guard let ibase = ib.baseAddress, let obase = ob.baseAddress else { return }
                var ip: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(ibase).assumingMemoryBound(to: CChar.self)
                var op: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(obase).assumingMemoryBound(to: CChar.self)
                ok = iconv(cd, &ip, &inLeft, &op, &outLeft) != -1 && inLeft == 0
            }
        }
        return ok ? Array(output[0..<(output.count - outLeft)]) : nil
    }

    /// Plans and writes an import of `bytes` into a fresh temporary content folder; returns the report folder and plan.
    static func importInto(_ bytes: [UInt8], path: String = "xiangcheng-2024.txt", options: ImportOptions = ImportOptions())
        throws -> (folder: URL, plan: ImportPlan)
    {
        let content = try temporaryFolder()
        let importer = ReportImporter(options: options)
        let plan = try importer.plan(bytes: bytes, path: path)
        let folder = try importer.write(plan, into: content)
        return (folder, plan)
    }

    /// Every file below `folder`, relative path → contents.
    static func files(in folder: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        let base = folder.standardizedFileURL.path
        guard let e = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else { return out }
        for case let url as URL in e where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            var rel = String(url.standardizedFileURL.path.dropFirst(base.count))
            while rel.hasPrefix("/") { rel.removeFirst() }
            out[rel] = try Data(contentsOf: url)
        }
        return out
    }

    /// (level, plain title) of every heading.
    static func outlineSignature(_ outline: ReportOutline) -> [String] {
        outline.headings.map { "\($0.level) \($0.numbering) \($0.plainTitle)" }
    }
}
