// Keyboard navigation for the type-ahead list: ArrowDown from the search box enters the
// suggestions, arrows move within them, Escape returns to the box.
(function () {
  document.addEventListener("keydown", function (event) {
    var box = document.getElementById("q");
    var list = document.getElementById("suggestions");
    if (!box || !list) { return; }
    var links = Array.prototype.slice.call(list.querySelectorAll("a"));
    var at = links.indexOf(document.activeElement);
    if (event.key === "ArrowDown" && (document.activeElement === box || at >= 0)) {
      if (links.length) { links[Math.min(at + 1, links.length - 1)].focus(); event.preventDefault(); }
    } else if (event.key === "ArrowUp" && at >= 0) {
      (at === 0 ? box : links[at - 1]).focus(); event.preventDefault();
    } else if (event.key === "Escape" && (at >= 0 || document.activeElement === box)) {
      list.innerHTML = ""; box.focus();
    }
  });
})();
