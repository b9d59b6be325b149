// Gongkai reading tools: text size (three steps, remembered) and high contrast. Everything else works without JS.
(function () {
  "use strict";
  var root = document.documentElement;
  root.classList.remove("no-js");
  var sizes = ["", "text-large", "text-xlarge"];
  var labels = ["标准", "大", "特大"];
  function load(key) { try { return localStorage.getItem(key); } catch (e) { return null; } }
  function save(key, value) { try { localStorage.setItem(key, value); } catch (e) { /* storage may be off */ } }
  function applySize(i) {
    sizes.forEach(function (c) { if (c) root.classList.remove(c); });
    if (sizes[i]) root.classList.add(sizes[i]);
    var b = document.querySelector('[data-action="text-size"]');
    if (b) { b.textContent = "字号：" + labels[i]; b.setAttribute("aria-label", "字号：" + labels[i] + "，点击切换"); }
  }
  function applyContrast(on) {
    root.classList.toggle("high-contrast", on);
    var b = document.querySelector('[data-action="contrast"]');
    if (b) b.setAttribute("aria-pressed", on ? "true" : "false");
  }
  var size = parseInt(load("gongkai-text-size") || "0", 10) || 0;
  var contrast = load("gongkai-contrast") === "1";
  applySize(size);
  applyContrast(contrast);
  document.addEventListener("click", function (ev) {
    var t = ev.target.closest && ev.target.closest("[data-action]");
    if (!t) return;
    if (t.getAttribute("data-action") === "text-size") {
      size = (size + 1) % sizes.length; applySize(size); save("gongkai-text-size", String(size));
    } else if (t.getAttribute("data-action") === "contrast") {
      contrast = !contrast; applyContrast(contrast); save("gongkai-contrast", contrast ? "1" : "0");
    }
  });
})();
