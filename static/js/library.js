// The resource library loads filters, sorting and pages in place. Without this file every
// control still works: the form submits and the links load whole pages.
(function () {
  "use strict";

  var form = document.querySelector("[data-library-form]");
  if (!form || !window.fetch || !window.DOMParser || !window.history.pushState) {
    return;
  }
  document.documentElement.classList.add("js-library");

  function urlFor(formElement) {
    var params = new URLSearchParams();
    new FormData(formElement).forEach(function (value, key) {
      if (String(value).trim() !== "") {
        params.append(key, value);
      }
    });
    var query = params.toString();
    return form.action.split("?")[0] + (query ? "?" + query : "");
  }

  var pending = null;

  function load(url, options) {
    options = options || {};
    if (pending) {
      pending.abort();
    }
    pending = new AbortController();
    var region = form.querySelector("[data-library-region]");
    region.setAttribute("aria-busy", "true");
    var focusedId = document.activeElement && document.activeElement.id;
    return fetch(url, { signal: pending.signal, headers: { "X-Requested-With": "fetch" } })
      .then(function (response) {
        if (!response.ok && response.status !== 404) {
          throw new Error("HTTP " + response.status);
        }
        return response.text();
      })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, "text/html");
        var fresh = doc.querySelector("[data-library-region]");
        if (!fresh) {
          window.location.assign(url);
          return;
        }
        region.replaceWith(fresh);
        var freshQuery = doc.getElementById("library-q");
        var query = document.getElementById("library-q");
        if (freshQuery && query && document.activeElement !== query) {
          query.value = freshQuery.value;
        }
        if (!options.fromHistory) {
          window.history.pushState({ library: true }, "", url);
        }
        document.title = doc.title;
        var keep = focusedId && document.getElementById(focusedId);
        if (options.focusResults || !keep) {
          var heading = document.getElementById("results-heading");
          if (heading) {
            heading.focus();
          }
        } else {
          keep.focus();
        }
      })
      .catch(function (error) {
        if (error.name !== "AbortError") {
          window.location.assign(url);
        }
      });
  }

  form.addEventListener("change", function (event) {
    if (event.target.matches("input[type=checkbox], select")) {
      load(urlFor(form));
    }
  });

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    load(urlFor(form), { focusResults: true });
  });

  form.addEventListener("click", function (event) {
    var link = event.target.closest(".pagination a, [data-library-link]");
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) {
      return;
    }
    event.preventDefault();
    load(link.href, { focusResults: true }).then(function () {
      var heading = document.getElementById("results-heading");
      if (heading) {
        heading.scrollIntoView({ block: "start" });
      }
    });
  });

  window.addEventListener("popstate", function () {
    load(window.location.href, { fromHistory: true });
  });
})();
