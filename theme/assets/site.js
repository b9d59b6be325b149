// Gongkai reading tools: text size (three sizes) and high contrast, both remembered across pages (localStorage), and
// the section navigation folded on phones. Loaded in <head> so the reader's choices apply before the first paint.
// Everything else works without JavaScript.
(function () {
  "use strict";
  var root = document.documentElement;
  var SIZES = ["", "text-large", "text-xlarge"];
  var SIZE_KEY = "gongkai-text-size", CONTRAST_KEY = "gongkai-contrast";
  function load(key) { try { return window.localStorage.getItem(key); } catch (e) { return null; } }
  function save(key, value) { try { window.localStorage.setItem(key, value); } catch (e) { /* storage may be off */ } }
  function storedSize() { var n = parseInt(load(SIZE_KEY) || "0", 10); return n >= 0 && n < SIZES.length ? n : 0; }

  var size = storedSize();
  var contrast = load(CONTRAST_KEY) === "1";

  function applyClasses() {
    SIZES.forEach(function (c, i) { if (c) root.classList.toggle(c, i === size); });
    root.classList.toggle("high-contrast", contrast);
  }
  function syncButtons() {
    var buttons = document.querySelectorAll("[data-text-size]");
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].setAttribute("aria-pressed", String(parseInt(buttons[i].getAttribute("data-text-size"), 10) === size));
    }
    var c = document.querySelectorAll('[data-action="contrast"]');
    for (var j = 0; j < c.length; j++) c[j].setAttribute("aria-pressed", String(contrast));
  }

  root.classList.remove("no-js");
  root.classList.add("js");
  applyClasses();

  function ready() {
    syncButtons();
    document.addEventListener("click", function (ev) {
      var t = ev.target.closest ? ev.target.closest("[data-text-size], [data-action]") : null;
      if (!t) return;
      if (t.hasAttribute("data-text-size")) {
        size = parseInt(t.getAttribute("data-text-size"), 10) || 0;
        save(SIZE_KEY, String(size));
      } else if (t.getAttribute("data-action") === "contrast") {
        contrast = !contrast;
        save(CONTRAST_KEY, contrast ? "1" : "0");
      } else if (t.getAttribute("data-action") === "tools") {
        // Phones: the reading tools are folded behind one button.
        var header = t.closest(".site-header");
        var open = header ? header.classList.toggle("tools-open") : false;
        t.setAttribute("aria-expanded", String(open));
        return;
      } else if (t.getAttribute("data-action") === "print") {
        window.print();
        return;
      } else {
        return;
      }
      applyClasses();
      syncButtons();
    });

    // The section navigation is open in the markup (so it works without JS); on phones it starts folded.
    var box = document.querySelector(".section-nav-box");
    if (box && window.matchMedia) {
      var narrow = window.matchMedia("(max-width: 50em)");
      if (narrow.matches) box.open = false;
      var follow = function (e) { box.open = !e.matches; };
      if (narrow.addEventListener) narrow.addEventListener("change", follow);
    }

    // A table wider than its box scrolls; make such a box reachable by keyboard and give it a name.
    var boxes = document.querySelectorAll(".prose table, .table-wrap");
    for (var k = 0; k < boxes.length; k++) {
      var b = boxes[k];
      if (b.scrollWidth > b.clientWidth + 1 && !b.hasAttribute("tabindex")) {
        b.setAttribute("tabindex", "0");
        if (b.tagName !== "TABLE" && !b.hasAttribute("aria-label")) {
          var cap = b.querySelector("caption");
          b.setAttribute("role", "region");
          b.setAttribute("aria-label", cap ? cap.textContent : "表格");
        }
      }
    }
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", ready); else ready();

  // Another tab changed a setting.
  window.addEventListener("storage", function (e) {
    if (e.key !== SIZE_KEY && e.key !== CONTRAST_KEY) return;
    size = storedSize();
    contrast = load(CONTRAST_KEY) === "1";
    applyClasses();
    syncButtons();
  });
})();
