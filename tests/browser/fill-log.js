/* check-html.sh: fills in the log and the re-scan as a person would, then
 * leaves what the page's own export makes of them in the page. */
(function () {
  var rows = document.querySelectorAll("#log tr.entry");
  function set (tr, field, value) {
    var input = tr.querySelector('[data-field="' + field + '"]');
    if (field === "completed")
      input.checked = value;
    else
      input.value = value;
  }
  /* done as planned, with discomfort during and the next morning */
  set(rows[0], "completed", true);
  set(rows[0], "discomfort", "2");
  set(rows[0], "discomfort_next_day", "1");
  /* done with one more set than planned, no discomfort */
  set(rows[1], "completed", true);
  set(rows[1], "sets", "2");
  set(rows[1], "discomfort", "0");
  /* not done, but the discomfort noted */
  set(rows[2], "discomfort", "3");
  /* a held stretch, held shorter than planned */
  var hold = Array.prototype.find.call(rows, function (tr) { return tr.querySelector('[data-field="hold_s"]'); });
  set(hold, "completed", true);
  set(hold, "hold_s", "4");
  set(hold, "discomfort_next_day", "2");
  /* one measure re-scanned */
  document.getElementById("rescan-date").value = "2026-11-29";
  var measure = document.querySelector("#rescan .measure");
  measure.querySelector('[data-field="left"]').value = "30";
  var right = measure.querySelector('[data-field="right"]');
  if (right)
    right.value = "31";
  var p = document.createElement("pre");
  p.id = "limber-test";
  p.textContent = limberLog();
  document.body.appendChild(p);
})();
