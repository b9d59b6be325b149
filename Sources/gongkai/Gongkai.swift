import ArgumentParser
import GongkaiCore

/// The `gongkai` command: a static site generator for government information disclosure.
@main
struct Gongkai: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gongkai",
        abstract: CLIText.gongkaiAbstract.text(),
        discussion: CLIText.gongkaiDiscussion.text(),
        version: GongkaiVersion.current,
        subcommands: [
            BuildCommand.self,
            CheckCommand.self,
            InitCommand.self,
            ImportCommand.self,
            RenderCommand.self,
            ServeCommand.self,
            VerifyCommand.self,
        ]
    )

    /// Runs the command line without the global `--lang` option, which `userLanguage` has already read.
    static func main() async {
        await main(LanguageArgument.removing(from: Array(CommandLine.arguments.dropFirst())))
    }
}
