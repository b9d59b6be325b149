import Foundation
import GongkaiCore
#if canImport(Glibc)
import Glibc
#endif

/// A Markdown body left on disk when its file was loaded (`SiteLoader(deferBodies:)`), read again when it is
/// rendered, so that a build never holds every source at once. The file must still be the one loaded: same device,
/// inode, size and modification time, or reading it is an error asking for another build (the site changed while
/// it was being built).
public struct DeferredBody: Sendable, Hashable {
    /// The file's path on disk.
    let path: String
    /// Where the body starts in the file's decoded text (UTF-8 bytes).
    let offset: Int
    /// The file as it was loaded.
    let fingerprint: FileFingerprint

    /// The body from the file read again (`displayPath` names it in the error), as the renderer takes it: the
    /// file's own bytes when they are its decoded text's (`SourceFile.isDecodedText`), so that no string is made of
    /// them; its text otherwise.
    ///
    /// The bytes need no UTF-8 check: the loader checked this same state of the file (its fingerprint), all of it.
    func body(displayPath: String) throws(DiagnosticError) -> MarkdownBody {
        let bytes = try readAgain(displayPath: displayPath)
        if SourceFile.isDecodedText(bytes) {
            return .utf8(bytes, start: min(offset, bytes.count))
        }
        return .text(try Self.text(of: bytes, from: offset, displayPath: displayPath))
    }

    /// The file's bytes, when it is still in the state it was loaded in.
    private func readAgain(displayPath: String) throws(DiagnosticError) -> [UInt8] {
        var now: FileFingerprint?
        guard let bytes = FileBytes.read(path, fingerprint: &now), now == fingerprint else {
            throw DiagnosticError([.error(BuildText.fileChangedDuringBuild.message,
                                          at: SourceLocation(path: displayPath, line: 1, column: 1))])
        }
        return bytes
    }

    /// The decoded text of `bytes` from `offset` (in the decoded text's UTF-8 bytes).
    private static func text(of bytes: [UInt8], from offset: Int, displayPath: String) throws(DiagnosticError) -> String {
        let text = try SourceFile.decode(bytes: bytes, displayPath: displayPath).text
        guard offset > 0 else { return text }
        // A line start, so a character boundary: the substring is copied without being checked as UTF-8 again.
        let utf8 = text.utf8
        guard let start = utf8.index(utf8.startIndex, offsetBy: offset, limitedBy: utf8.endIndex) else { return "" }
        return String(text[start...])
    }
}

/// What tells one state of a file from another without reading it: device, inode, size, modification time.
struct FileFingerprint: Sendable, Hashable {
    var device: UInt64
    var inode: UInt64
    var size: Int64
    var modifiedSeconds: Int
    var modifiedNanoseconds: Int

    init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = Int64(info.st_size)
        modifiedSeconds = Int(info.st_mtim.tv_sec)
        modifiedNanoseconds = Int(info.st_mtim.tv_nsec)
    }
}
