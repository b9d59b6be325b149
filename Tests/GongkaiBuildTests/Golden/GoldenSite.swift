import Foundation
import GongkaiBuild
import GongkaiCore

/// A site whose whole output is kept as a golden file in `Tests/golden/`: built as `gongkai build` builds it
/// (`SiteBuilder.write(to:)`, into a temporary folder), then compared file by file, or re-recorded when
/// `GONGKAI_RECORD_GOLDEN=1` is set.
struct GoldenSite {
    /// The environment switch that re-records every golden instead of comparing.
    static let recordSwitch = "GONGKAI_RECORD_GOLDEN"
    /// Whether this run re-records.
    static var recording: Bool { ProcessInfo.processInfo.environment[recordSwitch] == "1" }
    /// Where the golden files are kept.
    static let folder = SiteFixture.repositoryRoot.appendingPathComponent("Tests/golden")

    /// The golden file's name in `Tests/golden/`.
    var name: String
    /// The comment lines at the top of the golden file: what was built.
    var description: [String]
    /// The output files whose text is kept in full (the others: size and SHA-256).
    var fullText: @Sendable (String) -> Bool = { _ in true }

    /// The golden file.
    var url: URL { Self.folder.appendingPathComponent(name) }

    /// Builds the site at `root` as `gongkai build --output TMP` does (no `SOURCE_DATE_EPOCH`, so no build time on
    /// the pages) and returns every output file, path below the output folder → bytes. The temporary folder (and
    /// the lock file beside the output) is removed afterwards.
    static func build(_ root: URL) throws -> [String: [UInt8]] {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-golden-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: work) }
        let output = work.appendingPathComponent("public")
        _ = try SiteBuilder(root: root, options: BuildOptions(baseURL: nil, fileSystemLinks: false, buildDate: nil)).write(to: output)
        return try files(below: output)
    }

    /// Every regular file below `folder`, relative path → bytes; anything else (a link, a pipe) is an error.
    static func files(below folder: URL) throws -> [String: [UInt8]] {
        var out: [String: [UInt8]] = [:]
        let keys: [URLResourceKey] = [.isRegularFileKey, .isDirectoryKey]
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: keys) else { return out }
        let base = folder.resolvingSymlinksInPath().path + "/"
        for case let url as URL in walker {
            let values = try url.resourceValues(forKeys: Set(keys))
            if values.isDirectory == true { continue }
            let path = String(url.resolvingSymlinksInPath().path.dropFirst(base.count))
            guard values.isRegularFile == true else { throw GoldenError("\(path): not a regular file in the output") }
            out[path] = try [UInt8](Data(contentsOf: url))
        }
        return out
    }

    /// The golden file of `built`.
    func record(_ built: [String: [UInt8]]) -> GoldenFile {
        let comments = description + [
            "\(built.count) files, \(built.values.map(\.count).reduce(0, +)) bytes. Each file's text follows its `-- path --` line;",
            "`-- path (N bytes, sha256 …) --` records a file by size and SHA-256 only.",
            "Re-record (then read the change in git diff): \(Self.recordSwitch)=1 swift test --filter GoldenTests",
        ]
        return GoldenFile(recording: built, comments: comments, fullText: fullText)
    }

    /// Compares `built` with the golden file, or writes the golden file when recording. Throws with a readable
    /// diff when they differ.
    func check(_ built: [String: [UInt8]]) throws {
        if Self.recording {
            let golden = record(built)
            try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
            try Data(golden.rendered()).write(to: url)
            // What was written must read back as what was built.
            if let diff = GoldenDiff().compare(try read(), built) { throw GoldenError("\(url.path): re-read after recording differs:\n\(diff)") }
            return
        }
        let golden = try read()
        if let diff = GoldenDiff().compare(golden, built) {
            throw GoldenError("""
                the output differs from the golden \(url.path):
                \(diff)
                If the change is intended, re-record with \(Self.recordSwitch)=1 swift test --filter GoldenTests and commit the golden with it.
                """)
        }
    }

    /// The recorded golden file.
    func read() throws -> GoldenFile {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw GoldenError("\(url.path):1:1: no golden recorded; record it with \(Self.recordSwitch)=1 swift test --filter GoldenTests")
        }
        do {
            return try GoldenFile(reading: [UInt8](data))
        } catch {
            throw GoldenError("\(url.path):\(error.line):1: \(error.message)")
        }
    }
}
