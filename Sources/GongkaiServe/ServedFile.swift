import Hummingbird

/// One file as the preview server sends it: the bytes the build produced (the same array the build result holds, not
/// a copy), for HTML pages the live-reload tag to insert, its media type and a strong entity tag.
struct ServedFile: Sendable {
    /// The bytes the build produced.
    let bytes: [UInt8]
    /// For pages, the live-reload tag and the offset it goes in at (before `</body>`); nil for other files.
    let reloadTag: ReloadTag?
    /// `Content-Type`.
    let contentType: String
    /// `ETag`, quoted.
    let etag: String
    /// SHA-256 of the bytes the build produced (before the live-reload tag), to tell which URLs changed.
    let sourceHash: String

    /// The live-reload tag of a page and where it goes.
    struct ReloadTag: Sendable {
        let tag: [UInt8]
        let offset: Int
    }

    /// Number of bytes sent.
    var count: Int { bytes.count + (reloadTag?.tag.count ?? 0) }

    /// The response body: the bytes, with the live-reload tag in place for a page. Made per response, so that the
    /// server holds each file once (a whole 10,000-page site is about 330 MB).
    var body: ByteBuffer {
        var buffer = ByteBufferAllocator().buffer(capacity: count)
        if let reloadTag {
            buffer.writeBytes(bytes[..<reloadTag.offset])
            buffer.writeBytes(reloadTag.tag)
            buffer.writeBytes(bytes[reloadTag.offset...])
        } else {
            buffer.writeBytes(bytes)
        }
        return buffer
    }
}
