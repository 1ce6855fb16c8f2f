/* Bases communes — small progressive enhancements; every page works without them. */
(function () {
  "use strict";
  document.querySelectorAll(".bc-js-only").forEach(function (element) {
    element.classList.remove("bc-js-only");
  });

  // Copy buttons: <button data-bc-copy="field-id" data-bc-copy-status="status-id">.
  document.querySelectorAll("[data-bc-copy]").forEach(function (button) {
    button.addEventListener("click", function () {
      var field = document.getElementById(button.getAttribute("data-bc-copy"));
      var status = document.getElementById(button.getAttribute("data-bc-copy-status"));
      if (!field) return;
      var say = function (message) {
        if (status) status.textContent = message;
      };
      var fallback = function () {
        field.focus();
        field.select();
        try {
          say(document.execCommand("copy") ? "Mention copiée." : "Sélectionnez la mention puis copiez-la.");
        } catch (error) {
          say("Sélectionnez la mention puis copiez-la.");
        }
      };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(field.value).then(function () {
          say("Mention copiée.");
        }, fallback);
      } else {
        fallback();
      }
    });
  });

  // Tabs of a base: keep ?onglet= in the address so that reloading or sharing keeps the tab.
  document.querySelectorAll(".bc-tabs [data-bc-tab]").forEach(function (panel) {
    panel.addEventListener("dsfr.disclose", function () {
      if (!window.history || !window.URL) return;
      var url = new URL(window.location.href);
      url.searchParams.set("onglet", panel.getAttribute("data-bc-tab"));
      url.searchParams.delete("view");
      url.hash = "";
      window.history.replaceState(null, "", url.toString());
      if (panel.getAttribute("data-bc-title")) document.title = panel.getAttribute("data-bc-title");
    });
  });
})();
