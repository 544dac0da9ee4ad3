// Saves homework answers as a server-side draft while the client works. The form works without this
// script (its Save button); with it, every change is posted to the page's Autosave handler a moment
// later, with the antiforgery token the form already holds, and the page says "Saved".
(function () {
  "use strict";
  var form = document.querySelector("form[data-autosave]");
  if (!form || !window.fetch || !window.FormData) {
    return;
  }
  var status = form.querySelector("[data-autosave-status]");
  var version = form.querySelector("input[name=draftVersion]");
  var help = document.getElementById("help-now");
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
    fetch(form.getAttribute("data-autosave"), { method: "POST", body: new FormData(form), credentials: "same-origin" })
      .then(function (response) {
        return response.json().then(function (body) { return { ok: response.ok, body: body }; });
      })
      .then(function (result) {
        if (result.ok) {
          version.value = result.body.version;
          show("Saved");
          if (result.body.showHelpResources && help) {
            help.hidden = false;
          }
        } else {
          show(result.body.error || "Not saved. Use the Save button.");
        }
      })
      .catch(function () {
        show("Not saved (no connection?). Your answers are still here; use the Save button.");
      })
      .then(function () {
        saving = false;
        if (pending) {
          pending = false;
          save();
        }
      });
  }

  function changed() {
    show("Not saved yet");
    window.clearTimeout(timer);
    timer = window.setTimeout(save, 800);
  }

  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  // Submitting cancels a pending autosave: the submit carries the same answers.
  form.addEventListener("submit", function () {
    window.clearTimeout(timer);
  });
})();
