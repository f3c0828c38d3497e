// Progressive enhancement only: every control on the site works without this file.
(function () {
  "use strict";

  // Quick exit, after the GOV.UK Design System's "Exit this page" component. Without this file
  // the button is a plain link. With it, leaving blanks the page at once, says so to screen
  // readers, and replaces this page in the history so Back does not return to it. Pressing
  // Shift three times does the same, with up to five seconds between one press and the next
  // (GOV.UK's timing); any other key, or Shift used with another key, starts the count again.
  var PRESSES_NEEDED = 3;
  var PRESS_WINDOW_MS = 5000;

  var exitLink = document.querySelector("[data-quick-exit]");
  if (!exitLink) {
    return;
  }
  var bar = (exitLink.closest && exitLink.closest("[data-quick-exit-bar]")) || exitLink.parentNode;

  // What is said, in the page's language (quick_exit.html), with English if a page lacks it.
  function text(name, fallback) {
    return bar.getAttribute("data-text-" + name) || fallback;
  }

  // A live region that exists before anything is said in it, so screen readers announce it.
  var status = document.createElement("span");
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  status.setAttribute("data-quick-exit-status", "");
  bar.appendChild(status);

  // Three lights on the button show how many Shift presses have counted.
  var indicator = document.createElement("span");
  indicator.className = "quick-exit__indicator";
  indicator.setAttribute("aria-hidden", "true");
  var lights = [];
  for (var i = 0; i < PRESSES_NEEDED; i += 1) {
    var light = document.createElement("span");
    light.className = "quick-exit__light";
    indicator.appendChild(light);
    lights.push(light);
  }
  exitLink.appendChild(indicator);

  var presses = 0;
  var pressTimer = null;
  var quietTimer = null;
  var shiftHeld = false;
  var shiftWasModifier = false;
  var leaving = false;
  var overlay = null;

  function announce(message) {
    window.clearTimeout(quietTimer);
    status.textContent = message;
  }

  function showPresses() {
    indicator.classList.toggle("is-visible", presses > 0);
    for (var j = 0; j < lights.length; j += 1) {
      lights[j].classList.toggle("is-on", j < presses);
    }
  }

  function cancelPresses() {
    window.clearTimeout(pressTimer);
    pressTimer = null;
    if (presses === 0) {
      return;
    }
    presses = 0;
    showPresses();
    announce(text("cancelled", "Quick exit cancelled."));
    quietTimer = window.setTimeout(function () {
      status.textContent = "";
    }, PRESS_WINDOW_MS);
  }

  function leave() {
    if (leaving) {
      return;
    }
    leaving = true;
    var destination = exitLink.href;
    window.clearTimeout(pressTimer);
    status.textContent = "";
    // Hide everything but a plain "Leaving" notice, in case the next site is slow to load.
    document.body.classList.add("is-leaving-quickly");
    overlay = document.createElement("div");
    overlay.className = "quick-exit-overlay";
    overlay.setAttribute("role", "alert");
    overlay.setAttribute("data-quick-exit-overlay", "");
    document.body.appendChild(overlay);
    // Text set after insertion is announced more reliably than text present on insertion.
    overlay.textContent = text("leaving", "Leaving this site.");
    document.title = text("leaving-title", "Leaving");
    try {
      window.location.replace(destination);
    } catch (error) {
      window.location.href = destination;
    }
  }

  // A page brought back from the browser's back-forward cache must be usable again.
  function restore() {
    leaving = false;
    document.body.classList.remove("is-leaving-quickly");
    if (overlay && overlay.parentNode) {
      overlay.parentNode.removeChild(overlay);
    }
    overlay = null;
    presses = 0;
    shiftHeld = false;
    shiftWasModifier = false;
    window.clearTimeout(pressTimer);
    window.clearTimeout(quietTimer);
    status.textContent = "";
    showPresses();
  }

  exitLink.addEventListener("click", function (event) {
    event.preventDefault();
    leave();
  });

  document.addEventListener(
    "keydown",
    function (event) {
      if (event.key === "Shift") {
        if (!event.repeat) {
          shiftHeld = true;
          shiftWasModifier = false;
        }
        return;
      }
      // Shift with another key is typing (a capital letter), not the shortcut.
      if (shiftHeld) {
        shiftWasModifier = true;
      }
      cancelPresses();
    },
    true
  );

  document.addEventListener(
    "keyup",
    function (event) {
      if (event.key !== "Shift" || leaving) {
        return;
      }
      var counts = !shiftWasModifier && !event.isComposing;
      shiftHeld = false;
      shiftWasModifier = false;
      if (!counts) {
        return;
      }
      presses += 1;
      showPresses();
      window.clearTimeout(pressTimer);
      if (presses >= PRESSES_NEEDED) {
        presses = 0;
        leave();
        return;
      }
      var left = PRESSES_NEEDED - presses;
      var pressesText = left === 1
        ? text("presses-one", "Shift, press {n} more time to leave this site.")
        : text("presses-other", "Shift, press {n} more times to leave this site.");
      announce(pressesText.replace("{n}", left));
      pressTimer = window.setTimeout(cancelPresses, PRESS_WINDOW_MS);
    },
    true
  );

  // Switching windows mid-count (Alt+Tab, a phone call) should not leave half a shortcut armed.
  window.addEventListener("blur", function () {
    shiftHeld = false;
    shiftWasModifier = false;
  });

  window.addEventListener("pageshow", function (event) {
    if (event.persisted || leaving) {
      restore();
    }
  });
})();

// The header's Search and Menu buttons on narrow screens. Without this file they are <details>
// disclosures, and site.css shows the search box or the menu while one is open. Here each
// becomes a real <button> with aria-expanded and aria-controls; opening one closes the other,
// Escape closes it and returns focus to it, and opening Search puts the cursor in the box.
(function () {
  "use strict";

  var header = document.querySelector("[data-site-header]");
  if (!header) {
    return;
  }
  var toggles = [];

  function setOpen(toggle, open) {
    toggle.button.setAttribute("aria-expanded", open ? "true" : "false");
    toggle.target.classList.toggle("is-open", open);
  }

  function closeAll(except) {
    for (var i = 0; i < toggles.length; i += 1) {
      if (toggles[i] !== except) {
        setOpen(toggles[i], false);
      }
    }
  }

  var disclosures = header.querySelectorAll("[data-header-toggle]");
  for (var i = 0; i < disclosures.length; i += 1) {
    var details = disclosures[i];
    var target = document.getElementById(details.getAttribute("data-header-toggle"));
    var summary = details.querySelector("summary");
    if (!target || !summary) {
      continue;
    }
    var button = document.createElement("button");
    button.type = "button";
    button.className = summary.className + " " + details.className;
    button.setAttribute("aria-controls", target.id);
    while (summary.firstChild) {
      button.appendChild(summary.firstChild);
    }
    var toggle = { button: button, target: target };
    toggles.push(toggle);
    setOpen(toggle, details.open);
    details.parentNode.replaceChild(button, details);
    button.addEventListener(
      "click",
      (function (current) {
        return function () {
          var open = current.button.getAttribute("aria-expanded") !== "true";
          closeAll(current);
          setOpen(current, open);
          if (open) {
            var field = current.target.querySelector("input[type=search]");
            if (field) {
              field.focus();
            }
          }
        };
      })(toggle)
    );
  }
  header.classList.add("has-header-buttons");

  header.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") {
      return;
    }
    for (var j = 0; j < toggles.length; j += 1) {
      var current = toggles[j];
      // The search box's own Escape closes its suggestions first (autocomplete.js).
      if (current.button.getAttribute("aria-expanded") === "true" && !event.defaultPrevented) {
        setOpen(current, false);
        if (current.target.contains(document.activeElement)) {
          current.button.focus();
        }
      }
    }
  });
})();

// A question and answer opened by its own address (#its-id): browsers that open a <details>
// holding the target do so anyway; this does it in the others, and when only the hash changes.
(function () {
  "use strict";

  function openTarget() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    var target = id && document.getElementById(id);
    if (target && target.tagName === "DETAILS") {
      target.open = true;
    }
  }

  openTarget();
  window.addEventListener("hashchange", openTarget);
})();
