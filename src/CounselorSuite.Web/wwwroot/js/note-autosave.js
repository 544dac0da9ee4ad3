// Saves a draft note while the counselor types. The form works without this script (Save draft);
// with it, changes are posted to the page's Autosave handler a moment after typing stops.
(function () {
  "use strict";
  var form = document.querySelector("form[data-autosave]");
  if (!form || !window.fetch || !window.FormData) {
    return;
  }
  var status = form.querySelector("[data-autosave-status]");
  var version = form.querySelector("input[name=version]");
  var timer = null;
  var saving = false;
  var pending = false;

  function show(text) {
    if (status) {
      status.textContent = text;
    }
  }

  function save() {
    if (saving) {
      pending = true;
      return;
    }
    saving = true;
    show("Saving…");
    // FormData carries the antiforgery token the form already holds.
    fetch(form.getAttribute("data-autosave"), { method: "POST", body: new FormData(form), credentials: "same-origin" })
      .then(function (response) {
        return response.json().then(function (body) { return { ok: response.ok, body: body }; });
      })
      .then(function (result) {
        if (result.ok) {
          version.value = result.body.version;
          show("Saved at " + new Date(result.body.savedAt).toLocaleTimeString());
        } else {
          show(result.body.error || "Not saved. Use Save draft.");
        }
      })
      .catch(function () {
        show("Not saved (offline?). Your text is still here; use Save draft.");
      })
      .then(function () {
        saving = false;
        if (pending) {
          pending = false;
          save();
        }
      });
  }

  form.addEventListener("input", function () {
    show("Unsaved changes");
    window.clearTimeout(timer);
    timer = window.setTimeout(save, 1500);
  });
})();
