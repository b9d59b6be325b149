import ArgumentParser
import Foundation

/// The `--root` option shared by the commands that work on a site.
struct SiteRootOption: ParsableArguments {
    @Option(name: [.customShort("r"), .long], help: CLIText.siteRootHelp.help)
    var root: String = "."

    /// The root as a file URL.
    var url: URL { URL(fileURLWithPath: root, isDirectory: true).standardizedFileURL }
}
