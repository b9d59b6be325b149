import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing

/// Issue #31 through the real binary: `verify` against the build side, one build at a time, files kept.
@Suite struct OutputSafetyCommandTests {
    /// A new site, built, and a deployed copy of its `public/`.
    private func builtSite() throws -> (site: URL, deployed: URL) {
        let dir = try CLI.temporaryDirectory()
        let site = dir.appendingPathComponent("site")
        #expect(try CLI.run(["init", site.path]).status == 0)
        let built = try CLI.run(["build", "--root", site.path])
        #expect(built.status == 0, "\(built.stderr)")
        let deployed = dir.appendingPathComponent("deployed")
        try FileManager.default.copyItem(at: site.appendingPathComponent("public"), to: deployed)
        return (site, deployed)
    }

    private func digest(of manifest: URL) throws -> String {
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: manifest)) as? [String: Any]
        return try #require(object?["digest"] as? String)
    }

    @Test func verifyAgainstTheBuildsManifestOrDigest() throws {
        let (site, deployed) = try builtSite()
        let manifest = site.appendingPathComponent("public/manifest.json")
        let digest = try digest(of: manifest)
        let good = try CLI.run(["verify", deployed.path, "--manifest", manifest.path])
        #expect(good.status == 0, "\(good.stderr)")
        #expect(good.stdout.contains("site digest \(digest), recomputed from the files"))
        #expect(try CLI.run(["verify", deployed.path, "--digest", digest]).status == 0)
        // root -> / : nginx would follow it.
        try FileManager.default.createSymbolicLink(atPath: deployed.appendingPathComponent("root").path, withDestinationPath: "/")
        let linked = try CLI.run(["verify", deployed.path, "--manifest", manifest.path])
        #expect(linked.status == 1)
        #expect(linked.stderr.contains("\(deployed.path)/root:1:1: error: symbolic link to /"), "\(linked.stderr)")
        try FileManager.default.removeItem(at: deployed.appendingPathComponent("root"))
        // The deployed manifest deleted: an error with --manifest; nothing to check with --digest.
        let saved = try Data(contentsOf: deployed.appendingPathComponent("manifest.json"))
        try FileManager.default.removeItem(at: deployed.appendingPathComponent("manifest.json"))
        let noManifest = try CLI.run(["verify", deployed.path, "--manifest", manifest.path])
        #expect(noManifest.status == 1)
        #expect(noManifest.stderr.contains("\(deployed.path)/manifest.json:1:1: error: manifest.json is missing"), "\(noManifest.stderr)")
        #expect(try CLI.run(["verify", deployed.path, "--digest", digest]).status == 1)
        try saved.write(to: deployed.appendingPathComponent("manifest.json"))
        // A wrong digest.
        let wrong = try CLI.run(["verify", deployed.path, "--digest", String(repeating: "0", count: 64)])
        #expect(wrong.status == 1)
        #expect(wrong.stderr.contains("this is not the site that was built"))
        // A folder compared with its own manifest is warned about.
        let own = try CLI.run(["verify", site.appendingPathComponent("public").path, "--root", site.path])
        #expect(own.status == 0)
        #expect(own.stderr.contains("warning: this compares the folder with its own manifest"), "\(own.stderr)")
    }

    @Test func buildReportsTheFilesItKept() throws {
        let (site, _) = try builtSite()
        try Data("baidu-site-verification".utf8).write(to: site.appendingPathComponent("public/baidu_verify_x.html"))
        let again = try CLI.run(["build", "--root", site.path])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stderr.contains("public:1:1: note: kept 1 file gongkai did not make: baidu_verify_x.html"), "\(again.stderr)")
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("public/baidu_verify_x.html").path))
    }

    @Test func aWebRootIsRefused() throws {
        let (site, _) = try builtSite()
        let webroot = site.appendingPathComponent("webroot")
        try FileManager.default.createDirectory(at: webroot.appendingPathComponent("uploads"), withIntermediateDirectories: true)
        try Data("{\"name\": \"App\", \"icons\": []}".utf8).write(to: webroot.appendingPathComponent("manifest.json"))
        try Data("<?php".utf8).write(to: webroot.appendingPathComponent("index.php"))
        try Data("pdf".utf8).write(to: webroot.appendingPathComponent("uploads/a.pdf"))
        let refused = try CLI.run(["build", "--root", site.path, "--output", webroot.path])
        #expect(refused.status == 1)
        #expect(refused.stderr.hasPrefix("webroot:1:1: error: webroot/manifest.json is not a manifest gongkai wrote"), "\(refused.stderr)")
        #expect(FileManager.default.fileExists(atPath: webroot.appendingPathComponent("index.php").path))
        #expect(FileManager.default.fileExists(atPath: webroot.appendingPathComponent("uploads/a.pdf").path))
    }

    /// While another process holds the lock beside `public/`, `build` and `serve --write` say so and exit non-zero.
    @Test func oneBuildAtATime() throws {
        let (site, _) = try builtSite()
        let fd = open(site.appendingPathComponent(".public.lock").path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        #expect(fd >= 0)
        defer { close(fd) }
        #expect(flock(fd, LOCK_EX | LOCK_NB) == 0)
        let build = try CLI.run(["build", "--root", site.path])
        #expect(build.status == 1)
        #expect(build.stderr.contains("public:1:1: error: another gongkai build is writing public/ now"), "\(build.stderr)")
        let serve = try CLI.run(["serve", "--root", site.path, "--port", "0", "--write"])
        #expect(serve.status == 1)
        #expect(serve.stderr.contains("another gongkai build is writing public/ now"), "\(serve.stderr)")
        flock(fd, LOCK_UN)
        #expect(try CLI.run(["build", "--root", site.path]).status == 0)
    }
}
