/* check-html.sh: whether anything on the page reaches past the window's
 * width (the page scrolling sideways, or an element cut off). */
(function () {
  var root = document.documentElement, width = root.clientWidth, bad = [];
  if (root.scrollWidth > width)
    bad.push("the page is " + root.scrollWidth + " px wide in a " + width + " px window");
  document.querySelectorAll("body *").forEach(function (e) {
    var r = e.getBoundingClientRect();
    if (r.width > 0 && r.right > width + 0.5)
      bad.push(e.tagName.toLowerCase() + (typeof e.className === "string" && e.className ? "." + e.className : "") +
               " ends at " + Math.round(r.right) + " px");
  });
  var p = document.createElement("pre");
  p.id = "limber-test";
  p.textContent = bad.length ? bad.slice(0, 6).join("; ") : "fits";
  document.body.appendChild(p);
})();
