/* Duplicate warnings while a resource is written: the similar existing resources appear under
   the title field. Progressive enhancement: without JavaScript nothing changes.
   Used by the Wagtail page editor (search/wagtail_hooks.py) and by any form holding an element
   [data-bc-duplicates-url] (optional data-bc-duplicates-page / -parent), a title field
   (name="title") and a summary field (name="summary"). */
(function () {
  "use strict";

  function setUp(url, form, params) {
    var title = form.querySelector('[name="title"]');
    var summary = form.querySelector('[name="summary"]');
    if (!title || !summary) {
      return;
    }
    var box = document.createElement("div");
    box.className = "bc-duplicates-box";
    box.setAttribute("aria-live", "polite");
    box.setAttribute("data-bc-duplicates", "");
    title.insertAdjacentElement("afterend", box);
    var timer = null;
    var last = null;

    function ask() {
      var query = new URLSearchParams(params);
      query.set("titre", title.value);
      query.set("resume", summary.value.slice(0, 1000));
      var key = query.toString();
      if (key === last) {
        return;
      }
      last = key;
      fetch(url + "?" + key, { credentials: "same-origin", headers: { "X-Requested-With": "fetch" } })
        .then(function (response) { return response.ok ? response.text() : ""; })
        .then(function (html) { if (key === last) { box.innerHTML = html; } })
        .catch(function () {});
    }

    function later() {
      window.clearTimeout(timer);
      timer = window.setTimeout(ask, 400);
    }

    title.addEventListener("input", later);
    summary.addEventListener("input", later);
    if (title.value) {
      ask();
    }
  }

  function start() {
    document.querySelectorAll("[data-bc-duplicates-url]").forEach(function (marker) {
      var form = marker.closest("form") || document;
      var params = {};
      if (marker.dataset.bcDuplicatesPage) { params.page = marker.dataset.bcDuplicatesPage; }
      if (marker.dataset.bcDuplicatesParent) { params.parent = marker.dataset.bcDuplicatesParent; }
      setUp(marker.dataset.bcDuplicatesUrl, form, params);
    });
    /* The Wagtail page editor: only a resource's (its create URL names the model; on edit the
       resource's form has a summary field, the other page types do not). */
    var config = document.getElementById("bc-duplicates-admin");
    if (!config) {
      return;
    }
    var path = window.location.pathname;
    var create = path.match(/\/pages\/add\/ressources\/resourcepage\/(\d+)\//);
    var edit = path.match(/\/pages\/(\d+)\/edit\//);
    var form = document.querySelector("form[data-edit-form]") || document.querySelector("form#page-edit-form") || document;
    if (create) {
      setUp(config.dataset.url, form, { parent: create[1] });
    } else if (edit) {
      setUp(config.dataset.url, form, { page: edit[1] });
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
