// Live preview of Markdown fields. Without this script the page's Preview button posts the form and the
// page comes back with the preview (nothing is saved). With it, typing in a textarea marked
// data-markdown-preview="ID" does the same in the background a moment later, through the button named by
// data-preview-button, and puts the returned page's element ID in place of ours: the server's one
// Markdown renderer and sanitizer make the HTML, never this script.
(function () {
  "use strict";
  if (!window.fetch || !window.FormData || !window.DOMParser) {
    return;
  }
  Array.prototype.forEach.call(document.querySelectorAll("textarea[data-markdown-preview]"), function (field) {
    var target = document.getElementById(field.getAttribute("data-markdown-preview"));
    var button = document.getElementById(field.getAttribute("data-preview-button"));
    if (!target || !button || !field.form) {
      return;
    }
    var timer = null;
    var latest = 0;

    function refresh() {
      var asked = ++latest;
      var body = new FormData(field.form);
      if (button.name) {
        body.append(button.name, button.value);
      }
      fetch(button.formAction || field.form.action, { method: "POST", body: body, credentials: "same-origin" })
        .then(function (response) { return response.text(); })
        .then(function (html) {
          var fresh = new DOMParser().parseFromString(html, "text/html").getElementById(target.id);
          // A slower, older answer never replaces a newer one.
          if (fresh && asked === latest) {
            target.innerHTML = fresh.innerHTML;
            target.hidden = fresh.hidden;
          }
        })
        .catch(function () { /* the Preview button still works */ });
    }

    field.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(refresh, 700);
    });
  });
})();
