import Foundation

/// Reuses Mustache's work across pages of the same shape.
///
/// Most of a build's time went to Mustache looking up names (each lookup splits the name, walks the context stack
/// and casts values to its protocols). Thousands of pages share a handful of shapes (`ContextShape`: the same keys,
/// Booleans and list lengths), so each template is rendered once per shape, with markers in place of the text
/// values (`RenderSkeleton`); every other page of that shape is its skeleton filled with its own text, escaped
/// wherever Mustache escaped the marker. The output is byte for byte what Mustache gives (tests render both ways).
///
/// Only for templates where that holds (`Theme.allowsSkeletons`): no transforms such as `{{uppercased(x)}}`, no
/// dynamic partials or parents, no changed delimiters, no pragma but `CONTENT_TYPE: TEXT`, no character from the
/// markers' block. A context holding anything but the exact types `ContextShape` walks, or more than
/// `ContextShape.maximumLeaves` text values, is rendered by Mustache directly, and so is a shape whose markers do
/// not come through whole (a dictionary printed whole, for one).
final class TemplateOutputCache: @unchecked Sendable {
    /// Shapes kept at most; further shapes are rendered directly (a theme whose every page differs in shape gains
    /// nothing from keeping them). A skeleton is about one page's size: at most a few tens of MB. The 10,000-page
    /// benchmark corpus has 84 shapes (47 of them topic pages).
    static let capacity = 1024

    private enum Entry {
        case skeleton(RenderSkeleton)
        /// The markers did not come through whole: render this shape directly.
        case direct
    }

    private let lock = NSLock()
    private var entries: [ContextShape.Key: Entry] = [:]

    /// `context` rendered with template `name` as UTF-8; nil when the library has no such template.
    func render(_ name: String, context: [String: Any], with render: ([String: Any]) -> String?) -> [UInt8]? {
        reuse(name, shape: ContextShape.of(context), marked: { ContextShape.of(context, placeholders: true) },
              direct: { render(context) }, with: render)
    }

    /// Typed values rendered with template `name` as UTF-8 (what Mustache gives for `values.mustacheValue`).
    func render(_ name: String, values: TemplateObject, with render: ([String: Any]) -> String?) -> [UInt8]? {
        reuse(name, shape: ContextShape.of(values), marked: { ContextShape.of(values, placeholders: true) },
              direct: { render(values.mustacheValue) }, with: render)
    }

    /// The output for a context of `shape` (nil: render directly), from its skeleton when there is one; `marked`
    /// gives the context's shape with markers, `direct` renders the context itself.
    private func reuse(_ name: String, shape: ContextShape?, marked makeMarked: () -> ContextShape?, direct: () -> String?,
                       with render: ([String: Any]) -> String?) -> [UInt8]? {
        guard let shape else { return direct().map { Array($0.utf8) } }
        var bytes = Array(name.utf8)
        bytes.append(0)
        bytes += shape.keyBytes
        let key = ContextShape.Key(bytes: bytes)
        switch lock.withLock({ entries[key] }) {
        case .skeleton(let skeleton)?:
            return skeleton.fill(shape.leaves)
        case .direct?:
            return direct().map { Array($0.utf8) }
        case nil:
            guard let marked = makeMarked(), let placeholders = marked.placeholderContext,
                  let output = render(placeholders) else {
                return direct().map { Array($0.utf8) }
            }
            let skeleton = RenderSkeleton(output: output, leaves: marked.leaves)
            lock.withLock {
                if entries.count < Self.capacity { entries[key] = skeleton.map(Entry.skeleton) ?? .direct }
            }
            return skeleton?.fill(shape.leaves) ?? direct().map { Array($0.utf8) }
        }
    }
}
