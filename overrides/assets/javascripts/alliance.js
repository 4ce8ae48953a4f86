/* Progressive enhancement for the consultant finder, the partner filter and the guide's place step.
 *
 * Without JavaScript both pages still work: the finder lists every municipality page and the
 * partner directory shows every partner. With it, the forms appear, the state lives in the URL
 * (?kommune=&emne=) so links can be shared and Back works, and a live region announces the
 * number of results. Material's instant navigation swaps pages without reloading scripts, so
 * initialisation runs on every `document$` emission and marks what it has already set up.
 */
(function () {
  "use strict";

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

  /* Back and Forward re-show the page's finder or filter from the URL. One listener for the
   * whole visit: instant navigation keeps this script running, so a listener per page would
   * keep every earlier finder, and its cards, alive. */
  var onHistory = [];  /* {element, show} for the forms on the current page */

  function onPage(entry) { return document.body.contains(entry.element); }

  function showOnHistory(element, show) {
    onHistory = onHistory.filter(onPage);
    onHistory.push({ element: element, show: show });
  }

  window.addEventListener("popstate", function () {
    onHistory.filter(onPage).forEach(function (entry) { entry.show(); });
  });

  /* ---- consultant finder ---- */

  var finderData = {};  /* data URL -> promise of the parsed file; survives instant navigation */

  function loadFinderData(root) {
    var url = new URL(root.getAttribute("data-finder-data"), window.location.href).href;
    if (!finderData[url]) {
      finderData[url] = fetch(url, { credentials: "same-origin" }).then(function (response) {
        if (!response.ok) { throw new Error(response.status); }
        return response.json();
      }).catch(function (error) { delete finderData[url]; throw error; });
    }
    return finderData[url].then(function (data) {
      root.setAttribute("data-finder-state", "ready");
      return data;
    });
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

  function field(card, name) {
    return card.querySelector("[data-field='" + name + "']");
  }

  function fillLink(anchor, href, text) {
    anchor.setAttribute("href", href);
    anchor.append(text);
  }

  /* One card from the blank <template>, filled with text and attributes only (never HTML), so
   * that it matches the server-rendered card on the consultant's own page. */
  function makeCard(finder, data, consultant) {
    var card = finder.blank.content.firstElementChild.cloneNode(true);
    var root = finder.siteRoot;
    var employer = data.employers[consultant.employer];
    var photo = field(card, "photo");
    if (consultant.photo) { photo.setAttribute("src", root + consultant.photo); } else { photo.remove(); }
    var name = field(card, "name");
    name.id = consultant.id;
    name.textContent = consultant.name;
    var employerLink = field(card, "employer");
    fillLink(employerLink, root + employer.page, employer.name);
    field(card, "title").insertBefore(document.createTextNode(consultant.title + ", "), employerLink);
    /* As tel_uri and Employer.vcard_url in the hooks: the data file leaves both out. */
    fillLink(field(card, "phone"), "tel:" + consultant.phone.replace(/[^\d+]/g, ""), consultant.phone);
    fillLink(field(card, "email"), "mailto:" + consultant.email, consultant.email);
    var vcard = field(card, "vcard");
    vcard.setAttribute("href", root + employer.page + consultant.id + ".vcf");
    vcard.setAttribute("download", consultant.id + ".vcf");
    field(card, "vcard-name").replaceWith(consultant.name);
    var topics = field(card, "topics");
    consultant.topics.forEach(function (id) {
      var item = topics.appendChild(document.createElement("li"));
      fillLink(item.appendChild(document.createElement("a")), root + data.topics[id].page, data.topics[id].title);
    });
    var languages = field(card, "languages");
    if (consultant.languages) { languages.append(consultant.languages.join(", ")); } else { languages.remove(); }
    return card;
  }

  /* Removes the named fields of a blank, or fills the first with its text (and link). */
  function fillOrRemove(block, value, names, href) {
    if (!value) {
      names.forEach(function (name) { field(block, name).remove(); });
      return;
    }
    if (href) { fillLink(field(block, names[0]), href, value); } else { field(block, names[0]).append(value); }
  }

  /* Whom to contact where no consultant fits, from the blank contact block (contact-blank.html,
   * the markup of contact.html's contact_block): the phone with its opening hours, then the
   * e-mail with its response time. Text and attributes only, never HTML. */
  function makeContact(finder, point) {
    var block = finder.contactBlank.content.firstElementChild.cloneNode(true);
    var name = field(block, "contact-name");
    if (point.url) { fillLink(name, point.url, point.name); } else { name.replaceWith(point.name); }
    fillOrRemove(block, point.phone, ["contact-phone", "phone-term", "phone-detail"],
                 point.phone && "tel:" + point.phone.replace(/[^\d+]/g, ""));
    fillOrRemove(block, point.opening_hours, ["opening-hours", "opening-hours-break"]);
    fillOrRemove(block, point.email, ["contact-email", "email-term", "email-detail"],
                 point.email && "mailto:" + point.email);
    fillOrRemove(block, point.response_time, ["response-time", "response-time-break"]);
    if (point.booking) {
      field(block, "contact-booking").setAttribute("href", point.booking);
      field(block, "booking-name").replaceWith(point.name);
    } else {
      fillOrRemove(block, "", ["booking-term", "booking-detail"]);
    }
    Array.prototype.forEach.call(block.querySelectorAll("[data-field]"), function (el) { el.removeAttribute("data-field"); });
    return block;
  }

  function describe(form, data, municipality, topic) {
    var where = municipality ? data.municipalities[municipality] : optionText(form.elements.klynge);
    return where + (topic ? " om " + optionText(form.elements.emne).toLowerCase() : "");
  }

  /* The first cards fill a screen; the rest follow a batch per frame, so a cluster of hundreds
   * of consultants paints its first results at once and the page stays responsive meanwhile.
   * The results are aria-busy until the last batch is in. */
  var FIRST_CARDS = 12;
  var CARDS_PER_FRAME = 48;

  function cardOf(finder, data, index) {
    return finder.cards[index] || (finder.cards[index] = makeCard(finder, data, data.consultants[index]));
  }

  /* Cards are made batch by batch too: making 600 at once would hold back the first paint. */
  function appendInFrames(finder, data, matches, batch, key, run) {
    if (finder.run !== run) { return; }  /* a newer choice has taken over */
    finder.results.append.apply(finder.results, matches.slice(0, batch).map(function (index) {
      return cardOf(finder, data, index);
    }));
    var rest = matches.slice(batch);
    if (!rest.length) {
      finder.results.removeAttribute("aria-busy");
      finder.results.setAttribute("data-loaded", key);
      return;
    }
    window.requestAnimationFrame(function () {
      window.setTimeout(function () { appendInFrames(finder, data, rest, CARDS_PER_FRAME, key, run); }, 0);
    });
  }

  function showCards(finder, data, chosen, topic) {
    var wanted = {};
    chosen.forEach(function (id) { wanted[id] = true; });
    var matches = [];
    data.consultants.forEach(function (consultant, index) {
      if (topic && consultant.topics.indexOf(topic) < 0) { return; }
      if (consultant.municipalities.some(function (id) { return wanted[id]; })) { matches.push(index); }
    });
    var run = finder.run = {};
    finder.results.setAttribute("aria-busy", "true");
    finder.results.replaceChildren();
    appendInFrames(finder, data, matches, FIRST_CARDS, chosen.join(" "), run);
    return matches.length;
  }

  function showFinder(finder, state) {
    var form = finder.form;
    var status = finder.status;
    var cluster = form.elements.klynge ? selectValue(form.elements.klynge, state.get("klynge") || "") : "";
    if (form.elements.klynge) { limitToCluster(form.elements.kommune, cluster); }
    var first = form.elements.kommune.options[0];
    var onlyChoice = first && first.value ? first.value : "";  /* an alliance of one municipality */
    var municipality = selectValue(form.elements.kommune, state.get("kommune") || onlyChoice);
    var topic = selectValue(form.elements.emne, state.get("emne") || "");
    var chosen = chosenMunicipalities(form, municipality, cluster);
    if (!chosen.length) {
      finder.run = null;
      finder.results.replaceChildren();
      finder.fallback.replaceChildren();
      finder.results.removeAttribute("aria-busy");
      finder.results.removeAttribute("data-loaded");
      status.textContent = "Vælg en kommune for at se konsulenterne.";
      return;
    }
    if (finder.root.getAttribute("data-finder-state") !== "ready") { status.textContent = "Henter konsulenterne …"; }
    loadFinderData(finder.root).then(function (data) {
      var shown = showCards(finder, data, chosen, topic);
      var about = describe(form, data, municipality, topic);
      var point = shown ? null : (municipality && data.contacts[municipality]) || data.alliance;
      finder.fallback.replaceChildren.apply(finder.fallback, point ? [makeContact(finder, point)] : []);
      status.textContent = shown
        ? plural(shown, "konsulent", "konsulenter") + " i " + about + "."
        : "Ingen konsulenter i " + about + ". Kontakt " + point.name + " i stedet; de hjælper jer videre.";
    }).catch(function () {
      status.textContent = "Konsulenterne kunne ikke hentes. Brug listen over kommuner nedenfor.";
    });
  }

  function initFinder(root) {
    if (root.hasAttribute("data-ready")) { return; }
    root.setAttribute("data-ready", "");
    var finder = {
      root: root,
      form: root.querySelector("[data-finder-form]"),
      status: root.querySelector("[data-finder-status]"),
      results: root.querySelector("[data-finder-results]"),
      blank: root.querySelector("template[data-finder-card]"),
      contactBlank: root.querySelector("template[data-finder-contact]"),
      fallback: root.querySelector("[data-finder-fallback]"),
      siteRoot: root.getAttribute("data-site-root"),
      cards: {}  /* consultant index -> its card, made at most once per page */
    };
    var form = finder.form;
    form.hidden = false;
    root.querySelector("[data-finder-heading]").hidden = false;
    /* Fetch the data as soon as the visitor reaches for the form, so it has arrived by the time
     * a choice is made and every choice is answered without waiting for the network. */
    ["focusin", "pointerdown"].forEach(function (type) {
      form.addEventListener(type, function () { loadFinderData(root).catch(function () {}); }, { once: true });
    });
    function apply(event) {
      var cluster = form.elements.klynge ? form.elements.klynge.value : "";
      if (event.target === form.elements.klynge) { limitToCluster(form.elements.kommune, cluster); }
      pushParams({ klynge: cluster, kommune: form.elements.kommune.value, emne: form.elements.emne.value });
      showFinder(finder, params());
    }
    /* Every choice applies at once; the "Vis" button applies the choices too (GOV.UK's filter
     * pattern), in place instead of reloading the page with them in the address. */
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); apply(event); });
    showOnHistory(root, function () { showFinder(finder, params()); });
    showFinder(finder, params());
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
    function apply() {
      var values = {};
      fields.forEach(function (name) { values[name] = form.elements[name].value; });
      pushParams(values);
      showPartners(form, status);
    }
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
    showOnHistory(form, function () {
      fromUrl();
      showPartners(form, status);
    });
    showPartners(form, status);
  }

  /* ---- the guide's place step: a town or a postcode to the municipality ----
   *
   * The municipalities are the step's list of links, each with its towns and postcodes in data
   * attributes. One match goes to that municipality's page; a postcode that several
   * municipalities share goes to the page that asks which of them (never a guess); a town
   * several have narrows the list to them; nothing found says so and leaves the list. */

  function placeKey(text) {
    return text.trim().toLocaleLowerCase("da").replace(/\s+/g, " ");
  }

  function matchingPlaces(links, wanted) {
    var byPostcode = /^\d{4}$/.test(wanted);
    return links.filter(function (a) {
      if (byPostcode) { return a.getAttribute("data-postcodes").split(" ").indexOf(wanted) >= 0; }
      var names = [a.getAttribute("data-name")].concat(a.getAttribute("data-towns").split("|"));
      return names.some(function (name) { return name && placeKey(name) === wanted; });
    });
  }

  function initPlaceStep(form) {
    if (form.hasAttribute("data-ready")) { return; }
    form.setAttribute("data-ready", "");
    var list = document.querySelector("[data-places]");
    var links = Array.prototype.slice.call(list.querySelectorAll("a[data-postcodes]"));
    var status = form.querySelector("[role='status']");
    form.hidden = false;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var typed = form.elements.sted.value;
      var wanted = placeKey(typed);
      var found = matchingPlaces(links, wanted);
      links.forEach(function (a) { a.parentNode.hidden = found.length > 1 && found.indexOf(a) < 0; });
      if (found.length === 1) {
        window.location.assign(found[0].href);
      } else if (found.length > 1 && /^\d{4}$/.test(wanted) && form.hasAttribute("data-postcode-base")) {
        window.location.assign(new URL(form.getAttribute("data-postcode-base") + wanted + "/", window.location.href).href);
      } else if (found.length > 1) {
        status.textContent = "„" + typed.trim() + "“ findes i " + plural(found.length, "kommune", "kommuner") +
          ". Vælg jeres på listen.";
      } else {
        status.textContent = "Vi kender ikke „" + typed.trim() + "“. Vælg jeres kommune på listen.";
      }
    });
  }

  /* ---- search: help where a search finds nothing ---- */

  function noResultsText() {
    var config = document.getElementById("__config");
    try { return JSON.parse(config.textContent).translations["search.result.none"]; } catch (error) { return ""; }
  }

  /* Material writes its "no results" sentence into the result's meta line; the help below the
   * list (partials/frame/search-help.html) is shown exactly then. The dialog stays while instant
   * navigation changes the page, so the guide's link is pointed from the page shown (the
   * header's logo links to the site root from there). Following a link closes the dialog. */
  function initSearchHelp(help) {
    if (help.hasAttribute("data-ready")) { return; }
    help.setAttribute("data-ready", "");
    var meta = document.querySelector(".md-search-result__meta");
    var none = noResultsText();
    if (!meta || !none) { return; }
    function update() {
      var empty = meta.textContent.trim() === none;
      var home = document.querySelector("a.md-logo");
      if (empty && home) {
        Array.prototype.forEach.call(help.querySelectorAll("[data-site-path]"), function (link) {
          link.setAttribute("href", new URL(link.getAttribute("data-site-path"), home.href).href);
        });
      }
      help.hidden = !empty;
    }
    help.addEventListener("click", function (event) {
      var toggle = document.getElementById("__search");
      if (event.target.closest("a") && toggle) { toggle.checked = false; }
    });
    new MutationObserver(update).observe(meta, { childList: true, characterData: true, subtree: true });
    update();
  }

  function init() {
    onHistory = onHistory.filter(onPage);  /* let go of the forms of the page left behind */
    Array.prototype.forEach.call(document.querySelectorAll("form[data-place-form]"), initPlaceStep);
    Array.prototype.forEach.call(document.querySelectorAll("[data-finder]"), initFinder);
    Array.prototype.forEach.call(document.querySelectorAll("form[data-filter='partners']"), initPartnerFilter);
    Array.prototype.forEach.call(document.querySelectorAll("[data-search-help]"), initSearchHelp);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
