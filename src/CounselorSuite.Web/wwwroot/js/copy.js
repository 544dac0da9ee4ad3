// "Copy" buttons next to read-only fields (invitation links, setup codes). Without JavaScript the
// buttons stay hidden and the field can be selected and copied by hand.
(function () {
  "use strict";
  document.querySelectorAll("button[data-copy-target]").forEach(function (button) {
    var field = document.getElementById(button.getAttribute("data-copy-target"));
    if (!field || !navigator.clipboard) {
      return;
    }
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(field.value || field.textContent || "").then(function () {
        button.textContent = "Copied";
      });
    });
  });
})();
