import Foundation
import GongkaiCore

/// Stage 5 for a build held in memory: puts its files into `public/` with `StreamingOutput`'s rules (one writer at a
/// time; a first build goes through a temporary folder moved into place; a later build stages a whole new tree and
/// swaps it with the old one; only files the previous manifest lists are removed; a folder without a gongkai
/// manifest is refused). Runs only after every earlier stage succeeded, so a failed build never touches `public/`.
public struct OutputWriter: Sendable {
    /// What a write did.
    public struct Summary: Sendable, Hashable {
        /// Files written (new or changed).
        public var written: [String]
        /// Files removed.
        public var removed: [String]
        /// Files left as they were.
        public var unchanged: Int
        /// What the folder held that gongkai did not make (its previous manifest did not list it), kept where it
        /// was; folders end in `/`.
        public var kept: [String] = []
        /// True when the folder could not be swapped whole (it is a mount point, or on another file system than
        /// its parent), so files were replaced one by one: a build stopped then may leave old and new files mixed.
        public var replacedInPlace = false
        /// Where the previous site was kept instead of removed: a file someone else put into the folder during the
        /// build was where the build made one of its own, so it could not be carried over (nil: removed as usual).
        public var previousKeptAt: String?
    }

    /// The output folder.
    public let destination: URL

    /// Creates a writer for `destination` (usually `public/`).
    public init(destination: URL) { self.destination = destination }

    /// Writes `files` (the manifest must be among them), on all cores, holding `lock` (taken here when nil; it
    /// must be `destination`'s). A later build's new tree is staged beside the folder and swapped with it at the
    /// end, unless the folder is on another file system than its parent: then files replace the old ones one by one.
    public func write(_ files: [OutputFile], lock: OutputLock? = nil) throws(DiagnosticError) -> Summary {
        let held: OutputLock
        if let lock { held = lock } else { held = try OutputLock(destination: destination) }
        let output = try StreamingOutput(lock: held, basePath: nil)
        _ = ParallelMap.map(files) { output.put($0) }
        return try output.finish(nil)
    }

    /// Applies an incremental rebuild to a folder that a whole build of the same site already wrote (it holds
    /// `manifest.json`): writes `changed` (files the rebuild found different from the previous build, so they are
    /// not read back to compare) and removes `removed`. Used by `gongkai serve --write`, where the rebuild knows
    /// which files it touched and the rest of the folder is current. Files are replaced one by one (the manifest
    /// last), not swapped as a whole tree: a process killed during an update may leave a mix, which the next whole
    /// build (it compares every file) puts right. `lock` is `destination`'s, held by the caller (taken here when nil).
    public func update(changed: [OutputFile], removed: [String], lock: OutputLock? = nil) throws(DiagnosticError) -> Summary {
        let held: OutputLock
        if let lock { held = lock } else { held = try OutputLock(destination: destination) }
        let destination = held.destination
        let fm = FileManager.default
        guard fm.fileExists(atPath: destination.appendingPathComponent("manifest.json").path) else {
            throw StreamingOutput.fail(WriteText.noManifestForIncremental(["name": destination.lastPathComponent]), destination)
        }
        var written: [String] = []
        var unchanged = 0
        // The manifest last: until it is written, the folder's manifest still describes the files it holds.
        let ordered = changed.filter { $0.path != "manifest.json" } + changed.filter { $0.path == "manifest.json" }
        for file in ordered {
            let url = destination.appendingPathComponent(file.path)
            do {
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                if try StreamingOutput.replace(file, at: url.path, mayExist: false) { written.append(file.path) } else { unchanged += 1 }
            } catch {
                throw StreamingOutput.fail(WriteText.cannotWriteFile(["path": file.path, "reason": WriteText.reason(error)]), destination)
            }
        }
        for path in removed {
            let url = destination.appendingPathComponent(path)
            guard fm.fileExists(atPath: url.path) else { continue }
            do { try fm.removeItem(at: url) } catch {
                throw StreamingOutput.fail(WriteText.cannotRemoveFile(["path": path, "reason": WriteText.reason(error)]), destination)
            }
            // Folders the removal left empty go too (never the output folder itself).
            FileTree.removeEmptyFolders(above: path, in: destination.path)
        }
        return Summary(written: written.sorted(), removed: removed.sorted(), unchanged: unchanged)
    }
}
