// Gongkai site search: exact Chinese substring search over the index in search/ (written by SearchIndexBuilder).
// No library, no server. Index files are scripts that call gongkaiSearch(name, data): fetched and parsed as JSON
// over http(s), loaded through <script> tags from file://; paths are relative, so any sub-path works.
//
// A query is split at spaces into terms; a page is a hit when every term is a substring of its normalised text.
// The index holds every character and every overlapping pair of characters of every page, except pairs with a
// space or a separator (punctuation, symbols); a term is looked up by pairs that cover its runs between separators
// (with no pair: by its characters); the postings of those keys give candidate pages, whose texts are then loaded
// and checked, so there are no false hits.
// fold/separates/normalise/fnv1a must stay identical to Sources/GongkaiSearch/SearchText.swift.
// Page texts come K to a file (meta.js's perFile): document n is entry n % K of search/d/<n / K>.js.
(function () {
  "use strict";

  // The index format this script reads (SearchIndexFile.format, written in meta.js): another one is refused with a
  // message, and `gongkai build` and `check` warn when a theme's copy of this script has another.
  var INDEX_FORMAT = 2;
  var MAX_KEYS = 6;       // keys fetched per term (evenly spread; the text check keeps results exact)
  var ALL_UP_TO = 50;     // with this many candidates or fewer, every one is checked and the count is exact
  var BATCH = 6;          // texts loaded at once: a browser opens six connections to a host, so one round
  var PAGE = BATCH;       // otherwise results are shown this many at a time, best candidates first: one round

  // ---- text rules (same as SearchText.swift) ----
  function fold(c) {
    if (c >= 0xFF01 && c <= 0xFF5E) c -= 0xFEE0;
    if (c >= 0x41 && c <= 0x5A) return c + 32;
    if (c === 0x09 || c === 0x0A || c === 0x0B || c === 0x0C || c === 0x0D || c === 0x20 ||
        c === 0xA0 || c === 0x3000 || c === 0x2028 || c === 0x2029) return 0x20;
    return c;
  }
  // Punctuation and symbols that index pairs are not made across (a fixed list, the same as the index's).
  function separates(c) {
    if (c < 0x80) return (c >= 0x21 && c <= 0x2F) || (c >= 0x3A && c <= 0x40) || (c >= 0x5B && c <= 0x60) || (c >= 0x7B && c <= 0x7E);
    return (c >= 0x2010 && c <= 0x2027) || (c >= 0x2030 && c <= 0x205E) || (c >= 0x3001 && c <= 0x3003) ||
      (c >= 0x3008 && c <= 0x3011) || (c >= 0x3014 && c <= 0x301F) || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF5F && c <= 0xFF65);
  }
  // The same rules over a whole string with native regular expressions (a cold page runs its script in the
  // interpreter, where a loop over every character of a page's text costs milliseconds): full-width forms to
  // half-width, A–Z to lower case, each run of white space to one space.
  var FULL_WIDTH = /[\uFF01-\uFF5E]/g, UPPER = /[A-Z]/g, SPACES = /[\t\n\v\f\r \u00A0\u3000\u2028\u2029]+/g;
  function shiftDown(c) { return String.fromCharCode(c.charCodeAt(0) - 0xFEE0); }
  function lower(c) { return String.fromCharCode(c.charCodeAt(0) + 32); }
  // Normalised text, and `at(i)`: where its UTF-16 unit i comes from in `s` (only white-space runs move text).
  function normalise(s) {
    var folded = s.replace(FULL_WIDTH, shiftDown).replace(UPPER, lower), parts = [], from = [], shift = [];
    var removed = 0, pos = 0, m;
    SPACES.lastIndex = 0;
    while ((m = SPACES.exec(folded))) {
      parts.push(folded.slice(pos, m.index), " ");
      pos = m.index + m[0].length;
      if (m[0].length > 1) {
        removed += m[0].length - 1;
        from.push(m.index - removed + m[0].length); // first normalised unit after the run
        shift.push(removed);
      }
    }
    parts.push(folded.slice(pos));
    return {
      text: parts.join(""),
      at: function (i) {
        var lo = 0, hi = from.length - 1, found = -1;
        while (lo <= hi) { var mid = (lo + hi) >> 1; if (from[mid] <= i) { found = mid; lo = mid + 1; } else hi = mid - 1; }
        return i + (found < 0 ? 0 : shift[found]);
      }
    };
  }
  function fnv1a(s) {
    var h = 0x811C9DC5;
    function add(b) { h ^= b; h = Math.imul(h, 0x01000193) >>> 0; }
    for (var i = 0; i < s.length;) {
      var c = s.codePointAt(i);
      i += c > 0xFFFF ? 2 : 1;
      if (c < 0x80) add(c);
      else if (c < 0x800) { add(0xC0 | c >> 6); add(0x80 | c & 63); }
      else if (c < 0x10000) { add(0xE0 | c >> 12); add(0x80 | c >> 6 & 63); add(0x80 | c & 63); }
      else { add(0xF0 | c >> 18); add(0x80 | c >> 12 & 63); add(0x80 | c >> 6 & 63); add(0x80 | c & 63); }
    }
    return h >>> 0;
  }
  function terms(query) {
    var seen = {}, out = [];
    normalise(query).text.split(" ").forEach(function (t) { if (t && !seen[t]) { seen[t] = 1; out.push(t); } });
    return out;
  }
  // Keys looked up for a term: in each run of characters between separators, every other pair from the start and
  // the last pair, so that the pairs cover the run (at most MAX_KEYS of them, evenly spread). A term without such a
  // pair is looked up by its characters (those that are not separators, if it has any). Every page holding the term
  // holds these keys; the text check drops pages that hold them apart. Fewer keys, fewer shards to load.
  function keysOf(term) {
    var cps = Array.from(term);
    if (cps.length === 1) return cps;
    var all = [], seen = {};
    function add(k) { if (!seen[k]) { seen[k] = 1; all.push(k); } }
    function addRun(run) {
      for (var i = 0; i + 1 < run.length; i += 2) add(run[i] + run[i + 1]);
      if (run.length > 1 && run.length % 2 === 1) add(run[run.length - 2] + run[run.length - 1]);
    }
    var run = [];
    cps.forEach(function (ch) {
      if (separates(ch.codePointAt(0))) { addRun(run); run = []; } else run.push(ch);
    });
    addRun(run);
    if (!all.length) {
      var words = cps.filter(function (ch) { return !separates(ch.codePointAt(0)); });
      (words.length ? words : cps).forEach(add);
    }
    if (all.length <= MAX_KEYS) return all;
    var picked = [];
    for (var j = 0; j < MAX_KEYS; j++) picked.push(all[Math.round(j * (all.length - 1) / (MAX_KEYS - 1))]);
    return picked;
  }

  // ---- loading index files ----
  var loaded = {}, loading = {};
  window.gongkaiSearch = function (name, data) { loaded[name] = data; };
  function load(base, name) {
    if (loaded[name]) return Promise.resolve(loaded[name]);
    if (!loading[name]) {
      // Over http(s) the file is fetched and its data read with JSON.parse (faster than compiling a script);
      // from file://, where fetch is refused, it loads as a script.
      if (/^https?:$/.test(location.protocol) && window.fetch) {
        loading[name] = fetch(base + "search/" + name + ".js").then(function (r) {
          if (!r.ok) throw new Error("cannot load " + r.url);
          return r.text();
        }).then(function (t) {
          loaded[name] = JSON.parse(t.slice(t.indexOf(",") + 1, t.lastIndexOf(")")));
          return loaded[name];
        });
        loading[name].catch(function () { delete loading[name]; });
        return loading[name];
      }
      loading[name] = new Promise(function (resolve, reject) {
        var s = document.createElement("script");
        s.src = base + "search/" + name + ".js";
        s.async = true;
        s.onload = function () { s.remove(); if (loaded[name]) resolve(loaded[name]); else reject(new Error(name)); };
        s.onerror = function () { s.remove(); delete loading[name]; reject(new Error("cannot load " + s.src)); };
        document.head.appendChild(s);
      });
    }
    return loading[name];
  }
  // "doc[:tf][*],…" with base-36 numbers and doc as a difference from the previous entry, into typed arrays
  // (documents ascending; tf with the title flag in bit 0). Common keys hold thousands of entries: split and parseInt
  // are native, which keeps a cold page's interpreter out of the per-character work.
  var parsed = {};
  function parsePostings(key, str) {
    if (parsed[key]) return parsed[key];
    var items = str.split(","), count = items.length, docs = new Int32Array(count), info = new Int32Array(count), doc = 0;
    for (var e = 0; e < count; e++) {
      var item = items[e], colon = item.indexOf(":"), title = item.charCodeAt(item.length - 1) === 42 ? 1 : 0;
      doc += parseInt(item, 36);
      docs[e] = doc;
      info[e] = (colon < 0 ? 1 : parseInt(item.slice(colon + 1), 36)) * 2 + title;
    }
    parsed[key] = { docs: docs, info: info, size: count };
    return parsed[key];
  }
  // Position of `doc` in the ascending list from `from` on, or -1 (galloping, then binary search).
  function seek(list, doc, from) {
    var lo = from, step = 1, hi = from;
    while (hi < list.size && list.docs[hi] < doc) { lo = hi + 1; hi += step; step *= 2; }
    if (hi > list.size - 1) hi = list.size - 1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1, d = list.docs[mid];
      if (d === doc) return mid;
      if (d < doc) lo = mid + 1; else hi = mid - 1;
    }
    return -1 - lo;
  }

  // ---- the engine ----
  function Engine(base, shards) { this.base = base; this.shards = shards; this.docs = {}; this.metaLoad = null; }
  // meta.js, once its format is known to be this script's (else rejected with an error carrying `format`).
  Engine.prototype.meta = function () {
    var self = this;
    if (!this.metaLoad) {
      this.metaLoad = load(this.base, "meta").then(function (meta) {
        if (meta.version !== INDEX_FORMAT) { var e = new Error("format " + meta.version); e.format = meta.version === undefined ? "?" : meta.version; throw e; }
        return meta;
      });
      this.metaLoad.catch(function () { self.metaLoad = null; });
    }
    return this.metaLoad;
  };
  // Candidate documents for the terms, best first: title holds every key, then most occurrences.
  Engine.prototype.candidates = function (ts) {
    var self = this;
    // The page may carry the shard count (data-shards): the shards then load alongside meta.js, not after it.
    var meta = this.shards ? Promise.resolve({ shards: this.shards }) : this.meta();
    return meta.then(function (meta) {
      var keys = [];
      ts.forEach(function (t) { keysOf(t).forEach(function (k) { if (keys.indexOf(k) < 0) keys.push(k); }); });
      var names = keys.map(function (k) {
        var hex = (fnv1a(k) & (meta.shards - 1)).toString(16), width = (meta.shards - 1).toString(16).length;
        return "p/" + "0".repeat(width - hex.length) + hex;
      });
      var unique = names.filter(function (n, i) { return names.indexOf(n) === i; });
      return Promise.all(unique.map(function (n) {
        return load(self.base, n).catch(function () { return {}; }); // a shard with no keys is not written
      })).then(function () {
        var lists = [];
        for (var i = 0; i < keys.length; i++) {
          var p = (loaded[names[i]] || {})[keys[i]];
          if (!p) return [];
          lists.push(parsePostings(keys[i], p));
        }
        lists.sort(function (a, b) { return a.size - b.size; });
        // Walk the shortest list; find each of its documents in the others (all ascending).
        var out = [], at = lists.map(function () { return 0; });
        for (var x = 0; x < lists[0].size; x++) {
          var doc = lists[0].docs[x], info = lists[0].info[x], tf = info >> 1, title = info & 1, found = true;
          for (var j = 1; j < lists.length && found; j++) {
            var pos = seek(lists[j], doc, at[j]);
            if (pos < 0) { at[j] = -1 - pos; found = false; break; }
            at[j] = pos + 1;
            tf = Math.min(tf, lists[j].info[pos] >> 1);
            title = title & lists[j].info[pos];
          }
          if (found) out.push({ doc: doc, tf: tf, title: !!title });
        }
        out.sort(function (a, b) { return (b.title - a.title) || (b.tf - a.tf) || (a.doc - b.doc); });
        return out;
      });
    });
  };
  // The document `n`, with its normalised text and where each section starts in the joined original text.
  Engine.prototype.doc = function (n) {
    var self = this;
    if (this.docs[n]) return Promise.resolve(this.docs[n]);
    return this.meta().then(function (meta) {
      var k = meta.perFile, name = "d/" + Math.floor(n / k);
      return load(self.base, name).then(function (file) {
        if (!file[n % k]) throw new Error(name + " #" + (n % k));
        return file[n % k];
      });
    }).then(function (d) {
      var starts = [], text = "";
      d.s.forEach(function (s, i) { if (i) text += "\n"; starts.push(text.length); text += s[2]; });
      self.docs[n] = { n: n, url: d.u, title: d.t, crumbs: d.b, sections: d.s, starts: starts, text: text,
        norm: normalise(text), normTitle: normalise(d.t).text };
      return self.docs[n];
    });
  };
  // A hit: the document, where the first match is, and its rank values; null when a term is not in the text.
  function verify(doc, ts) {
    var first = -1, count = 0;
    for (var i = 0; i < ts.length; i++) {
      var at = doc.norm.text.indexOf(ts[i]);
      if (at < 0) return null;
      if (first < 0 || at < first) first = at;
      for (var k = at; k >= 0; k = doc.norm.text.indexOf(ts[i], k + ts[i].length)) count++;
    }
    var inTitle = ts.every(function (t) { return doc.normTitle.indexOf(t) >= 0; });
    return { doc: doc, at: doc.norm.at(first), inTitle: inTitle, density: count / Math.max(1, doc.norm.text.length) };
  }
  function rank(a, b) { return (b.inTitle - a.inTitle) || (b.density - a.density) || (a.doc.n - b.doc.n); }
  // Checks candidates[from…] until at least `want` hits are found (or all, when `want` is Infinity), loading texts
  // one round of connections at a time; `progress(hits)` sees the ranked hits so far after each round, so the first results
  // can be shown while the next texts load.
  Engine.prototype.check = function (ts, candidates, from, want, progress) {
    var self = this, hits = [], next = from;
    function step() {
      if (next >= candidates.length || hits.length >= want) return Promise.resolve({ hits: hits, next: next });
      var batch = candidates.slice(next, next + BATCH); // a whole round: hits beyond `want` are shown too
      next += batch.length;
      return Promise.all(batch.map(function (c) { return self.doc(c.doc); })).then(function (docs) {
        docs.forEach(function (d) { var h = verify(d, ts); if (h) hits.push(h); });
        hits.sort(rank);
        if (progress && next < candidates.length && hits.length < want) progress(hits);
        return step();
      });
    }
    return step();
  };

  // ---- the page ----
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }
  // Appends `text` to `parent`, wrapping every occurrence of the terms in <mark>.
  function highlight(parent, text, ts) {
    var n = normalise(text), ranges = [];
    ts.forEach(function (t) {
      for (var k = n.text.indexOf(t); k >= 0; k = n.text.indexOf(t, k + t.length)) ranges.push([n.at(k), n.at(k + t.length - 1) + 1]);
    });
    ranges.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
    var pos = 0;
    ranges.forEach(function (r) {
      if (r[0] < pos) { if (r[1] > pos) { parent.lastChild.textContent += text.slice(pos, r[1]); pos = r[1]; } return; }
      if (r[0] > pos) parent.appendChild(document.createTextNode(text.slice(pos, r[0])));
      parent.appendChild(el("mark", null, text.slice(r[0], r[1])));
      pos = r[1];
    });
    if (pos < text.length) parent.appendChild(document.createTextNode(text.slice(pos)));
  }
  function href(app, doc, anchor) {
    var url = app.root + doc.url;
    if (app.fileLinks && (doc.url === "" || doc.url.slice(-1) === "/")) url += "index.html";
    return anchor ? url + "#" + encodeURIComponent(anchor) : url;
  }
  function renderHit(app, hit, ts) {
    var d = hit.doc, s = 0;
    while (s + 1 < d.starts.length && d.starts[s + 1] <= hit.at) s++;
    var section = d.sections[s], li = el("li", "search-result");
    var a = el("a", "search-result-link");
    a.href = href(app, d, section[0]);
    highlight(a, d.title, ts);
    li.appendChild(a);
    var path = d.crumbs.slice();
    if (section[1]) path.push(section[1]);
    if (path.length) li.appendChild(el("p", "search-result-path", path.join(" › ")));
    var line = d.text.lastIndexOf("\n", hit.at - 1) + 1, end = d.text.indexOf("\n", hit.at);
    if (end < 0) end = d.text.length;
    var from = Math.max(line, hit.at - 40), to = Math.min(end, Math.max(hit.at + 80, from + 120));
    var snippet = el("p", "search-result-snippet");
    if (from > line) snippet.appendChild(document.createTextNode("…"));
    highlight(snippet, d.text.slice(from, to), ts);
    if (to < end) snippet.appendChild(document.createTextNode("…"));
    li.appendChild(snippet);
    return li;
  }

  function App(box) {
    this.box = box;
    this.root = box.getAttribute("data-root") || "";
    this.fileLinks = /index\.html$/.test(box.getAttribute("data-home") || "");
    this.engine = new Engine(this.root, parseInt(box.getAttribute("data-shards"), 10) || 0);
    this.input = box.querySelector("input[type=search]");
    this.status = box.querySelector(".search-status");
    this.list = box.querySelector(".search-results");
    this.more = box.querySelector(".search-more");
    this.scope = box.querySelector("select[name=r]");
    this.serial = 0;
  }
  // The documents of the report chosen in 搜索范围 (`data-docs="first-last"`, as the index numbers them), or null.
  App.prototype.range = function () {
    var option = this.scope && this.scope.selectedIndex > 0 ? this.scope.options[this.scope.selectedIndex] : null;
    var docs = option ? /^(\d+)-(\d+)$/.exec(option.getAttribute("data-docs") || "") : null;
    return docs ? { first: +docs[1], last: +docs[2], name: option.textContent } : null;
  };
  App.prototype.run = function (query) {
    var app = this, ts = terms(query), serial = ++this.serial, started = performance.now();
    this.list.textContent = "";
    this.more.hidden = true;
    if (!ts.length) { this.status.textContent = ""; return Promise.resolve(); }
    this.box.setAttribute("aria-busy", "true");
    var label = "“" + query.trim() + "”", range = this.range();
    if (range) label += "（" + range.name + "）";
    // meta.js loads alongside the shards; its format is checked before any text is.
    return Promise.all([this.engine.meta(), this.engine.candidates(ts)]).then(function (loaded) {
      var cands = loaded[1];
      if (range) cands = cands.filter(function (c) { return c.doc >= range.first && c.doc <= range.last; });
      var all = cands.length <= ALL_UP_TO, first = null;
      // Results already on the page are replaced by the ranked list so far after each round of texts.
      function early(hits) {
        if (serial !== app.serial) return;
        app.replace(hits, ts);
        if (first === null && hits.length) first = performance.now() - started;
      }
      return app.engine.check(ts, cands, 0, all ? Infinity : PAGE, early).then(function (r) {
        if (serial !== app.serial) return;
        app.replace(r.hits, ts);
        var ms = performance.now() - started;
        app.box.setAttribute("data-ms", ms.toFixed(1));
        app.box.setAttribute("data-first-ms", (first === null ? ms : first).toFixed(1));
        var shown = r.hits.length;
        function announce(next) {
          if (next >= cands.length) {
            app.status.textContent = shown ? label + "：找到 " + shown + " 条结果" : "没有找到包含" + label + "的内容";
          } else {
            app.status.textContent = label + "：已显示 " + shown + " 条结果，按相关程度排列，还可能有更多";
          }
        }
        announce(r.next);
        var next = r.next;
        app.more.onclick = function () {
          app.more.disabled = true;
          app.engine.check(ts, cands, next, PAGE).then(function (r2) {
            if (serial !== app.serial) return;
            var firstNew = app.list.children.length;
            app.show(r2.hits, ts);
            shown += r2.hits.length;
            next = r2.next;
            app.more.disabled = false;
            app.more.hidden = next >= cands.length;
            announce(next);
            var link = app.list.children[firstNew] && app.list.children[firstNew].querySelector("a");
            if (link) link.focus();
          });
        };
        app.more.hidden = next >= cands.length;
      });
    }).catch(function (e) {
      if (serial !== app.serial) return;
      app.status.textContent = e.format !== undefined
        ? "搜索脚本（assets/search.js）与搜索索引的格式版本不一致（脚本为第 " + INDEX_FORMAT + " 版，索引为第 " + e.format +
          " 版），无法搜索。请网站维护人员从新建的站点（gongkai init）复制 theme/assets/search.js，替换本站主题中的同名文件后重新生成网站。"
        : "搜索索引无法加载（" + e.message + "）";
    }).then(function () { if (serial === app.serial) app.box.removeAttribute("aria-busy"); });
  };
  // Replaces the listed results with `hits`, keeping the keyboard focus on the same result when it is still listed.
  App.prototype.replace = function (hits, ts) {
    var focused = this.list.contains(document.activeElement) ? document.activeElement.getAttribute("href") : null;
    this.list.textContent = "";
    this.show(hits, ts);
    if (focused) {
      var again = Array.prototype.filter.call(this.list.querySelectorAll("a.search-result-link"), function (a) { return a.getAttribute("href") === focused; })[0];
      (again || this.input).focus();
    }
  };
  App.prototype.show = function (hits, ts) {
    var app = this;
    hits.forEach(function (h) { app.list.appendChild(renderHit(app, h, ts)); });
  };
  // Arrow keys: from the field into the results and between them; Escape returns to the field.
  App.prototype.keys = function () {
    var app = this;
    function links() { return Array.prototype.slice.call(app.list.querySelectorAll("a.search-result-link")); }
    this.input.addEventListener("keydown", function (ev) {
      if (ev.key === "ArrowDown") { var l = links(); if (l.length) { ev.preventDefault(); l[0].focus(); } }
    });
    this.list.addEventListener("keydown", function (ev) {
      var l = links(), i = l.indexOf(document.activeElement);
      if (i < 0) return;
      var to = null;
      if (ev.key === "ArrowDown") to = Math.min(l.length - 1, i + 1);
      else if (ev.key === "ArrowUp") to = i - 1;
      else if (ev.key === "Home") to = 0;
      else if (ev.key === "End") to = l.length - 1;
      else if (ev.key === "Escape") to = -1;
      if (to === null) return;
      ev.preventDefault();
      if (to < 0) app.input.focus(); else l[to].focus();
    });
  };

  function start() {
    var box = document.getElementById("search-app");
    if (!box) return;
    var app = new App(box), timer = null;
    window.gongkaiSearchApp = app;
    app.keys();
    var params = new URLSearchParams(location.search), q = params.get("q") || "";
    app.input.value = q;
    if (app.scope) app.scope.value = params.get("r") || "";
    if (app.scope && app.scope.selectedIndex < 0) app.scope.selectedIndex = 0;
    function update(pushURL) {
      var value = app.input.value, scope = app.scope ? app.scope.value : "";
      if (pushURL && history.replaceState) {
        var search = value.trim() ? "?q=" + encodeURIComponent(value.trim()) + (scope ? "&r=" + encodeURIComponent(scope) : "") : "";
        try { history.replaceState(null, "", search || location.pathname); } catch (e) { /* file:// may refuse */ }
      }
      return app.run(value);
    }
    if (app.scope) app.scope.addEventListener("change", function () { clearTimeout(timer); update(true); });
    app.input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(function () { update(true); }, 120); });
    box.querySelector("form").addEventListener("submit", function (ev) { ev.preventDefault(); clearTimeout(timer); update(true); });
    // On this page the header's box searches in place.
    var header = document.querySelector(".site-search");
    if (header) header.addEventListener("submit", function (ev) {
      ev.preventDefault();
      app.input.value = header.querySelector("input").value;
      clearTimeout(timer);
      update(true);
      app.input.focus();
    });
    if (q.trim()) update(false);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})();
