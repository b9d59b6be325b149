import Foundation
import GongkaiBuild
import GongkaiCore
import Hummingbird

/// One good build as the preview server serves it: the build's folder and, by output path, each file's hash (from
/// the build's manifest). Never changed: a rebuild makes a new snapshot and swaps it in whole.
///
/// A request is answered by looking its path up here and only then reading that one file from the folder
/// (`SiteFolder`, which follows no symbolic link): a path the build did not make is never read, so no request can
/// reach a file outside the built site, nor one someone else put into the folder.
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
    /// Where the files are (nil before the first good build).
    let folder: SiteFolder?
    /// Files by output path (`example-2025/01/index.html`), as the last whole build made them.
    private let base: [String: ServedFile]
    /// What incremental builds changed since (nil: removed). Kept apart so that an edit does not copy the whole
    /// site's table; folded into `base` once it grows.
    private let overlay: [String: ServedFile?]
    /// Number of files.
    let fileCount: Int

    /// No site (before the first good build).
    init(basePath: String) {
        self.init(basePath: basePath, folder: nil, base: [:], overlay: [:], pages: 0, fileCount: 0)
    }

    /// The snapshot of a build written into `folder`, as its manifest lists it (`manifest.json` included).
    ///
    /// Static files whose source under `content/` or `theme/assets/` is a symbolic link leading out of the site
    /// folder are left out (the build follows links; the preview never serves what lies outside the site).
    init(manifest: Manifest, folder: URL, root: URL) {
        let files = Self.served(manifest.files, guardrail: SymlinkGuard(root: root))
        var table: [String: ServedFile] = [:]
        table.reserveCapacity(files.count + 1)
        for file in files { table[file.path] = file }
        table["manifest.json"] = Self.manifestFile(manifest)
        self.init(basePath: Self.basePath(of: manifest), folder: SiteFolder(path: folder.path), base: table, overlay: [:],
                  pages: table.keys.reduce(0) { $0 + ($1.hasSuffix(".html") ? 1 : 0) }, fileCount: table.count)
    }

    private init(basePath: String, folder: SiteFolder?, base: [String: ServedFile], overlay: [String: ServedFile?], pages: Int,
                 fileCount: Int) {
        self.basePath = basePath
        self.folder = folder
        self.base = base
        self.overlay = overlay
        self.pages = pages
        self.fileCount = fileCount
    }

    /// The files of manifest `entries` that may be served (the symbolic-link guard applied to static files).
    static func served(_ entries: [Manifest.Entry], guardrail: SymlinkGuard) -> [ServedFile] {
        entries.compactMap { entry in
            if entry.kind == PageKind.asset.rawValue && guardrail.leadsOutside(outputPath: entry.path) { return nil }
            return ServedFile(path: entry.path, sourceHash: entry.sha256)
        }
    }

    /// `manifest.json` itself (which its own entries do not list): tagged by the manifest's digest, which changes
    /// whenever an entry's file or path does (the base path, the one other input of its URLs, is the snapshot's).
    static func manifestFile(_ manifest: Manifest) -> ServedFile {
        ServedFile(path: "manifest.json", sourceHash: "manifest-" + manifest.digest)
    }

    /// The base path a manifest's URLs carry (the home page's URL), `/` when it lists no home page.
    static func basePath(of manifest: Manifest) -> String {
        guard let home = manifest.entry(at: "index.html") else { return "/" }
        return home.url.hasSuffix("/") ? home.url : home.url + "/"
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

    /// This snapshot with `changed` files (new or changed, by their new hashes) and `removed` paths applied, the
    /// files now in `folder`; made from the build this snapshot shows (same base path, only content changed).
    func updating(changed: [ServedFile], removed: [String], folder: URL) -> SiteSnapshot {
        var overlay = self.overlay
        var pages = self.pages
        var count = fileCount
        for file in changed {
            if self.file(file.path) == nil {
                count += 1
                if file.isPage { pages += 1 }
            }
            overlay[file.path] = file
        }
        for path in removed where self.file(path) != nil {
            overlay[path] = .some(nil)
            count -= 1
            if path.hasSuffix(".html") { pages -= 1 }
        }
        let folder = SiteFolder(path: folder.path)
        if overlay.count > 512 {
            let folded = SiteSnapshot(basePath: basePath, folder: folder, base: base, overlay: overlay, pages: pages, fileCount: count).files
            return SiteSnapshot(basePath: basePath, folder: folder, base: folded, overlay: [:], pages: pages, fileCount: count)
        }
        return SiteSnapshot(basePath: basePath, folder: folder, base: base, overlay: overlay, pages: pages, fileCount: count)
    }

    /// The response body of `file`, read from the folder now: for a page, with the live-reload tag before
    /// `</body>` (placed as each response is made; the folder holds the build's own bytes).
    func body(of file: ServedFile) throws(SiteFolder.Failure) -> ByteBuffer {
        guard let folder else { throw SiteFolder.Failure(reason: String(cString: strerror(ENOENT))) }
        let bytes = try folder.bytes(at: file.path)
        guard file.isPage else { return ByteBuffer(bytes: bytes) }
        let place = LiveReloadScript(basePath: basePath).placement(in: bytes, pageURL: basePath + file.urlPath)
        var buffer = ByteBufferAllocator().buffer(capacity: bytes.count + place.tag.count)
        buffer.writeBytes(bytes[..<place.offset])
        buffer.writeBytes(place.tag)
        buffer.writeBytes(bytes[place.offset...])
        return buffer
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
        ServedFile(path: path, sourceHash: "").urlPath
    }
}
