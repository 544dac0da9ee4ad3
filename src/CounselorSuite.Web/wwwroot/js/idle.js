// Signs a client out after the practice's inactivity time. The server enforces the same limit on its
// own; this moves the screen to a neutral page so nothing stays visible on an unattended phone.
(function () {
  "use strict";
  var body = document.body;
  var minutes = parseInt(body.getAttribute("data-idle-minutes") || "", 10);
  var url = body.getAttribute("data-idle-url");
  if (!minutes || !url) {
    return;
  }
  // The server counts from the last request, which is this page's load.
  var deadline = Date.now() + minutes * 60 * 1000;
  // Checked against the clock, not one long timer: a phone that slept must still leave when it wakes.
  function check() {
    if (Date.now() >= deadline) {
      window.location.replace(url);
    }
  }
  window.setInterval(check, 10000);
  document.addEventListener("visibilitychange", check);
})();
