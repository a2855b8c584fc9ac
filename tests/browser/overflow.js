/* check-html.sh: whether anything on the page reaches past the width the
 * page is shown at (the page scrolling sideways, or an element cut off).
 * The width comes in the address's fragment (#390).  Headless Chromium
 * lays a page out no narrower than 500 px whatever its window, so a
 * narrower width is set on the page itself: the phone layout (max-width:
 * 640px) applies at both, and every box must end inside it. */
(function () {
  var root = document.documentElement, want = parseInt(location.hash.slice(1), 10) || root.clientWidth, bad = [];
  if (root.clientWidth > want)
    root.style.width = want + "px";
  var width = Math.min(want, root.clientWidth);
  /* the body's scrolling width: the root's is the window's at least */
  if (document.body.scrollWidth > width)
    bad.push("the page is " + document.body.scrollWidth + " px wide at " + width + " px");
  document.querySelectorAll("body *").forEach(function (e) {
    var r = e.getBoundingClientRect();
    if (r.width > 0 && r.right > width + 0.5)
      bad.push(e.tagName.toLowerCase() + (typeof e.className === "string" && e.className ? "." + e.className : "") +
               " ends at " + Math.round(r.right) + " px");
  });
  var p = document.createElement("pre");
  p.id = "limber-test";
  p.textContent = bad.length ? bad.slice(0, 6).join("; ") : "fits at " + width + " px";
  document.body.appendChild(p);
})();
