/* Two requests of Material's bundle that this site changes. Material 9.8 makes both with
 * XMLHttpRequest, so this file must run before the bundle (both are deferred, and deferred
 * scripts run in document order). If a later Material fetches differently, nothing is changed
 * and the site works as Material made it (tests/test_material_contract.py says so first).
 *
 * 1. The search index waits for the visitor. Material's search downloads its whole index as
 *    soon as a page loads (about 150 KB gzip on a national site) and parses it on the main
 *    thread, though most visitors never search: on a phone that is data and work for nothing.
 *    The request is held back until the visitor reaches for search: focus in the search field
 *    (a tap on the search icon and Material's keyboard shortcuts both focus it) or a press on
 *    the search icon. A page opened from a search result with highlighted terms (?h=) asks for
 *    it at once.
 *
 * 2. No sitemap beside a feed. Material looks for a sitemap.xml beside every
 *    <link rel="alternate"> of a page, because it expects those links to name the site in other
 *    languages. This site's alternates are its news feeds (nyheder/feed.xml), which have no
 *    sitemap beside them: every page asked for one and got a 404, an error in the console. The
 *    request is answered as aborted instead (Material then leaves that link alone), and is never
 *    sent. Feed readers read the same links as before.
 *
 * Why a patch of XMLHttpRequest.prototype: Material has no setting for either request and makes
 * both inside its bundle, and the held-back index is what it buys: 148 KB gzip (1.6 MB of JSON)
 * on a national site, nearly twice the home page's whole first load (80 KB gzip of HTML, CSS and
 * JavaScript; `make national`, December 2026), which a visitor who does not search never needs.
 */
(function () {
  "use strict";

  var INDEX = /\/search\/search_index\.json(?:$|\?)/;
  var SEARCH = "label[for='__search'], [data-md-component='search']";
  var FEEDS = "link[rel=alternate][type='application/atom+xml']";
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  var held = [];
  var wanted = /[?&]h=/.test(window.location.search);

  function release() {
    if (wanted) { return; }
    wanted = true;
    document.removeEventListener("focusin", onIntent, true);
    document.removeEventListener("pointerdown", onIntent, true);
    held.splice(0).forEach(function (request) { send.apply(request.xhr, request.args); });
  }

  /* Focus in the search dialog, or a press on it or on the header's search icon. */
  function onIntent(event) {
    if (event.target.closest && event.target.closest(SEARCH)) { release(); }
  }

  /* The site's own sitemap, which instant navigation needs: from Material's config, whose
   * base is the site's root relative to this page. */
  function siteSitemap() {
    var config = document.getElementById("__config");
    var base = config ? JSON.parse(config.textContent).base : ".";
    return new URL("sitemap.xml", new URL(base.replace(/\/?$/, "/"), window.location.href)).href;
  }

  /* Is `url` the sitemap Material would look for beside one of this page's feed links (and not
   * the site's own)? */
  function besideAFeed(url) {
    var target = new URL(String(url), document.baseURI).href;
    if (target === siteSitemap()) { return false; }
    return Array.prototype.some.call(document.querySelectorAll(FEEDS), function (link) {
      return new URL("sitemap.xml", link.href).href === target;
    });
  }

  XMLHttpRequest.prototype.open = function (method, url) {
    this.allianceHeldIndex = INDEX.test(String(url));
    this.allianceFeedSitemap = besideAFeed(url);
    return open.apply(this, arguments);
  };

  XMLHttpRequest.prototype.send = function () {
    if (this.allianceFeedSitemap) {
      this.dispatchEvent(new Event("abort"));
      return undefined;
    }
    if (this.allianceHeldIndex && !wanted) {
      held.push({ xhr: this, args: arguments });
      return undefined;
    }
    return send.apply(this, arguments);
  };

  if (!wanted) {
    document.addEventListener("focusin", onIntent, true);
    document.addEventListener("pointerdown", onIntent, true);
  }
})();
