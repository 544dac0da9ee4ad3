// Opens the week grid at the start of the working day; earlier and later hours stay a scroll away.
// Without this script the grid opens at midnight and everything still works.
(function () {
  "use strict";
  var grid = document.getElementById("week-grid");
  if (!grid) {
    return;
  }
  var hour = document.getElementById("hour-" + grid.getAttribute("data-work-start"));
  var head = grid.querySelector(".week-head");
  if (hour) {
    // The day header sticks to the top of the box: the working day starts just below it.
    grid.scrollTop = hour.getBoundingClientRect().top - grid.getBoundingClientRect().top + grid.scrollTop - (head ? head.offsetHeight : 0);
  }
})();
