// Polls the handout page's Status handler and reloads the page when a handout changes state, so the
// server renders the download links and Retry buttons. Without JavaScript a <noscript> refresh does it.
(function () {
  var batch = document.getElementById('handout-batch');
  if (!batch || batch.dataset.finished === 'true') {
    return;
  }
  var url = batch.dataset.statusUrl;
  var delay = 1000;
  function known(id) {
    var row = document.getElementById('handout-' + id);
    return row ? row.dataset.status : null;
  }
  function poll() {
    fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'application/json' }, cache: 'no-store' })
      .then(function (response) {
        if (!response.ok) { throw new Error(String(response.status)); }
        return response.json();
      })
      .then(function (state) {
        var changed = state.handouts.some(function (h) { return known(h.id) !== h.status; });
        if (changed) {
          window.location.reload();
          return;
        }
        var progress = document.getElementById('batch-progress');
        if (progress) { progress.textContent = state.ready + ' of ' + state.total + ' ready'; }
        if (!state.finished) {
          delay = Math.min(delay * 1.5, 10000);
          window.setTimeout(poll, delay);
        }
      })
      .catch(function () {
        window.setTimeout(poll, 10000);
      });
  }
  window.setTimeout(poll, delay);
})();
