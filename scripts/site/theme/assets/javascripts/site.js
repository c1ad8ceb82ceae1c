/* The campaign site's own script, loaded just before Material's bundle (theme block "scripts").
 *
 * It replaces Material's inline scripts (so that the Content-Security-Policy allows scripts
 * from the site only, with no hash list) and adds two things through plain web APIs,
 * without touching Material's files:
 * - old browsers without ResizeObserver get the polyfill from this site before the bundle
 *   runs (the bundle would otherwise fetch it from unpkg.com);
 * - the search index is requested only when the reader first opens or focuses search:
 *   readers on slow connections who never search do not download it.
 */
(function () {
  "use strict";
  var here = document.currentScript.src;

  /* Material's helpers (partials/javascripts/base.html): the site's scope and local storage. */
  window.__md_scope = new URL("../..", here);
  window.__md_hash = function (value) {
    return Array.prototype.reduce.call(value, function (hash, c) { return (hash << 5) - hash + c.charCodeAt(0); }, 0);
  };
  window.__md_get = function (key, storage, scope) {
    storage = storage || localStorage; scope = scope || __md_scope;
    return JSON.parse(storage.getItem(scope.pathname + "." + key));
  };
  window.__md_set = function (key, value, storage, scope) {
    storage = storage || localStorage; scope = scope || __md_scope;
    try { storage.setItem(scope.pathname + "." + key, JSON.stringify(value)); } catch (e) { /* storage full or off */ }
  };

  /* Material's partials/javascripts/content.html: open the tab a link points at. */
  var target = document.getElementById(location.hash.slice(1));
  if (target && target.name) target.checked = target.name.indexOf("__tabbed_") === 0;

  /* ResizeObserver for old browsers, from this site, before the bundle runs. */
  if (!("ResizeObserver" in window)) {
    document.write('<script src="' + new URL("vendor/resize-observer.js", here) + '"><\/script>');
  }

  /* The search index: held back until the reader asks for search. */
  var open = XMLHttpRequest.prototype.open, send = XMLHttpRequest.prototype.send;
  var waiting = [], asked = false;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.__searchIndex = /\/search\/search_index\.json$/.test(String(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (this.__searchIndex && !asked) { waiting.push([this, arguments]); return; }
    return send.apply(this, arguments);
  };
  function ask() {
    if (asked) return;
    asked = true;
    waiting.splice(0).forEach(function (held) { send.apply(held[0], held[1]); });
  }
  document.addEventListener("focusin", function (event) {
    if (event.target.closest && event.target.closest("form[name=search]")) ask();
  });
  document.addEventListener("change", function (event) {
    if (event.target.id === "__search" && event.target.checked) ask();
  });
})();
