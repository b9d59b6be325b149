#!/usr/bin/env python3
"""Site search in a real headless Chromium: types queries into the built site and compares the hits with a plain
substring search of the built pages' text.

    python3 Tests/search-e2e/test_search.py --site DIR --prefix fzzfjs [--files DIR]

DIR/<prefix>/ holds a site built normally (served here by `python3 -m http.server` on 127.0.0.1 under the
sub-path /<prefix>/); --files is the same site built with --file-links, opened through file://.
Prints `N passed, M failed` last and exits non-zero when something failed. Run by scripts/search-e2e.sh.
"""
import argparse, html.parser, json, os, random, re, socket, subprocess, sys, time, traceback, urllib.parse

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

PASSED, FAILED = [], []


def check(name, ok, detail=""):
    (PASSED if ok else FAILED).append(name)
    if not ok:
        print(f"FAIL {name}: {detail}")


# ---- the reference: the pages' own text, searched as plain substrings ----

def fold(ch):
    c = ord(ch)
    if 0xFF01 <= c <= 0xFF5E:
        c -= 0xFEE0
    if 0x41 <= c <= 0x5A:
        c += 32
    if c in (0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0xA0, 0x3000, 0x2028, 0x2029):
        c = 0x20
    return chr(c)


def normalise(text):
    """The documented rule: full-width ASCII → half-width, ASCII lower case, whitespace runs → one space."""
    return re.sub(" +", " ", "".join(fold(c) for c in text))


BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "br", "div", "section", "table", "blockquote", "pre"}
TEXT_CLASSES = {"prose", "report-opening", "salutation"}


class PageText(html.parser.HTMLParser):
    """The readable text of a topic or report page: its <h1>, then .salutation, .report-opening and .prose, split
    into sections at the headings (keyed by id) inside them."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = 0          # > 0 while inside a text element
        self.in_h1 = False
        self.sections = [["", ""]]  # [anchor, text]
        self.ids = set()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
        classes = set((a.get("class") or "").split())
        if self.depth:
            self.depth += 1 if tag not in ("br", "img", "hr", "input") else 0
            if re.fullmatch(r"h[1-6]", tag) and a.get("id"):
                self.sections.append([a["id"], ""])
        elif classes & TEXT_CLASSES:
            self.depth = 1
            self.text("\n")
        elif tag == "h1":
            self.in_h1 = True
        if tag in BLOCKS:
            self.text("\n")

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1
        if tag == "h1":
            self.in_h1 = False
        if tag in ("td", "th"):
            self.text(" ")
        if tag in BLOCKS:
            self.text("\n")

    def handle_data(self, data):
        if self.depth or self.in_h1:
            self.text(data)

    def text(self, s):
        self.sections[-1][1] += s

    @property
    def full(self):
        return "\n".join(s[1] for s in self.sections)


def load_pages(site):
    pages = {}
    for dirpath, _, files in os.walk(site):
        if "index.html" not in files:
            continue
        rel = os.path.relpath(dirpath, site).replace(os.sep, "/")
        parts = [] if rel == "." else rel.split("/")
        # topic pages and report overviews: <report>/…, not full/, indicators/, search/, sitemap/
        if not parts or parts[0] in ("search", "sitemap", "assets") or parts[-1] in ("full", "indicators"):
            continue
        p = PageText()
        p.feed(open(os.path.join(dirpath, "index.html"), encoding="utf-8").read())
        pages[rel + "/"] = p
    return pages


def index_data(site, name):
    """The data of the index script search/<name>.js of a built site."""
    t = open(os.path.join(site, "search", name + ".js"), encoding="utf-8").read()
    return json.loads(t[t.index(",") + 1:t.rindex(")")])


def document_url(site, n):
    """The URL of document n, read as search.js reads it: entry n % K of search/d/<n / K>.js."""
    k = index_data(site, "meta")["perFile"]
    return index_data(site, f"d/{n // k}")[n % k]["u"]


def probe(pages, url):
    """A query of 4–8 characters from the page `url` that few pages hold (the page among them)."""
    text = re.sub(r"\s+", " ", pages[url].full).strip()
    for piece in re.split(r"[\s,，。、;；:：“”\"()（）《》]", text):
        for n in (8, 6, 4):
            if len(piece) >= n:
                q = piece[len(piece) - n:]
                hits = expected(pages, q)
                if url in hits and len(hits) <= 4:
                    return q
    return None


def check_batch_positions(driver, name, search_url, site, pages, link_path):
    """Documents at every place of a file of texts (the middle, the last of a full file, the first of the next, the
    last of the index) are found by a query from their page, with exactly the pages that hold it."""
    meta = index_data(site, "meta")
    k, count = meta["perFile"], meta["docs"]
    check(f"{name}: index format 2, K texts a file", meta.get("version") == 2 and k > 1 and count > k, str(meta))
    for n in sorted({k // 2, k - 1, k, count - 1}):
        url = document_url(site, n)
        q = probe(pages, url)
        if q is None:
            check(f"{name}: a query for document {n} ({url})", False, "no distinctive piece of text")
            continue
        driver.get(search_url + "?q=" + urllib.parse.quote(q))
        status, results, _ = wait_results(driver, q)
        got = [link_path(r["href"]) for r in results]
        got_pages = {g.split("#")[0] for g in got if g is not None}
        check(f"{name}: document {n} (entry {n % k} of d/{n // k}.js, {url}) found by {q!r}",
              url in got_pages and got_pages == expected(pages, q) and len(got) == len(got_pages),
              f"{status} {sorted(got_pages)} want {sorted(expected(pages, q))}")


def expected(pages, query):
    terms = [t for t in normalise(query).strip().split(" ") if t]
    return {url for url, p in pages.items() if all(t in normalise(p.full) for t in terms)}


def words_from_every_topic(pages, rng):
    """Three pieces of 2–7 characters from every page, one of them spanning Latin and Chinese where there is one."""
    queries = []
    for url in sorted(pages):
        text = re.sub(r"\s+", " ", pages[url].full).strip()
        pieces = [s for s in re.split(r"[\s,，。、;；:：“”\"()（）《》]", text) if len(s) >= 2]
        if not pieces:
            continue
        for _ in range(3):
            s = rng.choice(pieces)
            n = rng.randint(2, min(7, len(s)))
            i = rng.randint(0, len(s) - n)
            queries.append(s[i:i + n])
        mixed = re.search(r"[\u4e00-\u9fff][A-Za-z0-9]+|[A-Za-z0-9]+[\u4e00-\u9fff]", text)
        if mixed:
            queries.append(mixed.group(0))
        # One spanning punctuation (the index makes no pairs across it: the query is looked up by its runs).
        marks = [m.start() for m in re.finditer(r"[,，。、;；:：“”\"()（）《》.+%]", text)]
        if marks:
            i = rng.choice(marks)
            q = text[max(0, i - rng.randint(0, 3)):i + 1 + rng.randint(0, 3)].strip()
            if len(q) >= 2 and " " not in q:
                queries.append(q)
    return queries


# ---- the browser ----

def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port, tries=50):
    """Waits (up to about five seconds) until something listens on 127.0.0.1:port."""
    for _ in range(tries):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.1)


def browser(width=1280, height=900):
    opts = webdriver.ChromeOptions()
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", f"--window-size={width},{height}"):
        opts.add_argument(arg)
    opts.binary_location = "/usr/bin/chromium"
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=opts)


def wait_results(driver, query, timeout=10):
    label = "“" + query.strip() + "”"
    WebDriverWait(driver, timeout).until(lambda d: label in d.find_element(By.CSS_SELECTOR, ".search-status").text
                                         and d.find_element(By.ID, "search-app").get_attribute("aria-busy") is None)
    status = driver.find_element(By.CSS_SELECTOR, ".search-status").text
    results = driver.execute_script("""
        return Array.from(document.querySelectorAll('#search-results .search-result')).map(function (li) {
          var a = li.querySelector('a');
          return {href: a.href, title: a.textContent, marks: Array.from(li.querySelectorAll('mark')).map(function (m) { return m.textContent; }),
                  snippet: li.querySelector('.search-result-snippet').textContent};
        });""")
    ms = float(driver.find_element(By.ID, "search-app").get_attribute("data-ms") or 0)
    return status, results, ms


def type_query(driver, query):
    box = driver.find_element(By.ID, "search-page-input")
    box.clear()
    box.send_keys(query)
    return wait_results(driver, query)


def site_path(href, base):
    """`href` relative to the site root, its #anchor kept (decoded)."""
    parts = urllib.parse.urlsplit(href)
    path = urllib.parse.unquote(parts.path)
    if not path.startswith(base):
        return None
    return path[len(base):] + ("#" + urllib.parse.unquote(parts.fragment) if parts.fragment else "")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--site", required=True)
    ap.add_argument("--prefix", default="fzzfjs")
    ap.add_argument("--files")
    ap.add_argument("--series", help="sub-path of a site with two reports, for the 搜索范围 checks")
    ap.add_argument("--series-files", help="the same site built with --file-links, for documents in two files of texts")
    ap.add_argument("--old-index", help="sub-path of a site whose meta.js names another index format")
    args = ap.parse_args()
    built = os.path.join(args.site, args.prefix)
    pages = load_pages(built)
    check("site has topic pages", len(pages) > 5, f"{len(pages)} pages")

    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "http.server", "--bind", "127.0.0.1", str(port), "--directory", args.site],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base_path = f"/{args.prefix}/"
    base = f"http://127.0.0.1:{port}{base_path}"
    wait_for_port(port)
    driver = browser()
    timings = []
    try:
        driver.get(base + "search/")
        rng = random.Random(8)
        named = ["欠薪", "项快办", "互联网+监管", "2530", "APP", "app", "ＡＰＰ", "薪", "追讨工资报酬", "欠薪 工资", "量子引力波望远镜",
                 "互联网＋监管", "+监", "“一", "。”", "万元,"]
        queries = named + words_from_every_topic(pages, rng)
        for q in queries:
            try:
                status, results, ms = type_query(driver, q)
            except Exception as e:
                check(f"query {q!r} answers", False, repr(e))
                continue
            timings.append(ms)
            want = expected(pages, q)
            got = [site_path(r["href"], base_path) for r in results]
            got_pages = {g.split("#")[0] for g in got if g is not None}
            check(f"query {q!r}: hits equal the substring search", got_pages == want and len(got) == len(got_pages),
                  f"missing {sorted(want - got_pages)}, extra {sorted(got_pages - want)}, got {got}")
            if want:
                check(f"query {q!r}: status announces the count", f"找到 {len(want)} 条结果" in status, status)
                more = driver.find_elements(By.CSS_SELECTOR, ".search-more")
                check(f"query {q!r}: no 'more results' button when every hit is shown",
                      not any(m.is_displayed() for m in more), "the button is visible")
            else:
                check(f"query {q!r}: status says nothing found", "没有找到" in status, status)
            terms = [t for t in normalise(q).split(" ") if t]
            check(f"query {q!r}: every hit highlights the query",
                  all(any(normalise(m) in terms for m in r["marks"]) for r in results), str(results[:2]))
            # The link goes to the first section that holds the match (the heading anchor nearest it).
            for r, path in zip(results, got):
                page, _, anchor = path.partition("#")
                anchor = urllib.parse.unquote(anchor)
                secs = pages[page].sections
                first = next((s[0] for s in secs if normalise(s[1]).find(terms[0]) >= 0), None)
                if first is not None and len(terms) == 1:
                    check(f"query {q!r}: {page} links to the section of the match", anchor == first and (not anchor or anchor in pages[page].ids),
                          f"anchor {anchor!r}, expected {first!r}")
        # Ranking: a query in a title puts the page of that title first.
        title_page = sorted(p for p in pages if p.count("/") == 3)[0]
        title = normalise(pages[title_page].sections[0][1]).strip().split(" ")[0]
        word = title[2:6] if len(title) > 6 else title
        status, results, _ = type_query(driver, word)
        check("title hits come first", results and re.sub("[^\u4e00-\u9fff]", "", word) in results[0]["title"], f"{word}: {[r['title'] for r in results]}")

        # Keyboard: ↓ from the field to the results, ↓ ↑ Home End between them, Esc back.
        status, results, _ = type_query(driver, "法治")
        box = driver.find_element(By.ID, "search-page-input")
        active = lambda: driver.execute_script("var a=document.activeElement;return a.id||a.getAttribute('href');")
        links = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "#search-results a")]
        hrefs = driver.execute_script("return Array.from(document.querySelectorAll('#search-results a')).map(a => a.getAttribute('href'))")
        check("keyboard: enough results", len(links) >= 3, str(len(links)))
        box.send_keys(Keys.ARROW_DOWN)
        check("keyboard: ↓ moves into the results", active() == hrefs[0], active())
        driver.switch_to.active_element.send_keys(Keys.ARROW_DOWN)
        check("keyboard: ↓ moves to the next result", active() == hrefs[1], active())
        driver.switch_to.active_element.send_keys(Keys.ARROW_UP)
        check("keyboard: ↑ moves back", active() == hrefs[0], active())
        driver.switch_to.active_element.send_keys(Keys.END)
        check("keyboard: End goes to the last", active() == hrefs[-1], active())
        driver.switch_to.active_element.send_keys(Keys.ESCAPE)
        check("keyboard: Esc returns to the field", active() == "search-page-input", active())
        live = driver.find_element(By.CSS_SELECTOR, ".search-status")
        check("results are announced through aria-live", live.get_attribute("aria-live") == "polite" and live.get_attribute("role") == "status")
        label = driver.execute_script("var i=document.getElementById('search-page-input');return i.labels.length ? i.labels[0].textContent : ''")
        check("the field is labelled", label.strip() != "", label)
        # Enter on a result follows its link, to the anchor.
        box.send_keys(Keys.ARROW_DOWN)
        driver.switch_to.active_element.send_keys(Keys.ENTER)
        WebDriverWait(driver, 5).until(lambda d: "/search/" not in d.current_url)
        check("Enter on a result opens it", driver.current_url.split("#")[0] == links[0].split("#")[0], driver.current_url)

        # The header's box on any page leads to the results; the URL keeps the query.
        driver.get(base + sorted(pages)[1])
        head = driver.find_element(By.ID, "site-search-input")
        head.send_keys("欠薪" + Keys.ENTER)
        WebDriverWait(driver, 5).until(lambda d: "/search/" in d.current_url)
        status, results, _ = wait_results(driver, "欠薪")
        check("header box searches from a topic page", {site_path(r["href"], base_path).split("#")[0] for r in results} == expected(pages, "欠薪"), status)

        # Under the sub-path only files below it were requested.
        entries = driver.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
        check("index loads from the sub-path", entries and all(urllib.parse.urlsplit(e).path.startswith(base_path) for e in entries), str(entries[:3]))
    finally:
        driver.quit()

    # 390 px wide: no horizontal scrolling, results readable.
    driver = browser(390, 844)
    try:
        driver.get(base + "search/?q=" + urllib.parse.quote("互联网+监管"))
        wait_results(driver, "互联网+监管")
        wide = driver.execute_script("return [document.documentElement.scrollWidth, window.innerWidth]")
        check("usable at 390 px (no horizontal scroll)", wide[0] <= wide[1], str(wide))
    finally:
        driver.quit()

    if args.files:
        driver = browser()
        try:
            url = "file://" + os.path.abspath(os.path.join(args.files, "search", "index.html")) + "?q=" + urllib.parse.quote("项快办")
            driver.get(url)
            status, results, _ = wait_results(driver, "项快办")
            want = expected(pages, "项快办")
            check("file://: results", len(results) == len(want) and len(want) > 0, status)
            if results:
                driver.get(results[0]["href"])
                check("file://: result link opens the page", results[0]["href"].startswith("file://") and "项快办" in driver.find_element(By.TAG_NAME, "main").text,
                      results[0]["href"])
        except Exception as e:
            check("file:// search", False, repr(e) + " " + driver.current_url + " " + driver.execute_script(
                "var s=document.querySelector('.search-status');return (s?s.textContent:'no status')+' '+JSON.stringify(performance.getEntriesByType('resource').map(e=>e.name))"))
        finally:
            driver.quit()
    if args.series:
        series_pages = load_pages(os.path.join(args.site, args.series))
        series_base = f"/{args.series}/"
        driver = browser()
        try:
            q = "项快办"
            both = expected(series_pages, q)
            check("series: both reports hold the query", {p.split("/")[0] for p in both} == {"xiangcheng-2023", "xiangcheng-2024"}, str(sorted(both)))
            driver.get(f"http://127.0.0.1:{port}{series_base}search/?q={urllib.parse.quote(q)}&r=xiangcheng-2023")
            status, results, _ = wait_results(driver, q)
            got = {site_path(r["href"], series_base).split("#")[0] for r in results}
            check("series: ?r= narrows the results to one report", got == {p for p in both if p.startswith("xiangcheng-2023/")}, f"{status} {sorted(got)}")
            check("series: the status names the report", "项城市2023年法治政府建设年度报告" in status, status)
            driver.execute_script("var s=document.getElementById('search-page-scope');s.value='xiangcheng-2024';s.dispatchEvent(new Event('change'))")
            WebDriverWait(driver, 10).until(lambda d: "2024年" in d.find_element(By.CSS_SELECTOR, ".search-status").text)
            status, results, _ = wait_results(driver, q)
            got = {site_path(r["href"], series_base).split("#")[0] for r in results}
            check("series: choosing another report in 搜索范围 searches that one", got == {p for p in both if p.startswith("xiangcheng-2024/")}, f"{status} {sorted(got)}")
            check("series: the URL keeps the scope", "r=xiangcheng-2024" in driver.current_url, driver.current_url)
            paths = driver.execute_script("return Array.from(document.querySelectorAll('.search-result-path')).map(p => p.textContent)")
            check("series: each result names its report and year", paths and all(p.startswith("项城市2024年法治政府建设年度报告") for p in paths), str(paths[:3]))
            driver.execute_script("var s=document.getElementById('search-page-scope');s.value='';s.dispatchEvent(new Event('change'))")
            WebDriverWait(driver, 10).until(lambda d: "年法治" not in d.find_element(By.CSS_SELECTOR, ".search-status").text)
            status, results, _ = wait_results(driver, q)
            got = {site_path(r["href"], series_base).split("#")[0] for r in results}
            check("series: 全部报告 searches both", got == both, f"{status} {sorted(got)}")
            # Documents at each place of a file of texts, over http and from file://.
            check_batch_positions(driver, "series (http)", f"http://127.0.0.1:{port}{series_base}search/",
                                  os.path.join(args.site, args.series), series_pages, lambda h: site_path(h, series_base))
            if args.series_files:
                root = os.path.abspath(args.series_files)
                def file_path(h):
                    p = site_path(h, root + "/")
                    return p and re.sub(r"index\.html(?=#|$)", "", p)
                check_batch_positions(driver, "series (file://)", "file://" + root + "/search/index.html",
                                      args.series_files, series_pages, file_path)
        except Exception as e:
            check("series search", False, repr(e))
        finally:
            driver.quit()
    if args.old_index:
        driver = browser()
        try:
            driver.get(f"http://127.0.0.1:{port}/{args.old_index}/search/?q=" + urllib.parse.quote("欠薪"))
            WebDriverWait(driver, 10).until(lambda d: d.find_element(By.ID, "search-app").get_attribute("aria-busy") is None
                                            and d.find_element(By.CSS_SELECTOR, ".search-status").text)
            status = driver.find_element(By.CSS_SELECTOR, ".search-status").text
            results = driver.find_elements(By.CSS_SELECTOR, "#search-results .search-result")
            check("another index format: the page says so, in Chinese, and how to update", "格式版本不一致" in status and "第 1 版" in status
                  and "gongkai init" in status and "theme/assets/search.js" in status and not results, status)
        except Exception as e:
            check("another index format", False, repr(e))
        finally:
            driver.quit()
    server.terminate()
    if timings:
        print(f"queries: {len(timings)}, slowest answer {max(timings):.1f} ms, median {sorted(timings)[len(timings) // 2]:.1f} ms")
    print(f"{len(PASSED)} passed, {len(FAILED)} failed")
    return 1 if FAILED else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except Exception:
        traceback.print_exc()
        print(f"{len(PASSED)} passed, {len(FAILED) + 1} failed")
        sys.exit(1)
