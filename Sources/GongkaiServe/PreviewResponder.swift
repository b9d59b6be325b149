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
            let file = ServedFile(bytes: Array(LiveReloadScript.source.utf8), reloadTag: nil, contentType: "text/javascript; charset=utf-8",
                                  etag: "\"gongkai-live-2\"", sourceHash: "")
            return Self.serve(file, request: request, head: isHead)
        }

        let current = state.current
        let snapshot = current.snapshot
        if snapshot.isEmpty {
            return Self.failurePage(current.failure ?? [], basePath: snapshot.basePath, language: language, head: isHead)
        }
        let base = snapshot.basePath
        guard target.path.hasPrefix(base) else {
            if target.path == "/" || target.path + "/" == base { return Self.redirect(to: base, query: target.query, head: isHead) }
            return Self.notFound(snapshot, head: isHead)
        }
        switch snapshot.lookup(String(target.path.dropFirst(base.count))) {
        case .file(let file):
            return Self.serve(file, request: request, head: isHead)
        case .addSlash:
            return Self.redirect(to: target.rawPath + "/", query: target.query, head: isHead)
        case .notFound:
            return Self.notFound(snapshot, head: isHead)
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

    /// A file with its validators; 304 when the client's copy is current.
    private static func serve(_ file: ServedFile, request: Request, head: Bool, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.eTag] = file.etag
        headers[.cacheControl] = "no-cache"
        if status == .ok, let tags = request.headers[.ifNoneMatch], Self.matches(tags, file.etag) {
            return Response(status: .notModified, headers: headers)
        }
        headers[.contentType] = file.contentType
        headers[.contentLength] = String(file.count)
        if let noSniff { headers[noSniff] = "nosniff" }
        return Response(status: status, headers: headers, body: head ? ResponseBody() : ResponseBody(byteBuffer: file.body))
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

    private static func notFound(_ snapshot: SiteSnapshot, head: Bool) -> Response {
        guard let page = snapshot.notFoundPage else { return text(.notFound, "404 Not Found\n", head: head) }
        var headers = HTTPFields()
        headers[.contentType] = page.contentType
        headers[.cacheControl] = "no-store"
        headers[.contentLength] = String(page.count)
        return Response(status: .notFound, headers: headers, body: head ? ResponseBody() : ResponseBody(byteBuffer: page.body))
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
