import ArgumentParser
import Foundation
import Markdown

/// `gongkai render`: Markdown on standard input → the HTML fragment exactly as page bodies are rendered.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render Markdown from standard input to HTML as page bodies are rendered."
    )

    @Flag(help: "Pass raw HTML through (as a site with allow_raw_html: true does).")
    var allowRawHTML = false

    func run() throws {
        let data = FileHandle.standardInput.readDataToEndOfFile()
        guard let text = String(data: data, encoding: .utf8) else {
            throw ValidationError("<stdin>:1:1: error: input is not valid UTF-8")
        }
        let html = MarkdownRenderer(options: MarkdownOptions(allowRawHTML: allowRawHTML)).render(text).html
        FileHandle.standardOutput.write(Data(html.utf8))
    }
}
