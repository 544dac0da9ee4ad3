// Time zone pickers: offers the zone this device is set to. A picker with nothing chosen (registering
// a practice) starts on it; a picker set to another zone gets a button to switch. Without JavaScript
// the picker works as a plain list.
(function () {
  "use strict";
  var deviceZone;
  try {
    deviceZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch (e) {
    return;
  }
  if (!deviceZone) {
    return;
  }
  document.querySelectorAll("select[data-zone-picker]").forEach(function (select) {
    // Browsers may name a zone by an older alias (Asia/Calcutta); the list holds the current names.
    var aliases = { "Asia/Calcutta": "Asia/Kolkata", "Asia/Katmandu": "Asia/Kathmandu", "Asia/Saigon": "Asia/Ho_Chi_Minh",
      "Asia/Rangoon": "Asia/Yangon", "Europe/Kiev": "Europe/Kyiv", "America/Buenos_Aires": "America/Argentina/Buenos_Aires", "Etc/UTC": "UTC" };
    var zone = aliases[deviceZone] || deviceZone;
    var option = Array.prototype.find.call(select.options, function (o) { return o.value === zone; });
    if (!option) {
      return;
    }
    var effective = select.value || select.getAttribute("data-zone-effective") || "";
    if (effective === zone) {
      return;
    }
    if (!select.value && select.hasAttribute("data-zone-preselect")) {
      select.value = zone;
      return;
    }
    var offer = document.getElementById(select.getAttribute("data-zone-offer"));
    if (!offer) {
      return;
    }
    var button = offer.querySelector("button");
    button.textContent = "Use this device's zone: " + zone.replace(/_/g, " ");
    offer.hidden = false;
    button.addEventListener("click", function () {
      select.value = zone;
      offer.hidden = true;
      select.focus();
    });
  });
})();
