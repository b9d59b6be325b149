import Foundation
import GongkaiBuild
import GongkaiCore
import Hummingbird

/// One good build as the preview server serves it: every output file by path, held in memory and never changed.
/// A rebuild makes a new snapshot and swaps it in whole, so a request sees either the old site or the new one.
///
/// Requests are answered by looking a key up in `files`; nothing is read from disk while serving, so no request
/// can reach a file outside the built site.
struct SiteSnapshot: Sendable {
    /// What a path below the base path resolves to.
    enum Lookup: Sendable {
        /// A file.
        case file(ServedFile)
        /// A folder asked for without its trailing slash.
        case addSlash
        /// Nothing.
        case notFound
    }

    /// The site's base path (`/`, `/fzzfjs/`).
    let basePath: String
    /// Files by output path (`example-2025/01/index.html`).
    let files: [String: ServedFile]

    /// No site (before the first good build).
    init(basePath: String) {
        self.basePath = basePath
        self.files = [:]
        self.pages = 0
    }

    /// The snapshot of a finished build, HTML pages carrying the live-reload tag.
    ///
    /// Static files whose source under `content/` or `theme/assets/` is a symbolic link leading out of the site
    /// folder are left out (the build follows links; the preview never serves what lies outside the site).
    init(result: SiteBuilder.Result, root: URL) {
        let basePath = result.model.config.basePath
        let script = LiveReloadScript(basePath: basePath)
        let hashes = Dictionary(result.manifest.files.map { ($0.path, $0.sha256) }, uniquingKeysWith: { first, _ in first })
        let guardrail = SymlinkGuard(root: root)
        var files: [String: ServedFile] = [:]
        files.reserveCapacity(result.files.count)
        for file in result.files {
            if file.kind == .asset && guardrail.leadsOutside(outputPath: file.path) { continue }
            files[file.path] = Self.served(file, hash: hashes[file.path] ?? Manifest.sha256(file.bytes), basePath: basePath, script: script)
        }
        self.basePath = basePath
        self.files = files
        self.pages = files.keys.reduce(0) { $0 + ($1.hasSuffix(".html") ? 1 : 0) }
    }

    private init(basePath: String, files: [String: ServedFile], pages: Int) {
        self.basePath = basePath
        self.files = files
        self.pages = pages
    }

    /// This snapshot with the files an incremental build changed (`result.changedPaths`) and removed replaced;
    /// the result must have been built from the one this snapshot shows (same base path, only content changed).
    func updating(with result: SiteBuilder.Result) -> SiteSnapshot {
        let script = LiveReloadScript(basePath: basePath)
        var files = self.files
        var pages = self.pages
        for path in result.changedPaths ?? [] {
            guard let file = result.file(at: path) else { continue }
            if files[path] == nil && path.hasSuffix(".html") { pages += 1 }
            files[path] = Self.served(file, hash: result.manifest.entry(at: path)?.sha256 ?? Manifest.sha256(file.bytes), basePath: basePath, script: script)
        }
        for path in result.removedPaths where files.removeValue(forKey: path) != nil && path.hasSuffix(".html") { pages -= 1 }
        return SiteSnapshot(basePath: basePath, files: files, pages: pages)
    }

    /// How one output file is served: HTML pages carry the live-reload tag and a distinct ETag.
    private static func served(_ file: OutputFile, hash: String, basePath: String, script: LiveReloadScript) -> ServedFile {
        let type = ContentType.of(file.path)
        if file.path.hasSuffix(".html") {
            let bytes = script.inject(into: file.bytes, pageURL: basePath + file.urlPath)
            return ServedFile(body: ByteBuffer(bytes: bytes), contentType: type, etag: "\"\(hash.prefix(32))-live\"", sourceHash: hash)
        }
        return ServedFile(body: ByteBuffer(bytes: file.bytes), contentType: type, etag: "\"\(hash.prefix(32))\"", sourceHash: hash)
    }

    /// True before the first good build.
    var isEmpty: Bool { files.isEmpty }

    /// The site's own 404 page.
    var notFoundPage: ServedFile? { files["404.html"] }

    /// Resolves a decoded path relative to the base path (`example-2025/01/`, `assets/site.css`, ``).
    func lookup(_ relative: String) -> Lookup {
        if relative.isEmpty || relative.hasSuffix("/") {
            return files[relative + "index.html"].map(Lookup.file) ?? .notFound
        }
        if let file = files[relative] { return .file(file) }
        if files[relative + "/index.html"] != nil { return .addSlash }
        return .notFound
    }

    /// The URL paths (decoded, with the base path) of output `paths`, sorted (what an incremental build changed).
    func urls(of paths: [String]) -> [String] {
        Set(paths.map { basePath + Self.urlPath($0) }).sorted()
    }

    /// The number of HTML pages.
    var pageCount: Int { pages }
    private let pages: Int

    /// The URL paths (decoded, with the base path) whose bytes differ from `old`, sorted; removed files included.
    func changedURLs(since old: SiteSnapshot) -> [String] {
        var changed: Set<String> = []
        for (path, file) in files where old.files[path]?.sourceHash != file.sourceHash {
            changed.insert(basePath + Self.urlPath(path))
        }
        for path in old.files.keys where files[path] == nil {
            changed.insert(old.basePath + Self.urlPath(path))
        }
        return changed.sorted()
    }

    private static func urlPath(_ path: String) -> String {
        OutputFile(path: path, bytes: [], kind: .data).urlPath
    }
}
