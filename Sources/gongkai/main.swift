import Markdown
import Foundation
let data = FileHandle.standardInput.readDataToEndOfFile()
print(MarkdownRenderer().render(String(decoding: data, as: UTF8.self)).html, terminator: "")
