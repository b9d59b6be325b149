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
    /// Files by output path (`example-2025/01/index.html`), as the last whole build made them.
    private let base: [String: ServedFile]
    /// What incremental builds changed since (nil: removed). Kept apart so that an edit does not copy the whole
    /// site's table; folded into `base` once it grows.
    private let overlay: [String: ServedFile?]
    /// Number of files.
    let fileCount: Int

    /// No site (before the first good build).
    init(basePath: String) {
        self.init(basePath: basePath, base: [:], overlay: [:], pages: 0, fileCount: 0)
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
        self.init(basePath: basePath, base: files, overlay: [:], pages: files.keys.reduce(0) { $0 + ($1.hasSuffix(".html") ? 1 : 0) },
                  fileCount: files.count)
    }

    private init(basePath: String, base: [String: ServedFile], overlay: [String: ServedFile?], pages: Int, fileCount: Int) {
        self.basePath = basePath
        self.base = base
        self.overlay = overlay
        self.pages = pages
        self.fileCount = fileCount
    }

    /// The file at an output path.
    func file(_ path: String) -> ServedFile? {
        if let changed = overlay[path] { return changed }
        return base[path]
    }

    /// Every file by output path.
    var files: [String: ServedFile] {
        var all = base
        for (path, file) in overlay { all[path] = file }
        return all
    }

    /// This snapshot with the files an incremental build changed (`result.changedPaths`) and removed replaced;
    /// the result must have been built from the one this snapshot shows (same base path, only content changed).
    func updating(with result: SiteBuilder.Result) -> SiteSnapshot {
        let script = LiveReloadScript(basePath: basePath)
        var overlay = self.overlay
        var pages = self.pages
        var count = fileCount
        for path in result.changedPaths ?? [] {
            guard let file = result.file(at: path) else { continue }
            if self.file(path) == nil {
                count += 1
                if path.hasSuffix(".html") { pages += 1 }
            }
            overlay[path] = Self.served(file, hash: Self.hash(of: file, in: result), basePath: basePath, script: script)
        }
        for path in result.removedPaths where self.file(path) != nil {
            overlay[path] = .some(nil)
            count -= 1
            if path.hasSuffix(".html") { pages -= 1 }
        }
        if overlay.count > 512 {
            return SiteSnapshot(basePath: basePath, base: SiteSnapshot(basePath: basePath, base: base, overlay: overlay, pages: pages, fileCount: count).files,
                                overlay: [:], pages: pages, fileCount: count)
        }
        return SiteSnapshot(basePath: basePath, base: base, overlay: overlay, pages: pages, fileCount: count)
    }

    /// The hash an incrementally rebuilt file is served with: its manifest entry's SHA-256; for `manifest.json`
    /// itself (5 MB at 10,000 pages, which hashing would cost every edit a few milliseconds), a tag made from the
    /// manifest's digest, which changes whenever an entry's file or path does (the base path, the one other input
    /// of its URLs, cannot change in an incremental build).
    static func hash(of file: OutputFile, in result: SiteBuilder.Result) -> String {
        if let entry = result.manifest.entry(at: file.path) { return entry.sha256 }
        if file.path == "manifest.json" { return "manifest-" + result.manifest.digest }
        return Manifest.sha256(file.bytes)
    }

    /// How one output file is served: HTML pages carry the live-reload tag and a distinct ETag.
    private static func served(_ file: OutputFile, hash: String, basePath: String, script: LiveReloadScript) -> ServedFile {
        let type = ContentType.of(file.path)
        if file.path.hasSuffix(".html") {
            let tag = script.placement(in: file.bytes, pageURL: basePath + file.urlPath)
            return ServedFile(bytes: file.bytes, reloadTag: tag, contentType: type, etag: "\"\(hash.prefix(32))-live\"", sourceHash: hash)
        }
        return ServedFile(bytes: file.bytes, reloadTag: nil, contentType: type, etag: "\"\(hash.prefix(32))\"", sourceHash: hash)
    }

    /// True before the first good build.
    var isEmpty: Bool { fileCount == 0 }

    /// The site's own 404 page.
    var notFoundPage: ServedFile? { file("404.html") }

    /// Resolves a decoded path relative to the base path (`example-2025/01/`, `assets/site.css`, ``).
    func lookup(_ relative: String) -> Lookup {
        if relative.isEmpty || relative.hasSuffix("/") {
            return file(relative + "index.html").map(Lookup.file) ?? .notFound
        }
        if let file = file(relative) { return .file(file) }
        if file(relative + "/index.html") != nil { return .addSlash }
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
        let files = self.files, oldFiles = old.files
        for (path, file) in files where oldFiles[path]?.sourceHash != file.sourceHash {
            changed.insert(basePath + Self.urlPath(path))
        }
        for path in oldFiles.keys where files[path] == nil {
            changed.insert(old.basePath + Self.urlPath(path))
        }
        return changed.sorted()
    }

    private static func urlPath(_ path: String) -> String {
        OutputFile(path: path, bytes: [], kind: .data).urlPath
    }
}
