"""The route page's own JavaScript (runs after folium's map): draws the data script's routes and keeps the view.

`studyTourDraw(draw, info)` replaces every route, stop and the legend; the view is fitted to what is
shown unless the user has moved the map since the scope last changed. When online tiles fail, the
page says so, drops them (the offline base stays) and marks its URL (`#tiles-failed`) for the dock.
"""

RUNTIME = """(function (map) {
  var layer = L.featureGroup().addTo(map), touched = false, bounds = null, failures = 0, loaded = 0;
  window.studyTourMap = map;
  L.control.scale({metric: true, imperial: false}).addTo(map);
  function fit() {
    if (!bounds) { return; }
    var size = map.getSize();
    if (bounds.getNorthEast().distanceTo(bounds.getSouthWest()) < 500) { map.setView(bounds.getCenter(), 13); }
    else if (size.x && size.y) { map.fitBounds(bounds, {padding: [30, 30], maxZoom: 14}); }
    else { map.setView(bounds.getCenter(), 8); }
  }
  function mk(g, at, css, style, label, size, shift, tip) {
    var badge = document.createElement("div");
    badge.className = css;
    if (style) { badge.setAttribute("style", style); }
    badge.textContent = label;
    L.marker(at, {icon: L.divIcon({html: badge, className: "", iconSize: [size, size],
                                   iconAnchor: [size / 2 - shift, size / 2]})}).bindTooltip(tip).addTo(g);
  }
  ["mousedown", "wheel", "touchstart", "keydown"].forEach(function (name) {
    map.getContainer().addEventListener(name, function () { touched = true; });
  });
  map.on("resize", function () { if (!touched) { fit(); } });
  map.eachLayer(function (tiles) {
    if (!(tiles instanceof L.TileLayer)) { return; }
    tiles.on("tileload", function () { loaded += 1; });
    tiles.on("tileerror", function () {
      failures += 1;
      if (failures >= 4 && loaded === 0) {
        map.eachLayer(function (t) { if (t instanceof L.TileLayer) { map.removeLayer(t); } });
        document.getElementById("st-failed").style.display = "block";
        if (location.hash !== "#tiles-failed") { location.hash = "tiles-failed"; }
      }
    });
  });
  window.studyTourDraw = function (draw, info) {
    layer.clearLayers();
    draw(layer, mk);
    document.getElementById("st-legend").innerHTML = info.legend;
    bounds = info.bounds ? L.latLngBounds(info.bounds) : null;
    if (info.refit) { touched = false; }
    if (!touched) { fit(); }
  };
})(%s);"""
