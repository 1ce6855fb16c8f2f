/* Bases communes — suggestions as you type in the header search (ARIA 1.2 combobox).
 *
 * Without this script the header search is a plain GET form to /rechercher/. With it, the input
 * (role="combobox") shows a listbox of titles from /rechercher/suggestions/?q=… : arrow keys
 * move among them (aria-activedescendant), Enter opens the chosen one (or searches when none is
 * chosen), Escape closes the list, then clears the input.
 */
(function () {
  "use strict";

  var DEBOUNCE_MS = 150;
  var MIN_LENGTH = 2;
  var KINDS = { resource: "Ressource", base: "Base", collection: "Collection" };

  function setUp(form) {
    var input = form.querySelector("[role=combobox]");
    var listbox = document.getElementById(input && input.getAttribute("aria-controls"));
    var url = form.getAttribute("data-bc-suggest");
    if (!input || !listbox || !url || !window.fetch) return;

    var status = document.createElement("p");
    status.className = "fr-sr-only";
    status.setAttribute("aria-live", "polite");
    status.setAttribute("aria-atomic", "true");
    form.appendChild(status);

    var timer = null;
    var controller = null;
    var options = [];
    var active = -1;
    var lastQuery = "";

    function isOpen() {
      return input.getAttribute("aria-expanded") === "true";
    }

    function setActive(index) {
      if (active >= 0 && options[active]) options[active].setAttribute("aria-selected", "false");
      active = index;
      if (active >= 0 && options[active]) {
        options[active].setAttribute("aria-selected", "true");
        input.setAttribute("aria-activedescendant", options[active].id);
        options[active].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function open() {
      if (!options.length) return;
      listbox.hidden = false;
      input.setAttribute("aria-expanded", "true");
    }

    function close() {
      setActive(-1);
      listbox.hidden = true;
      input.setAttribute("aria-expanded", "false");
    }

    function go(option) {
      var target = option && option.getAttribute("data-url");
      if (!target) return;
      close();
      window.location.assign(target);
    }

    function render(suggestions) {
      listbox.textContent = "";
      options = [];
      active = -1;
      input.removeAttribute("aria-activedescendant");
      suggestions.forEach(function (suggestion, index) {
        if (!suggestion || !suggestion.url || !suggestion.title) return;
        var option = document.createElement("li");
        option.id = listbox.id + "-" + index;
        option.className = "bc-suggest__option";
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.setAttribute("data-url", suggestion.url);
        var title = document.createElement("span");
        title.className = "bc-suggest__title";
        title.textContent = suggestion.title;
        option.appendChild(title);
        var kind = KINDS[suggestion.kind];
        if (kind) {
          var label = document.createElement("span");
          label.className = "bc-suggest__kind";
          label.textContent = kind;
          option.appendChild(document.createTextNode(" "));
          option.appendChild(label);
        }
        option.addEventListener("mousedown", function (event) {
          event.preventDefault(); // keep the focus in the input
        });
        option.addEventListener("click", function () {
          go(option);
        });
        listbox.appendChild(option);
        options.push(option);
      });
      if (options.length) {
        open();
        status.textContent =
          options.length === 1
            ? "1 suggestion disponible, flèche bas pour la parcourir."
            : options.length + " suggestions disponibles, flèches haut et bas pour les parcourir.";
      } else {
        close();
        status.textContent = "";
      }
    }

    function fetchSuggestions(query) {
      if (controller) controller.abort();
      controller = window.AbortController ? new AbortController() : null;
      var address = url + (url.indexOf("?") < 0 ? "?" : "&") + "q=" + encodeURIComponent(query);
      window
        .fetch(address, {
          headers: { Accept: "application/json" },
          credentials: "same-origin",
          signal: controller ? controller.signal : undefined,
        })
        .then(function (response) {
          return response.ok ? response.json() : { suggestions: [] };
        })
        .then(function (data) {
          if (input.value.trim() !== query) return; // typed on since
          render((data && data.suggestions) || []);
        })
        .catch(function () {
          /* aborted or offline: the form still searches */
        });
    }

    input.addEventListener("input", function () {
      var query = input.value.trim();
      window.clearTimeout(timer);
      if (query.length < MIN_LENGTH) {
        if (controller) controller.abort();
        lastQuery = "";
        render([]);
        return;
      }
      if (query === lastQuery) return;
      timer = window.setTimeout(function () {
        lastQuery = query;
        fetchSuggestions(query);
      }, DEBOUNCE_MS);
    });

    input.addEventListener("keydown", function (event) {
      if (event.isComposing) return;
      switch (event.key) {
        case "ArrowDown":
        case "Down":
          if (!options.length) return;
          event.preventDefault();
          if (!isOpen()) {
            open();
            if (!event.altKey) setActive(0);
          } else {
            setActive(active + 1 < options.length ? active + 1 : 0);
          }
          break;
        case "ArrowUp":
        case "Up":
          if (!options.length) return;
          event.preventDefault();
          if (!isOpen()) open();
          setActive(active > 0 ? active - 1 : options.length - 1);
          break;
        case "Enter":
          if (isOpen() && active >= 0) {
            event.preventDefault();
            go(options[active]);
          }
          break;
        case "Escape":
        case "Esc":
          if (isOpen()) {
            event.preventDefault();
            event.stopPropagation(); // do not close the header's search modal too
            close();
          } else if (input.value) {
            event.preventDefault();
            input.value = "";
            lastQuery = "";
            render([]);
          }
          break;
        case "Tab":
          close();
          break;
        default:
          break;
      }
    });

    input.addEventListener("blur", function () {
      window.setTimeout(close, 150);
    });
    input.addEventListener("focus", function () {
      if (options.length && input.value.trim() === lastQuery) open();
    });
    form.addEventListener("submit", close);
  }

  document.querySelectorAll("form[data-bc-suggest]").forEach(setUp);
})();

/* The search page's filters: « Voir plus » shows the values past the first ones of a facet
 * (without this script, all values show). A facet with a selected value among the hidden ones
 * stays open. */
(function () {
  "use strict";
  document.querySelectorAll(".bc-facet__more-btn").forEach(function (button) {
    var region = document.getElementById(button.getAttribute("aria-controls"));
    if (!region) return;
    var moreLabel = button.getAttribute("data-bc-more-label") || "Voir plus";
    function show(expanded) {
      region.hidden = !expanded;
      button.setAttribute("aria-expanded", expanded ? "true" : "false");
      button.textContent = expanded ? "Voir moins" : moreLabel;
    }
    show(!!region.querySelector("input:checked"));
    button.addEventListener("click", function () {
      var expanding = region.hidden;
      show(expanding);
      if (expanding) {
        var first = region.querySelector("input");
        if (first) first.focus();
      }
    });
  });
})();
