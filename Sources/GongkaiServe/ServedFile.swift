import Hummingbird

/// One file as the preview server sends it: the bytes (with the live-reload tag for HTML), its media type and a
/// strong entity tag.
struct ServedFile: Sendable {
    /// The response body.
    let body: ByteBuffer
    /// `Content-Type`.
    let contentType: String
    /// `ETag`, quoted.
    let etag: String
    /// SHA-256 of the bytes the build produced (before the live-reload tag), to tell which URLs changed.
    let sourceHash: String
}
