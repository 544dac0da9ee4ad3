// Quick exit: one tap on the button, or the Escape key, replaces this page with the practice's neutral
// site, so the Back button does not return here. Without JavaScript the button is a plain link.
(function () {
  "use strict";
  var link = document.getElementById("quick-exit");
  if (!link) {
    return;
  }
  var target = link.getAttribute("href");
  var gone = false;

  function leave(event) {
    if (event) {
      event.preventDefault();
    }
    if (gone) {
      return;
    }
    gone = true;
    // Hide what was on screen at once, and end the session on the way out.
    document.documentElement.classList.add("leaving");
    try {
      fetch("/account/signed-out", { credentials: "same-origin", keepalive: true, cache: "no-store" });
    } catch (e) {
      // Leaving matters more than signing out.
    }
    window.location.replace(target);
  }

  link.addEventListener("click", leave);
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" || event.key === "Esc") {
      leave(event);
    }
  });
})();
