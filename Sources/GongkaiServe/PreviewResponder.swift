import GongkaiCore
import HTTPTypes
import Hummingbird

/// Answers every request from the current snapshot: GET and HEAD only, decoded and checked paths, `index.html`
/// for folders (redirecting to the trailing slash), ETag and `If-None-Match`, the site's own 404 page, and the
/// reserved live-reload endpoints under `<base>__gongkai/`.
struct PreviewResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    /// What is served.
    let state: SiteState
    /// The open tabs' event streams.
    let hub: ReloadHub
    /// The language of the overlay and the failure page.
    var language: Language = .english

    private static let noSniff = HTTPField.Name("X-Content-Type-Options")

    func respond(to request: Request, context: Context) async throws -> Response {
        let isHead = request.method == .head
        guard request.method == .get || isHead else {
            var response = Self.text(.methodNotAllowed, "405 Method Not Allowed: only GET and HEAD\n", head: isHead)
            response.headers[.allow] = "GET, HEAD"
            return response
        }
        let target: RequestTarget
        do {
            target = try RequestTarget(raw: request.head.path ?? "/")
        } catch {
            switch error {
            case .badRequest(let reason): return Self.text(.badRequest, "400 Bad Request: \(reason)\n", head: isHead)
            }
        }
        if target.path.hasSuffix(LiveReloadScript.eventsSuffix) { return await events(head: isHead) }
        if target.path.hasSuffix(LiveReloadScript.scriptSuffix) {
            return Self.send(ByteBuffer(string: LiveReloadScript.source), contentType: "text/javascript; charset=utf-8",
                             etag: "\"gongkai-live-2\"", request: request, head: isHead)
        }

        let current = state.current
        let snapshot = current.snapshot
        if snapshot.isEmpty {
            return Self.failurePage(current.failure ?? [], basePath: snapshot.basePath, language: language, head: isHead)
        }
        let base = snapshot.basePath
        guard target.path.hasPrefix(base) else {
            if target.path == "/" || target.path + "/" == base { return Self.redirect(to: base, query: target.query, head: isHead) }
            return notFound(snapshot, head: isHead)
        }
        switch snapshot.lookup(String(target.path.dropFirst(base.count))) {
        case .file(let file):
            return serve(file, from: snapshot, request: request, head: isHead)
        case .addSlash:
            return Self.redirect(to: target.rawPath + "/", query: target.query, head: isHead)
        case .notFound:
            return notFound(snapshot, head: isHead)
        }
    }

    /// The server-sent event stream: the current state at once, then every event until the tab or server goes.
    private func events(head: Bool) async -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/event-stream; charset=utf-8"
        headers[.cacheControl] = "no-store"
        if head { return Response(status: .ok, headers: headers) }
        let stream = await hub.subscribe()
        let language = self.language
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            try await writer.write(ByteBuffer(string: "retry: 1000\n\n"))
            for await event in stream {
                try await writer.write(ByteBuffer(string: event.serverSentEvent(language)))
            }
            try await writer.finish(nil)
        })
    }

    /// A file of the build with its validators; 304 when the client's copy is current (the file is then not read).
    private func serve(_ file: ServedFile, from snapshot: SiteSnapshot, request: Request, head: Bool) -> Response {
        if let tags = request.headers[.ifNoneMatch], Self.matches(tags, file.etag) {
            var headers = HTTPFields()
            headers[.eTag] = file.etag
            headers[.cacheControl] = "no-cache"
            return Response(status: .notModified, headers: headers)
        }
        do {
            return Self.send(try snapshot.body(of: file), contentType: file.contentType, etag: file.etag, request: request, head: head)
        } catch {
            // A whole build may have swapped the folder's tree since the snapshot was taken: once more, as served now.
            let now = state.current.snapshot
            if let again = now.file(file.path), let body = try? now.body(of: again) {
                return Self.send(body, contentType: again.contentType, etag: again.etag, request: request, head: head)
            }
            return unreadable(file, snapshot: snapshot, reason: error.reason, head: head)
        }
    }

    /// `body` with its validators; 304 when the client's copy is current.
    private static func send(_ body: ByteBuffer, contentType: String, etag: String, request: Request, head: Bool) -> Response {
        var headers = HTTPFields()
        headers[.eTag] = etag
        headers[.cacheControl] = "no-cache"
        if let tags = request.headers[.ifNoneMatch], Self.matches(tags, etag) {
            return Response(status: .notModified, headers: headers)
        }
        headers[.contentType] = contentType
        headers[.contentLength] = String(body.readableBytes)
        if let noSniff { headers[noSniff] = "nosniff" }
        return Response(status: .ok, headers: headers, body: head ? ResponseBody() : ResponseBody(byteBuffer: body))
    }

    /// A listed file that cannot be read from the built folder (removed or changed by hand since the build): 500,
    /// saying which file and that saving any file builds the site again.
    private func unreadable(_ file: ServedFile, snapshot: SiteSnapshot, reason: String, head: Bool) -> Response {
        let text = ServeText.cannotReadBuilt(["path": file.path, "folder": snapshot.folder?.path ?? "", "reason": reason]).text(language)
        return Self.text(.internalServerError, "500 Internal Server Error: \(text)\n", head: head)
    }

    /// True when `If-None-Match` (a list of tags or `*`) names `etag`; compared weakly, as RFC 9110 asks.
    static func matches(_ header: String, _ etag: String) -> Bool {
        let strip: (Substring) -> Substring = { $0.hasPrefix("W/") ? $0.dropFirst(2) : $0 }
        let wanted = strip(Substring(etag))
        for tag in header.split(separator: ",") {
            let tag = tag.trimmingCharacters(in: .whitespaces)
            if tag == "*" || strip(Substring(tag)) == wanted { return true }
        }
        return false
    }

    private func notFound(_ snapshot: SiteSnapshot, head: Bool) -> Response {
        guard let page = snapshot.notFoundPage, let body = try? snapshot.body(of: page) else {
            return Self.text(.notFound, "404 Not Found\n", head: head)
        }
        var headers = HTTPFields()
        headers[.contentType] = page.contentType
        headers[.cacheControl] = "no-store"
        headers[.contentLength] = String(body.readableBytes)
        return Response(status: .notFound, headers: headers, body: head ? ResponseBody() : ResponseBody(byteBuffer: body))
    }

    private static func redirect(to location: String, query: String?, head: Bool) -> Response {
        var headers = HTTPFields()
        headers[.location] = location + (query.map { "?" + $0 } ?? "")
        headers[.cacheControl] = "no-cache"
        headers[.contentType] = "text/plain; charset=utf-8"
        let body = "301 Moved Permanently: \(location)\n"
        headers[.contentLength] = String(body.utf8.count)
        return Response(status: .movedPermanently, headers: headers, body: head ? ResponseBody() : ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }

    private static func text(_ status: HTTPResponse.Status, _ body: String, head: Bool) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/plain; charset=utf-8"
        headers[.cacheControl] = "no-store"
        headers[.contentLength] = String(body.utf8.count)
        return Response(status: status, headers: headers, body: head ? ResponseBody() : ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }

    /// Before the first good build: the diagnostics on a plain page that reloads itself once the build is fixed.
    private static func failurePage(_ diagnostics: [Diagnostic], basePath: String, language: Language, head: Bool) -> Response {
        let items = diagnostics.map { "<li>\(LiveReloadScript.escape($0.line(language)))</li>" }.joined(separator: "\n")
        let title = LiveReloadScript.escape(ServeText.failurePageTitle.message.text(language))
        let text = LiveReloadScript.escape(ServeText.failurePageText.message.text(language))
        let html = """
        <!DOCTYPE html>
        <html lang="\(language == .chinese ? "zh-CN" : "en")"><head><meta charset="utf-8"><title>\(title)</title></head>
        <body><h1>\(title)</h1><p>\(text)</p>
        <ul>\(items)</ul>
        </body></html>
        """
        let bytes = LiveReloadScript(basePath: basePath).inject(into: Array(html.utf8), pageURL: "")
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "no-store"
        headers[.contentLength] = String(bytes.count)
        return Response(status: .internalServerError, headers: headers, body: head ? ResponseBody() : ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
