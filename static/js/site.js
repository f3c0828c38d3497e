// Progressive enhancement only: every control on the site works without this file.
(function () {
  "use strict";

  // Quick exit: leave at once and replace this page in the history, so Back does not return.
  // Pressing Shift three times within a second does the same (the GOV.UK "Exit this page" pattern).
  function quickExit(url) {
    document.body.hidden = true;
    document.title = "";
    window.location.replace(url);
  }

  var exitLink = document.querySelector("[data-quick-exit]");
  if (exitLink) {
    exitLink.addEventListener("click", function (event) {
      event.preventDefault();
      quickExit(exitLink.href);
    });
    var shiftPresses = [];
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Shift" || event.repeat) {
        return;
      }
      var now = Date.now();
      shiftPresses = shiftPresses.filter(function (time) { return now - time < 1000; });
      shiftPresses.push(now);
      if (shiftPresses.length >= 3) {
        quickExit(exitLink.href);
      }
    });
  }
})();
