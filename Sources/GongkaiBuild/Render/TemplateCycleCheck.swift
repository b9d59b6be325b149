import Foundation
import GongkaiCore

/// Finds templates that include themselves, before anything is rendered (issue #31: a partial that included
/// itself crashed `build` and `check` with a stack overflow and killed a running `serve`).
///
/// Each template's partial (`{{> name}}`) and parent (`{{< name}}`) tags are the edges of a graph; any cycle in it is
/// an error at the tag that closes it, whether or not the tag sits inside a section: Mustache looks a section's name
/// up through every enclosing value, so `{{#children}}{{> partials/tree-item}}{{/children}}` can find the parent's
/// `children` again on a leaf and never end. A partial named by a value (`{{>*x}}`) could name any template, itself
/// included, and is refused too. A template that changes its tag delimiters (`{{=<% %>=}}`) may include any other
/// template (its tags cannot be listed), so a cycle through it is refused as well.
enum TemplateCycleCheck {
    /// One template's text and where it is shown.
    struct Source {
        let name: String
        let path: String
        let text: String
    }

    /// An included template: its name and where the tag is.
    private struct Edge {
        let target: String
        let location: SourceLocation
    }

    /// The errors for `sources`: dynamic partials, and one per cycle, at the tag that closes it.
    static func diagnostics(_ sources: [Source]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let names = sources.map(\.name).sorted()
        var edges: [String: [Edge]] = [:]
        for source in sources {
            var out: [Edge] = []
            // Tags come in order: lines and columns are counted on from the previous tag (linear in the text, also
            // for a template of 40,000 partial tags on one line).
            let text = source.text
            var counted = text.startIndex, line = 1, column = 1
            for (start, content) in Theme.tags(in: text) {
                let tag = content.trimmingCharacters(in: .whitespaces)
                guard let sigil = tag.first, sigil == ">" || sigil == "<" else { continue }
                let name = tag.dropFirst().trimmingCharacters(in: .whitespaces)
                for character in text[counted..<start] {
                    if character == "\n" || character == "\r\n" || character == "\r" { line += 1; column = 1 } else { column += 1 }
                }
                counted = start
                let location = SourceLocation(path: source.path, line: line, column: column)
                if name.hasPrefix("*") {
                    diagnostics.append(.error(BuildText.partialByValue(["tag": "{{\(sigil)\(name)}}", "example": "{{\(sigil) partials/name}}"]), at: location))
                    continue
                }
                out.append(Edge(target: name, location: location))
            }
            if source.text.contains("{{=") {
                let location = SourceLocation(path: source.path, line: 1, column: 1)
                out += names.filter { $0 != source.name }.map { Edge(target: $0, location: location) }
            }
            edges[source.name] = out
        }
        // Depth-first search in name order (deterministic messages); a tag leading back onto the path closes a cycle.
        var state: [String: Bool] = [:]  // false: on the current path; true: done
        var path: [String] = []
        var reported = Set<String>()
        func visit(_ name: String) {
            state[name] = false
            path.append(name)
            for edge in edges[name] ?? [] {
                switch state[edge.target] {
                case .some(false):
                    let loop = Array(path[(path.lastIndex(of: edge.target) ?? 0)...]) + [edge.target]
                    // One error for each template found including itself (fixing it may well remove the others).
                    guard reported.insert(edge.target).inserted else { continue }
                    let through = loop.map { "`\($0)`" }.joined(separator: " → ")
                    let hidden = loop.first { member in sources.first { $0.name == member }?.text.contains("{{=") == true }
                    let message: Message
                    switch (loop.count == 2, hidden) {
                    case (true, nil): message = BuildText.templateIncludesItself(["name": edge.target])
                    case (false, nil): message = BuildText.templateIncludesItselfThrough(["name": edge.target, "loop": through])
                    case (true, let changer?): message = BuildText.templateIncludesItselfHidden(["name": edge.target, "changer": changer])
                    case (false, let changer?): message = BuildText.templateIncludesItselfThroughHidden(["name": edge.target, "loop": through, "changer": changer])
                    }
                    diagnostics.append(.error(message,
                                              at: edge.location))
                case .none:
                    if edges[edge.target] != nil { visit(edge.target) }
                case .some(true):
                    continue
                }
            }
            path.removeLast()
            state[name] = true
        }
        for name in names where state[name] == nil { visit(name) }
        return diagnostics
    }
}
