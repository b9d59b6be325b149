import ArgumentParser
import Foundation
import GongkaiCore
import Markdown

/// `gongkai render`: Markdown on standard input → the HTML fragment exactly as page bodies are rendered.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: CLIText.renderAbstract.text()
    )

    @Flag(help: CLIText.renderRawHTMLHelp.help)
    var allowRawHTML = false

    func run() throws {
        let data = FileHandle.standardInput.readDataToEndOfFile()
        guard let text = String(data: data, encoding: .utf8) else {
            throw ValidationError(Diagnostic.error(CLIText.renderNotUTF8.message, at: SourceLocation(path: "<stdin>", line: 1, column: 1)).line(userLanguage))
        }
        let html = MarkdownRenderer(options: MarkdownOptions(allowRawHTML: allowRawHTML)).render(text).html
        FileHandle.standardOutput.write(Data(html.utf8))
    }
}
