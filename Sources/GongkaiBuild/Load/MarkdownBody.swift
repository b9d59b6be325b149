import Markdown

/// A Markdown body on its way to the renderer: its text, or the UTF-8 bytes of its file from `start` on.
enum MarkdownBody {
    case text(String)
    case utf8([UInt8], start: Int)

    /// Rendered by `renderer`.
    func rendered(by renderer: MarkdownRenderer) -> RenderedMarkdown {
        switch self {
        case .text(let text):
            return renderer.render(text)
        case .utf8(let bytes, let start):
            return bytes.withUnsafeBufferPointer { renderer.render(utf8: UnsafeBufferPointer(rebasing: $0[start...])) }
        }
    }
}
