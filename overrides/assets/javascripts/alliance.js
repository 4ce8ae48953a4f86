/* Progressive enhancement for the consultant finder and the partner filter.
 *
 * Without JavaScript both pages still work: the finder lists every municipality page and the
 * partner directory shows every partner. With it, the forms appear, the state lives in the URL
 * (?kommune=&emne=) so links can be shared and Back works, and a live region announces the
 * number of results. Material's instant navigation swaps pages without reloading scripts, so
 * initialisation runs on every `document$` emission and marks what it has already set up.
 */
(function () {
  "use strict";

  var fragmentCache = {};

  function params() {
    return new URLSearchParams(window.location.search);
  }

  function pushParams(values) {
    var url = new URL(window.location.href);
    Object.keys(values).forEach(function (key) {
      if (values[key]) { url.searchParams.set(key, values[key]); } else { url.searchParams.delete(key); }
    });
    if (url.href !== window.location.href) {
      window.history.pushState(window.history.state, "", url.href);
    }
  }

  function selectValue(select, value) {
    var known = Array.prototype.some.call(select.options, function (o) { return o.value === value; });
    select.value = known ? value : "";
    return select.value;
  }

  function plural(count, one, many) {
    return count + " " + (count === 1 ? one : many);
  }

  function optionText(select) {
    return select.options[select.selectedIndex].text;
  }

  /* ---- consultant finder ---- */

  function loadFragment(base, municipality) {
    var url = new URL(municipality + ".html", new URL(base, window.location.href)).href;
    if (!fragmentCache[url]) {
      fragmentCache[url] = fetch(url, { credentials: "same-origin" }).then(function (response) {
        if (!response.ok) { throw new Error(response.status); }
        return response.text();
      }).catch(function (error) { delete fragmentCache[url]; throw error; });
    }
    return fragmentCache[url];
  }

  function showFinder(root, state) {
    var form = root.querySelector("[data-finder-form]");
    var status = root.querySelector("[data-finder-status]");
    var results = root.querySelector("[data-finder-results]");
    var municipality = selectValue(form.elements.kommune, state.get("kommune") || "");
    var topic = selectValue(form.elements.emne, state.get("emne") || "");
    if (!municipality) {
      results.replaceChildren();
      results.removeAttribute("data-loaded");
      status.textContent = "Vælg en kommune for at se konsulenterne.";
      return;
    }
    loadFragment(root.getAttribute("data-fragment-base"), municipality).then(function (html) {
      if (results.getAttribute("data-loaded") !== municipality) {
        var doc = new DOMParser().parseFromString("<div>" + html + "</div>", "text/html");
        results.replaceChildren.apply(results, Array.prototype.slice.call(doc.body.firstChild.children));
        results.setAttribute("data-loaded", municipality);
      }
      var shown = 0;
      Array.prototype.forEach.call(results.querySelectorAll("[data-municipality]"), function (card) {
        var match = card.getAttribute("data-municipality") === municipality &&
          (!topic || card.getAttribute("data-topics").split(" ").indexOf(topic) >= 0);
        card.hidden = !match;
        if (match) { shown += 1; }
      });
      var where = optionText(form.elements.kommune) + " Kommune";
      var about = topic ? " om " + optionText(form.elements.emne).toLowerCase() : "";
      status.textContent = shown
        ? plural(shown, "konsulent", "konsulenter") + " i " + where + about + "."
        : "Ingen konsulenter i " + where + about + ". Vælg et andet emne, eller kontakt erhvervsservice i kommunen.";
    }).catch(function () {
      status.textContent = "Konsulenterne kunne ikke hentes. Brug listen over kommuner nedenfor.";
    });
  }

  function initFinder(root) {
    if (root.hasAttribute("data-ready")) { return; }
    root.setAttribute("data-ready", "");
    var form = root.querySelector("[data-finder-form]");
    form.hidden = false;
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("change", function () {
      pushParams({ kommune: form.elements.kommune.value, emne: form.elements.emne.value });
      showFinder(root, params());
    });
    window.addEventListener("popstate", function () {
      if (document.body.contains(root)) { showFinder(root, params()); }
    });
    showFinder(root, params());
  }

  /* ---- partner filter ---- */

  function matchesList(value, list) {
    return !value || list === "all" || list.split(" ").indexOf(value) >= 0;
  }

  function showPartners(form, status) {
    var municipality = form.elements.kommune.value;
    var type = form.elements.type.value;
    var topic = form.elements.emne.value;
    var shown = 0;
    Array.prototype.forEach.call(document.querySelectorAll("[data-group]"), function (group) {
      var visible = 0;
      Array.prototype.forEach.call(group.querySelectorAll("[data-type]"), function (card) {
        var match = (!type || card.getAttribute("data-type") === type) &&
          matchesList(municipality, card.getAttribute("data-municipalities")) &&
          matchesList(topic, card.getAttribute("data-topics"));
        card.hidden = !match;
        if (match) { visible += 1; }
      });
      group.hidden = visible === 0;
      shown += visible;
    });
    status.textContent = "Viser " + plural(shown, "partner", "partnere") + ".";
  }

  function initPartnerFilter(form) {
    if (form.hasAttribute("data-ready")) { return; }
    form.setAttribute("data-ready", "");
    var status = document.querySelector("[data-filter-status]");
    var state = params();
    ["kommune", "type", "emne"].forEach(function (name) {
      selectValue(form.elements[name], state.get(name) || "");
    });
    form.hidden = false;
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("change", function () {
      pushParams({ kommune: form.elements.kommune.value, type: form.elements.type.value, emne: form.elements.emne.value });
      showPartners(form, status);
    });
    window.addEventListener("popstate", function () {
      if (!document.body.contains(form)) { return; }
      var next = params();
      ["kommune", "type", "emne"].forEach(function (name) { selectValue(form.elements[name], next.get(name) || ""); });
      showPartners(form, status);
    });
    showPartners(form, status);
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-finder]"), initFinder);
    Array.prototype.forEach.call(document.querySelectorAll("form[data-filter='partners']"), initPartnerFilter);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
