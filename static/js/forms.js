/* Bases communes — forms and page actions shared by every page (progressive enhancement: each
 * form and link works without this script).
 *
 * - Error summary: after a refused submission, the focus goes to the summary (.bc-error-summary),
 *   whose links lead to each field in error; fields in error carry aria-invalid.
 * - Long work: a form marked data-bc-busy="Publication en cours…" cannot be sent twice; its
 *   submit button says what is happening (and the page keeps it disabled until it is left).
 * - « Imprimer » (data-bc-print) and « Copier le lien » (data-bc-copy-link) buttons.
 * - DSFR tabs: the arrow keys move the focus with the selection.
 */
(function () {
  "use strict";

  // --- Error summary -------------------------------------------------------------------------
  var summary = document.querySelector(".bc-error-summary");
  document
    .querySelectorAll(
      ".fr-input--error, .fr-select--error, .fr-input-group--error input, .fr-input-group--error textarea, " +
        ".fr-select-group--error select, .fr-upload-group--error input, .fr-fieldset--error input, .fr-checkbox-group--error input"
    )
    .forEach(function (field) {
      if (!field.hasAttribute("aria-invalid")) field.setAttribute("aria-invalid", "true");
    });
  if (summary) {
    summary.setAttribute("tabindex", "-1");
    summary.focus();
    summary.querySelectorAll("a[href^='#']").forEach(function (link) {
      link.addEventListener("click", function (event) {
        var field = document.getElementById(link.getAttribute("href").slice(1));
        if (!field) return;
        event.preventDefault();
        field.scrollIntoView({ block: "center" });
        field.focus();
      });
    });
  }

  // --- Long work: one submission, with progress ---------------------------------------------
  document.querySelectorAll("form[data-bc-busy]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (form.getAttribute("data-bc-sending") === "true") {
        event.preventDefault();
        return;
      }
      form.setAttribute("data-bc-sending", "true");
      form.setAttribute("aria-busy", "true");
      var button = event.submitter || form.querySelector("[type=submit]");
      // The button's name=value must still travel: copy it before disabling the button.
      if (button && button.name) {
        var carried = document.createElement("input");
        carried.type = "hidden";
        carried.name = button.name;
        carried.value = button.value;
        carried.setAttribute("data-bc-carried", "");
        form.appendChild(carried);
      }
      var message = form.getAttribute("data-bc-busy") || "Envoi en cours…";
      window.setTimeout(function () {
        form.querySelectorAll("[type=submit]").forEach(function (other) {
          other.disabled = true;
          other.setAttribute("aria-disabled", "true");
        });
        if (button) {
          button.setAttribute("data-bc-label", button.innerHTML);
          button.classList.add("bc-busy");
          button.textContent = message;
        }
        var status = form.querySelector(".bc-busy-status");
        if (!status) {
          status = document.createElement("p");
          status.className = "fr-sr-only bc-busy-status";
          status.setAttribute("role", "status");
          form.appendChild(status);
        }
        status.textContent = message;
      }, 0);
    });
  });
  // Back to a page kept in the browser's cache: the form may be sent again.
  window.addEventListener("pageshow", function (event) {
    if (!event.persisted) return;
    document.querySelectorAll("form[data-bc-sending]").forEach(function (form) {
      form.removeAttribute("data-bc-sending");
      form.removeAttribute("aria-busy");
      form.querySelectorAll("[type=submit]").forEach(function (button) {
        button.disabled = false;
        button.removeAttribute("aria-disabled");
        button.classList.remove("bc-busy");
        if (button.hasAttribute("data-bc-label")) button.innerHTML = button.getAttribute("data-bc-label");
      });
      form.querySelectorAll("input[type=hidden][data-bc-carried]").forEach(function (input) {
        input.remove();
      });
    });
  });

  // --- « Imprimer » and « Copier le lien » ---------------------------------------------------
  document.querySelectorAll("[data-bc-print]").forEach(function (button) {
    button.addEventListener("click", function () {
      window.print();
    });
  });
  document.querySelectorAll("[data-bc-copy-link]").forEach(function (button) {
    button.addEventListener("click", function () {
      var url = button.getAttribute("data-bc-copy-link") || window.location.href;
      var status = document.getElementById(button.getAttribute("data-bc-copy-status"));
      var say = function (message) {
        if (status) status.textContent = message;
      };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(url).then(
          function () {
            say("Lien copié.");
          },
          function () {
            say("Copiez le lien : " + url);
          }
        );
      } else {
        say("Copiez le lien : " + url);
      }
    });
  });

  // --- DSFR tabs: the focus follows the arrow keys -------------------------------------------
  document.querySelectorAll(".fr-tabs__list[role=tablist]").forEach(function (list) {
    list.addEventListener("keydown", function (event) {
      if (["ArrowLeft", "ArrowRight", "Home", "End"].indexOf(event.key) === -1) return;
      var tabs = Array.prototype.slice.call(list.querySelectorAll("[role=tab]"));
      var index = tabs.indexOf(document.activeElement);
      if (index === -1) return;
      var next =
        event.key === "Home" ? 0
        : event.key === "End" ? tabs.length - 1
        : event.key === "ArrowLeft" ? (index - 1 + tabs.length) % tabs.length
        : (index + 1) % tabs.length;
      event.preventDefault();
      event.stopPropagation();
      tabs.forEach(function (tab, position) {
        tab.setAttribute("tabindex", position === next ? "0" : "-1");
      });
      tabs[next].focus();
      tabs[next].click();
    }, true);
  });
})();
