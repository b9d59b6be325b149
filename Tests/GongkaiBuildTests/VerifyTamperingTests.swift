import Foundation
import Testing
@testable import GongkaiBuild
import GongkaiCore

/// Issue #31, item 3: `verify` against the build's manifest catches what the red team's deployments got past it.
@Suite struct VerifyTamperingTests {
    /// A built site and a deployed copy of it.
    private func deployed() throws -> (SiteFixture, Manifest, URL) {
        let site = try SiteFixture(smallSite)
        let result = try site.build()
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-deployed-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: site.root.appendingPathComponent("public"), to: copy)
        return (site, result.manifest, copy)
    }

    @Test func anUntouchedCopyMatchesAndItsDigestIsRecomputed() throws {
        let (_, manifest, copy) = try deployed()
        let report = ManifestVerifier(manifest: manifest).verify(copy)
        #expect(report.isIdentical)
        #expect(report.digest == manifest.digest)
    }

    /// `root -> /` (nginx follows links by default): an error, whatever it points to, and nothing is read through it.
    @Test func anAddedSymlinkIsAnError() throws {
        let (_, manifest, copy) = try deployed()
        try FileManager.default.createSymbolicLink(atPath: copy.appendingPathComponent("root").path, withDestinationPath: "/")
        try FileManager.default.createSymbolicLink(atPath: copy.appendingPathComponent("r2024/info").path, withDestinationPath: "/etc/passwd")
        let report = ManifestVerifier(manifest: manifest).verify(copy)
        #expect(!report.isIdentical)
        #expect(report.symlinks.map(\.path) == ["r2024/info", "root"])
        #expect(report.diagnostics(in: "/srv/www").map(\.description).contains("/srv/www/root:1:1: error: symbolic link to /: the build publishes none, and a web server may follow it out of the site"))
    }

    /// A listed page replaced by a link to a file with the same bytes is still not the page.
    @Test func aPageReplacedByALinkIsAnError() throws {
        let (site, manifest, copy) = try deployed()
        let page = copy.appendingPathComponent("r2024/01/index.html")
        try FileManager.default.removeItem(at: page)
        try FileManager.default.createSymbolicLink(atPath: page.path, withDestinationPath: site.root.appendingPathComponent("public/r2024/01/index.html").path)
        let report = ManifestVerifier(manifest: manifest).verify(copy)
        #expect(report.missing == ["r2024/01/index.html"])
        #expect(report.symlinks.map(\.path) == ["r2024/01/index.html"])
        #expect(report.digest != manifest.digest)
    }

    @Test func aDeletedOrEditedManifestIsAnError() throws {
        let (_, manifest, copy) = try deployed()
        let file = copy.appendingPathComponent("manifest.json")
        let original = try Data(contentsOf: file)
        try Data(original + Data(" ".utf8)).write(to: file)
        #expect(ManifestVerifier(manifest: manifest).verify(copy).manifestProblem?.description == "manifest.json is not the build's manifest: it was edited or replaced")
        try FileManager.default.removeItem(at: file)
        let report = ManifestVerifier(manifest: manifest).verify(copy)
        #expect(report.manifestProblem?.description.hasPrefix("manifest.json is missing") == true)
        #expect(!report.isIdentical)
    }

    /// A page edited together with its hash (and the digest) in the deployed manifest: against the build's manifest,
    /// both the page and the manifest differ, and the digest recomputed from the files is not the build's.
    @Test func aPageEditedWithItsHashInTheDeployedManifestIsCaught() throws {
        let (_, manifest, copy) = try deployed()
        let page = "r2024/01/index.html"
        let edited = Array("<html>篡改</html>\n".utf8)
        try Data(edited).write(to: copy.appendingPathComponent(page))
        var forged = manifest
        let i = try #require(forged.files.firstIndex { $0.path == page })
        forged.files[i].sha256 = Manifest.sha256(edited)
        forged.files[i].size = edited.count
        forged.digest = Manifest.digest(of: forged.files)
        try Data(forged.json()).write(to: copy.appendingPathComponent("manifest.json"))
        // What verify did before: the deployed manifest agrees with the deployed files.
        #expect(ManifestVerifier(manifest: forged).verify(copy).isIdentical)
        let report = ManifestVerifier(manifest: manifest).verify(copy)
        #expect(report.changed == [page])
        #expect(report.manifestProblem != nil)
        #expect(report.digest == forged.digest && report.digest != manifest.digest)
        // With the digest kept on the build side, the forged manifest is refused.
        #expect(throws: DiagnosticError.self) { try ManifestVerifier.load(deployedIn: copy, digest: manifest.digest) }
    }

    @Test func extraFoldersAndFilesAreErrors() throws {
        let (_, manifest, copy) = try deployed()
        try FileManager.default.createDirectory(at: copy.appendingPathComponent("backup/old"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: copy.appendingPathComponent("r2024/empty"), withIntermediateDirectories: true)
        try Data("<?php".utf8).write(to: copy.appendingPathComponent("backup/old/shell.php"))
        let report = ManifestVerifier(manifest: manifest).verify(copy)
        #expect(report.extraFolders == ["backup", "r2024/empty"])
        #expect(report.extra == ["backup/old/shell.php"])
    }

    /// A manifest edited by hand is not a manifest to verify against.
    @Test func anEditedBuildManifestIsRefused() throws {
        let (site, _, _) = try deployed()
        let url = site.root.appendingPathComponent("public/manifest.json")
        let text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        // A SHA-256 changed (the digest covers it; a size or title it does not: see the README), then the layout.
        let sha = try #require(text.range(of: "\"sha256\" : \""))
        var edited = text
        edited.replaceSubrange(sha.upperBound..<text.index(sha.upperBound, offsetBy: 1), with: text[sha.upperBound] == "0" ? "1" : "0")
        try Data(edited.utf8).write(to: url)
        #expect(throws: DiagnosticError.self) { try ManifestVerifier.load(url) }
        try Data(text.replacingOccurrences(of: "\n    ", with: "\n  ").utf8).write(to: url)
        #expect(throws: DiagnosticError.self) { try ManifestVerifier.load(url) }
    }
}
