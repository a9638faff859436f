// Review queue keys (a separate file: the CSP allows no inline script). y / n / u press the
// current pair's Same / Different / Unsure button, so the form posts as a click would, CSRF
// token included; s skips to the next pair, k goes back. Keys typed into a field are left alone.
(function () {
  var pairs = Array.prototype.slice.call(document.querySelectorAll("section.pair"));
  var hint = document.getElementById("keys");
  if (!pairs.length || !document.querySelector("form.decide")) { return; }
  if (hint) { hint.hidden = false; }
  var at = 0;
  function show(index) {
    pairs[at].classList.remove("current");
    at = Math.max(0, Math.min(index, pairs.length - 1));
    pairs[at].classList.add("current");
    pairs[at].focus({ preventScroll: true });
    pairs[at].scrollIntoView({ block: "start" });
  }
  pairs[0].classList.add("current");
  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) { return; }
    var tag = (event.target.tagName || "").toLowerCase();
    if (tag === "input" || tag === "textarea" || tag === "select" || event.target.isContentEditable) { return; }
    var key = event.key.toLowerCase();
    if (key === "s") { show(at + 1); event.preventDefault(); return; }
    if (key === "k") { show(at - 1); event.preventDefault(); return; }
    var button = pairs[at].querySelector('button[data-key="' + key + '"]');
    if (button) { event.preventDefault(); button.click(); }
  });
})();
