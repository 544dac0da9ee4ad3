// Saves a form as a server-side draft while someone types: a client's homework answers, a counselor's
// draft note. Every form works without this script (its Save button); with it, each change is posted to
// the URL in the form's data-autosave a moment later, with the antiforgery token the form already holds.
//   data-autosave-version  name of the hidden input holding the draft's version (the answer's "version" updates it)
//   data-autosave-reveal   id of an element to unhide when the answer says showHelpResources
//   data-autosave-delay    milliseconds to wait after the last change (default 800)
(function () {
  "use strict";
  var form = document.querySelector("form[data-autosave]");
  if (!form || !window.fetch || !window.FormData) {
    return;
  }
  var status = form.querySelector("[data-autosave-status]");
  var version = form.querySelector("input[name='" + (form.getAttribute("data-autosave-version") || "version") + "']");
  var reveal = document.getElementById(form.getAttribute("data-autosave-reveal") || "");
  var delay = parseInt(form.getAttribute("data-autosave-delay") || "800", 10);
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
          if (version && result.body.version !== undefined) {
            version.value = result.body.version;
          }
          show("Saved");
          if (result.body.showHelpResources && reveal) {
            reveal.hidden = false;
          }
        } else {
          show(result.body.error || "Not saved. Use the Save button.");
        }
      })
      .catch(function () {
        show("Not saved (no connection?). Your text is still here; use the Save button.");
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
    timer = window.setTimeout(save, delay);
  }

  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  // Submitting cancels a pending autosave: the submit carries the same text.
  form.addEventListener("submit", function () {
    window.clearTimeout(timer);
  });
})();
