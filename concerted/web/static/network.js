// The network view: the target, the other targets of its rounds and links, and the
// jurisdictions that designated them, drawn with the vendored cytoscape.
(function () {
  var holder = document.getElementById("graph");
  if (!holder || typeof cytoscape === "undefined") { return; }
  fetch(holder.dataset.source, { headers: { "Accept": "application/json" } })
    .then(function (r) { return r.json(); })
    .then(function (data) {
      var cy = cytoscape({
        container: holder,
        maxZoom: 1.4,
        minZoom: 0.2,
        elements: data.nodes.map(function (n) { return { data: n }; })
          .concat(data.edges.map(function (e) { return { data: e }; })),
        layout: { name: "cose", animate: false, padding: 20 },
        style: [
          { selector: "node", style: { "label": "data(label)", "font-size": 11, "text-wrap": "wrap", "text-max-width": 120, "background-color": "#5b6b7b", "color": "#1b1f24" } },
          { selector: "node[kind = 'jurisdiction']", style: { "shape": "round-rectangle", "background-color": "#0f2740", "color": "#fff", "text-valign": "center", "width": 46, "height": 26 } },
          { selector: "node[kind = 'focus']", style: { "background-color": "#b3202c", "width": 34, "height": 34, "font-weight": "bold" } },
          { selector: "edge", style: { "width": 1.5, "line-color": "#9aa7b4", "curve-style": "bezier", "label": "data(label)", "font-size": 9 } }
        ]
      });
      cy.on("tap", "node[url]", function (event) { window.location.href = event.target.data("url"); });
    });
})();
