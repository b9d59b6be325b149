import ArgumentParser
import Foundation
import GongkaiBuild
import GongkaiCore

/// `gongkai verify DIR`: proves a deployed copy is exactly what was published, against a manifest or a digest kept
/// on the build side.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: CLIText.verifyAbstract.text(),
        discussion: CLIText.verifyDiscussion.text()
    )

    @Argument(help: CLIText.verifyDirectoryHelp.help)
    var directory: String

    @Option(help: CLIText.verifyManifestHelp.help)
    var manifest: String?

    @Option(help: CLIText.verifyDigestHelp.help)
    var digest: String?

    @OptionGroup var site: SiteRootOption

    func validate() throws {
        if manifest != nil && digest != nil { throw ValidationError(CLIText.verifyBoth.text()) }
        if let digest, digest.utf8.count != 64 || !digest.lowercased().utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }) {
            throw ValidationError(CLIText.verifyDigestInvalid.text())
        }
    }

    func run() throws {
        let dir = URL(fileURLWithPath: directory, isDirectory: true).standardizedFileURL
        let loaded: Manifest
        var notes: [Diagnostic] = []
        do {
            if let digest {
                loaded = try ManifestVerifier.load(deployedIn: dir, digest: digest)
            } else {
                let manifestURL = manifest.map { URL(fileURLWithPath: $0).standardizedFileURL } ?? site.url.appendingPathComponent("public/manifest.json")
                loaded = try ManifestVerifier.load(manifestURL)
                if manifestURL.deletingLastPathComponent().resolvingSymlinksInPath().path == dir.resolvingSymlinksInPath().path {
                    notes.append(.warning(CLIText.verifyOwnManifest.message,
                                          at: SourceLocation(path: manifestURL.path, line: 1, column: 1)))
                }
            }
        } catch {
            DiagnosticPrinter.print(error.diagnostics, language: userLanguage)
            throw ExitCode.failure
        }
        let report = ManifestVerifier(manifest: loaded).verify(dir)
        DiagnosticPrinter.print(notes + report.diagnostics(in: directory), language: userLanguage)
        if report.isIdentical {
            print(CLIText.verifyMatches.text(["directory": directory, "count": loaded.files.count, "digest": report.digest]))
        } else {
            var parts = [CLIText.verifyChanged.text(["count": report.changed.count]), CLIText.verifyMissing.text(["count": report.missing.count]),
                         CLIText.verifyExtra.text(["count": report.extra.count])]
            if !report.extraFolders.isEmpty { parts.append(CLIText.verifyExtraFolders.text(["count": report.extraFolders.count])) }
            if !report.symlinks.isEmpty { parts.append(CLIText.verifySymlinks.text(["count": report.symlinks.count])) }
            if !report.special.isEmpty { parts.append(CLIText.verifySpecial.text(["count": report.special.count])) }
            if report.manifestProblem != nil { parts.append(CLIText.verifyManifestNotBuilds.text()) }
            print(CLIText.verifyDiffers.text(["directory": directory, "parts": parts.joined(separator: userLanguage == .chinese ? "，" : ", "),
                                              "digest": report.digest, "expected": loaded.digest]))
            throw ExitCode.failure
        }
    }
}
