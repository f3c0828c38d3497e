// Suggestions for the search boxes (the header's, for the whole site; the library's, for its
// resources), as an ARIA 1.2 combobox with a listbox popup
// (https://www.w3.org/WAI/ARIA/apg/patterns/combobox/). Progressive enhancement only: without
// this file each box is a plain form that submits as before.
(function () {
  "use strict";

  var MIN_LENGTH = 2;
  var DELAY_MS = 200;

  if (!window.fetch || !window.URL) {
    return;
  }

  // A box names its suggestions' address on itself or on its form (data-autocomplete-url).
  function enhance(input, endpoint) {
    var listboxId = input.id + "-suggestions";
    var suggestions = [];
    var active = -1;
    var timer = null;
    var request = null;
    var lastQuery = "";
    // What the box says, in the page's language: on the box, else on the site's search form.
    var siteSearch = document.getElementById("site-search");
    function textOf(count, fallback) {
      var name = "data-autocomplete-" + count;
      return input.getAttribute(name) || (siteSearch && siteSearch.getAttribute(name)) || fallback;
    }

    var listbox = document.createElement("ul");
    listbox.id = listboxId;
    listbox.className = "site-search__listbox";
    listbox.setAttribute("role", "listbox");
    listbox.setAttribute(
      "aria-label",
      input.getAttribute("data-autocomplete-label") || textOf("label", "Suggested pages")
    );
    listbox.hidden = true;

    var status = document.createElement("div");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listboxId);
    input.insertAdjacentElement("afterend", listbox);
    input.form.appendChild(status);

    function optionId(index) {
      return listboxId + "-" + index;
    }

    function isOpen() {
      return !listbox.hidden;
    }

    function setActive(index) {
      var options = listbox.children;
      for (var i = 0; i < options.length; i++) {
        options[i].setAttribute("aria-selected", i === index ? "true" : "false");
      }
      active = index;
      if (index >= 0 && options[index]) {
        input.setAttribute("aria-activedescendant", optionId(index));
        options[index].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function open() {
      if (suggestions.length) {
        listbox.hidden = false;
        input.setAttribute("aria-expanded", "true");
      }
    }

    function close() {
      listbox.hidden = true;
      input.setAttribute("aria-expanded", "false");
      setActive(-1);
    }

    function go(index) {
      var suggestion = suggestions[index];
      if (suggestion) {
        close();
        window.location.assign(suggestion.url);
      }
    }

    function render(results) {
      suggestions = results;
      listbox.textContent = "";
      results.forEach(function (result, index) {
        var option = document.createElement("li");
        option.id = optionId(index);
        option.className = "site-search__option";
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        var title = document.createElement("span");
        title.className = "site-search__option-title";
        title.textContent = result.title;
        var type = document.createElement("span");
        type.className = "site-search__option-type";
        type.textContent = result.type;
        option.appendChild(title);
        if (result.pronouns) {
          // Beside a person's name, as on their page.
          var pronouns = document.createElement("span");
          pronouns.className = "site-search__option-pronouns";
          pronouns.textContent = " (" + result.pronouns + ")";
          option.appendChild(pronouns);
        }
        option.appendChild(document.createTextNode(" "));
        option.appendChild(type);
        listbox.appendChild(option);
      });
      setActive(-1);
      if (results.length) {
        open();
        // In the page's language, from the box's form (header.html); {n} is the number.
        var said = results.length === 1
          ? textOf("one", "{n} suggestion. Use the up and down arrows to choose one.")
          : textOf("other", "{n} suggestions. Use the up and down arrows to choose one.");
        status.textContent = said.replace("{n}", results.length);
      } else {
        close();
        status.textContent = "";
      }
    }

    function fetchSuggestions() {
      var query = input.value.trim();
      if (query === lastQuery) {
        open();
        return;
      }
      lastQuery = query;
      if (request) {
        request.abort();
        request = null;
      }
      if (query.length < MIN_LENGTH) {
        render([]);
        return;
      }
      request = new AbortController();
      var address = new URL(endpoint, window.location.href);
      address.searchParams.set("q", query);
      fetch(address.toString(), {
        headers: { Accept: "application/json" },
        credentials: "same-origin",
        signal: request.signal,
      })
        .then(function (response) {
          return response.ok ? response.json() : { results: [] };
        })
        .then(function (data) {
          if (input.value.trim() === query && document.activeElement === input) {
            render(Array.isArray(data.results) ? data.results : []);
          }
        })
        .catch(function () {
          // Offline or aborted: the form still submits to the search page.
        });
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(fetchSuggestions, DELAY_MS);
    });

    input.addEventListener("keydown", function (event) {
      var count = suggestions.length;
      switch (event.key) {
        case "ArrowDown":
          if (!count) {
            return;
          }
          event.preventDefault();
          if (!isOpen()) {
            open();
            if (!event.altKey) {
              setActive(0);
            }
          } else {
            setActive(active + 1 < count ? active + 1 : 0);
          }
          break;
        case "ArrowUp":
          if (!count) {
            return;
          }
          event.preventDefault();
          open();
          setActive(active > 0 ? active - 1 : count - 1);
          break;
        case "Enter":
          if (isOpen() && active >= 0) {
            event.preventDefault();
            go(active);
          }
          break;
        case "Escape":
          if (isOpen()) {
            event.preventDefault();
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
      close();
    });

    input.addEventListener("focus", function () {
      if (suggestions.length && input.value.trim() === lastQuery) {
        open();
      }
    });

    // mousedown would move focus out of the box (and close the list) before the click lands.
    listbox.addEventListener("mousedown", function (event) {
      event.preventDefault();
    });

    listbox.addEventListener("click", function (event) {
      var option = event.target.closest("[role=option]");
      if (option) {
        go(Array.prototype.indexOf.call(listbox.children, option));
      }
    });

    listbox.addEventListener("mousemove", function (event) {
      var option = event.target.closest("[role=option]");
      if (option) {
        var index = Array.prototype.indexOf.call(listbox.children, option);
        if (index !== active) {
          setActive(index);
        }
      }
    });
  }

  var boxes = document.querySelectorAll(
    "form[data-autocomplete-url] input[name=q], input[data-autocomplete-url]"
  );
  Array.prototype.forEach.call(boxes, function (input) {
    enhance(
      input,
      input.getAttribute("data-autocomplete-url") ||
        input.form.getAttribute("data-autocomplete-url")
    );
  });
})();
