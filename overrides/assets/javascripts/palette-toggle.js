/* The light/dark toggle in the header, in place of Material's palette component.
 *
 * Material's component applies the palette again on every page load, even when nothing
 * changes: it marks the body as "switching" (a rule on every element), sets the colour
 * attributes and reads the header's computed colours, which made the browser restyle the
 * whole page three times while it started (about a third of Material's start-up work on a
 * phone). Material's inline script at the top of <body> has already applied a stored choice
 * before the first paint, so on load this script only shows the right toggle button. It
 * restyles the page only when the visitor switches, or on a first visit whose system setting
 * asks for the other scheme.
 *
 * The choice is stored as Material stores it (`__md_set("__palette", {index, color})`), so
 * Material's inline script restores it on the next page. The form is overrides/partials/
 * palette.html, Material's own without `data-md-component="palette"`.
 */
(function () {
  "use strict";

  var KEYS = ["media", "scheme", "primary", "accent"];

  function colorOf(input) {
    var color = {};
    KEYS.forEach(function (key) { color[key] = input.getAttribute("data-md-color-" + key); });
    return color;
  }

  function applied(color) {
    return KEYS.every(function (key) {
      return key === "media" || document.body.getAttribute("data-md-color-" + key) === color[key];
    });
  }

  function setMeta(name, content) {
    var meta = document.head.querySelector("meta[name='" + name + "']");
    if (!meta) {
      meta = document.createElement("meta");
      meta.setAttribute("name", name);
      document.head.appendChild(meta);
    }
    meta.setAttribute("content", content);
  }

  /* What Material derives from the header after a switch: the browser's bar colour and the
   * scheme of the page outside <body> (scroll bars). Read once styles are up to date. */
  function updateMeta() {
    var style = window.getComputedStyle(document.querySelector("[data-md-component='header']"));
    var rgb = (style.backgroundColor.match(/\d+/g) || []).slice(0, 3);
    if (rgb.length === 3) {
      setMeta("theme-color", "#" + rgb.map(function (v) { return (+v).toString(16).padStart(2, "0"); }).join(""));
    }
    /* Light is the default: the tag is written for dark only, or to switch back, since a new
     * value makes the browser restyle the page. */
    if (style.colorScheme === "dark" || document.head.querySelector("meta[name='color-scheme']")) {
      setMeta("color-scheme", style.colorScheme);
    }
  }

  function initPalette(form) {
    var inputs = Array.prototype.slice.call(form.querySelectorAll("input[name='__palette']"));
    if (!inputs.length || !window.__md_get) { return; }
    var current = 0;

    function show(index) {
      current = index;
      inputs[index].checked = true;
      inputs.forEach(function (input, i) {
        var label = input.nextElementSibling;
        if (label && label.tagName === "LABEL") { label.hidden = i !== index; }
      });
    }

    function apply(index) {
      var color = colorOf(inputs[index]);
      window.__md_set("__palette", { index: index, color: color });
      show(index);
      if (applied(color)) { return; }
      /* Material's rule for this attribute stops transitions, so the colours change at once. */
      document.body.setAttribute("data-md-color-switching", "");
      KEYS.forEach(function (key) { document.body.setAttribute("data-md-color-" + key, color[key]); });
      window.setTimeout(function () {
        document.body.removeAttribute("data-md-color-switching");
        updateMeta();
      }, 0);
    }

    var stored = window.__md_get("__palette");
    if (stored && typeof stored.index === "number") {
      show(Math.max(0, Math.min(stored.index, inputs.length - 1)));
    } else {
      /* A first visit: the scheme the system asks for, kept for the next pages as Material does. */
      var index = inputs.findIndex(function (input) {
        return window.matchMedia(input.getAttribute("data-md-color-media")).matches;
      });
      apply(Math.max(0, index));
    }
    inputs.forEach(function (input, index) {
      input.addEventListener("change", function () { apply(index); });
    });
    /* As Material: Enter on the focused toggle switches to the next scheme. */
    form.addEventListener("keydown", function (event) {
      if (event.key !== "Enter") { return; }
      event.preventDefault();
      var next = inputs[(current + 1) % inputs.length];
      next.click();
      next.focus();
    });
    window.requestAnimationFrame(function () { window.setTimeout(updateMeta, 0); });
  }

  Array.prototype.forEach.call(document.querySelectorAll("form[data-alliance-palette]"), initPalette);
})();
