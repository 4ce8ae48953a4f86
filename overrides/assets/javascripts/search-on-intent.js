/* Material's search downloads its whole index as soon as a page loads (about 90 KB gzip on a
 * national site, 0.9 MB of JSON) and parses it on the main thread, though most visitors
 * never search: on a phone that is data and work for nothing. This script holds back that one
 * request until the visitor reaches for search: focus in the search field (a tap on the
 * search icon and Material's keyboard shortcuts both focus it) or a press on the search icon.
 * A page opened from a search result with highlighted terms (?h=) asks for it at once.
 *
 * Material 9.8 fetches the index with XMLHttpRequest from its bundle, so this file must run
 * before the bundle (both are deferred, and deferred scripts run in document order). If a
 * later Material fetches differently, nothing is held back and search works as before.
 */
(function () {
  "use strict";

  var INDEX = /\/search\/search_index\.json(?:$|\?)/;
  var SEARCH = "label[for='__search'], [data-md-component='search']";
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

  XMLHttpRequest.prototype.open = function (method, url) {
    this.allianceHeldIndex = INDEX.test(String(url));
    return open.apply(this, arguments);
  };

  XMLHttpRequest.prototype.send = function () {
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
