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

  function limitToCluster(select, cluster) {
    Array.prototype.forEach.call(select.options, function (option) {
      var outside = Boolean(cluster && option.value && option.getAttribute("data-cluster") !== cluster);
      option.hidden = outside;
      option.disabled = outside;
    });
    if (select.selectedOptions.length && select.selectedOptions[0].disabled) { select.value = ""; }
  }

  function chosenMunicipalities(form, municipality, cluster) {
    if (municipality) { return [municipality]; }
    if (!cluster) { return []; }
    return Array.prototype.filter.call(form.elements.kommune.options, function (o) {
      return o.value && o.getAttribute("data-cluster") === cluster;
    }).map(function (o) { return o.value; });
  }

  function insertCards(results, htmls, key) {
    if (results.getAttribute("data-loaded") === key) { return; }
    var seen = {};
    var cards = [];
    htmls.forEach(function (html) {
      var doc = new DOMParser().parseFromString("<div>" + html + "</div>", "text/html");
      Array.prototype.forEach.call(doc.body.firstChild.children, function (card) {
        var heading = card.querySelector("[id]");
        var id = heading ? heading.id : String(cards.length);
        if (!seen[id]) { seen[id] = true; cards.push(card); }
      });
    });
    results.replaceChildren.apply(results, cards);
    results.setAttribute("data-loaded", key);
  }

  function describe(form, municipality, topic) {
    var where = municipality ? optionText(form.elements.kommune) + " Kommune" : optionText(form.elements.klynge);
    return where + (topic ? " om " + optionText(form.elements.emne).toLowerCase() : "");
  }

  function showFinder(root, state) {
    var form = root.querySelector("[data-finder-form]");
    var status = root.querySelector("[data-finder-status]");
    var results = root.querySelector("[data-finder-results]");
    var cluster = form.elements.klynge ? selectValue(form.elements.klynge, state.get("klynge") || "") : "";
    if (form.elements.klynge) { limitToCluster(form.elements.kommune, cluster); }
    var first = form.elements.kommune.options[0];
    var onlyChoice = first && first.value ? first.value : "";  /* an alliance of one municipality */
    var municipality = selectValue(form.elements.kommune, state.get("kommune") || onlyChoice);
    var topic = selectValue(form.elements.emne, state.get("emne") || "");
    var chosen = chosenMunicipalities(form, municipality, cluster);
    if (!chosen.length) {
      results.replaceChildren();
      results.removeAttribute("data-loaded");
      status.textContent = "Vælg en kommune for at se konsulenterne.";
      return;
    }
    var base = root.getAttribute("data-fragment-base");
    Promise.all(chosen.map(function (id) { return loadFragment(base, id); })).then(function (htmls) {
      insertCards(results, htmls, chosen.join(" "));
      var shown = 0;
      Array.prototype.forEach.call(results.querySelectorAll("[data-municipality]"), function (card) {
        var match = chosen.indexOf(card.getAttribute("data-municipality")) >= 0 &&
          (!topic || card.getAttribute("data-topics").split(" ").indexOf(topic) >= 0);
        card.hidden = !match;
        if (match) { shown += 1; }
      });
      var about = describe(form, municipality, topic);
      status.textContent = shown
        ? plural(shown, "konsulent", "konsulenter") + " i " + about + "."
        : "Ingen konsulenter i " + about + ". Vælg et andet emne, eller kontakt erhvervsservice i kommunen.";
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
    form.addEventListener("change", function (event) {
      var cluster = form.elements.klynge ? form.elements.klynge.value : "";
      if (event.target === form.elements.klynge) { limitToCluster(form.elements.kommune, cluster); }
      pushParams({ klynge: cluster, kommune: form.elements.kommune.value, emne: form.elements.emne.value });
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
    var type = form.elements.type ? form.elements.type.value : "";
    var topic = form.elements.emne.value;
    var shown = 0;
    Array.prototype.forEach.call(document.querySelectorAll("[data-group]"), function (group) {
      var visible = 0;
      var ofType = !type || group.getAttribute("data-group") === type;
      Array.prototype.forEach.call(group.querySelectorAll("[data-municipalities]"), function (card) {
        var match = ofType && matchesList(municipality, card.getAttribute("data-municipalities")) &&
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
    // The overview filters by type too; a type's own page has no type field.
    var fields = ["kommune", "type", "emne"].filter(function (name) { return form.elements[name]; });
    function fromUrl() {
      var state = params();
      fields.forEach(function (name) { selectValue(form.elements[name], state.get(name) || ""); });
    }
    fromUrl();
    form.hidden = false;
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("change", function () {
      var values = {};
      fields.forEach(function (name) { values[name] = form.elements[name].value; });
      pushParams(values);
      showPartners(form, status);
    });
    window.addEventListener("popstate", function () {
      if (!document.body.contains(form)) { return; }
      fromUrl();
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
