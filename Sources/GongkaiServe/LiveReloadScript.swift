import GongkaiCore
/// The live-reload client: a small script served at `<base>__gongkai/live.js` and a `<script>` tag added before
/// `</body>` of every HTML page, only by the preview server (the build output never contains it).
///
/// The script listens to `<base>__gongkai/events` (server-sent events). `reload` carries the URLs whose output
/// changed: a tab reloads when its own page is among them or a style sheet, script, font or image changed.
/// `build-error` shows an overlay with every diagnostic as `path:line:col: error: message` (set as text, never as
/// HTML), under a banner, all in the serve process's language (the event carries the words, `ServeText`);
/// `build-ok` removes it. The first event after connecting is the current state, so a tab opened while the
/// build is broken shows the overlay at once.
struct LiveReloadScript: Sendable {
    /// The reserved folder under the site's base path.
    static let folder = "__gongkai/"
    /// The events endpoint's last path segments.
    static let eventsSuffix = "/__gongkai/events"
    /// The script's last path segments.
    static let scriptSuffix = "/__gongkai/live.js"

    /// The site's base path (`/` or `/fzzfjs/`).
    let basePath: String

    /// The `<script>` tag for the page at `pageURL` (the decoded URL path, e.g. `/fzzfjs/example-2025/01/`).
    func tag(pageURL: String) -> String {
        let src = Self.escape(basePath + Self.folder + "live.js")
        let events = Self.escape(basePath + Self.folder + "events")
        return "<script src=\"\(src)\" data-events=\"\(events)\" data-page=\"\(Self.escape(pageURL))\" defer></script>\n"
    }

    /// `html` with the tag inserted before the last `</body>` (or appended when there is none).
    func inject(into html: [UInt8], pageURL: String) -> [UInt8] {
        let place = placement(in: html, pageURL: pageURL)
        return Array(html[..<place.offset]) + place.tag + Array(html[place.offset...])
    }

    /// The live-reload tag of a page and where it goes.
    struct Placement: Sendable {
        /// The tag's bytes.
        let tag: [UInt8]
        /// The offset in the page's bytes it goes in at.
        let offset: Int
    }

    /// The tag `inject` puts into `html`, and the offset it goes in at: before the last `</body` (any case), or at
    /// the end.
    func placement(in html: [UInt8], pageURL: String) -> Placement {
        let tag = Array(tag(pageURL: pageURL).utf8)
        let needle = Array("</body".utf8)
        var index = html.count - needle.count
        while index >= 0 {
            if html[index] == UInt8(ascii: "<"), Self.matches(html, at: index, needle) {
                return Placement(tag: tag, offset: index)
            }
            index -= 1
        }
        return Placement(tag: tag, offset: html.count)
    }

    private static func matches(_ bytes: [UInt8], at index: Int, _ needle: [UInt8]) -> Bool {
        for (offset, expected) in needle.enumerated() {
            var byte = bytes[index + offset]
            if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") { byte += 32 }
            if byte != expected { return false }
        }
        return true
    }

    /// `text` escaped for HTML text and attribute values.
    static func escape(_ text: String) -> String { TextEscaping.html(text) }

    /// The client script.
    static let source = #"""
    (function () {
      "use strict";
      var tag = document.currentScript;
      var page = (tag && tag.getAttribute("data-page")) || location.pathname;
      var endpoint = (tag && tag.getAttribute("data-events")) || "/__gongkai/events";
      var overlay = null;
      function here() {
        var path = location.pathname;
        try { path = decodeURI(path); } catch (e) {}
        return path.replace(/index\.html$/, "");
      }
      function clear() {
        if (overlay && overlay.parentNode) { overlay.parentNode.removeChild(overlay); }
        overlay = null;
      }
      function show(data) {
        clear();
        overlay = document.createElement("div");
        overlay.id = "gongkai-build-error";
        overlay.setAttribute("role", "alert");
        if (data.language) { overlay.setAttribute("lang", data.language === "zh" ? "zh-CN" : "en"); }
        overlay.style.cssText = "position:fixed;left:0;right:0;top:0;max-height:100%;overflow:auto;z-index:2147483647;" +
          "box-sizing:border-box;padding:16px 20px;background:#2b0d0d;color:#fff;border-bottom:4px solid #e5484d;" +
          "font:14px/1.6 ui-monospace,SFMono-Regular,Menlo,Consolas,'Noto Sans Mono CJK SC',monospace;text-align:left";
        var title = document.createElement("div");
        title.style.cssText = "font-weight:bold;color:#ff9592;margin-bottom:8px";
        title.textContent = data.title || "Build failed";
        var close = document.createElement("button");
        close.type = "button";
        close.textContent = "×";
        close.setAttribute("aria-label", data.close || "Close");
        close.style.cssText = "float:right;background:none;border:0;color:#fff;font-size:20px;cursor:pointer";
        close.onclick = clear;
        var list = document.createElement("pre");
        list.style.cssText = "margin:0;white-space:pre-wrap;word-break:break-word;font:inherit";
        list.textContent = (data.diagnostics || []).map(function (d) {
          return d.location + ": " + d.severity + ": " + d.message;
        }).join("\n");
        overlay.appendChild(close);
        overlay.appendChild(title);
        overlay.appendChild(list);
        (document.body || document.documentElement).appendChild(overlay);
      }
      function affects(paths) {
        var current = here();
        for (var i = 0; i < paths.length; i++) {
          var p = paths[i];
          if (p === page || p === current) { return true; }
          if (/\.(css|js|mjs|svg|png|jpe?g|gif|webp|avif|ico|woff2?|ttf|otf)$/i.test(p)) { return true; }
        }
        return false;
      }
      var source = new EventSource(endpoint);
      source.addEventListener("reload", function (event) {
        var data = JSON.parse(event.data);
        if (data.all || affects(data.paths || [])) { location.reload(); }
      });
      source.addEventListener("build-error", function (event) { show(JSON.parse(event.data)); });
      source.addEventListener("build-ok", function () { clear(); });
    })();

    """#
}
