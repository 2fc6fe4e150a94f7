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
        geoShown = true;
        layout();
        if (location.hash !== "#tiles-failed") { location.hash = "tiles-failed"; }
      }
    });
  });
  // offline geography under the routes: drawn on one canvas; counties and their names once zoomed in
  var geo = {}, geoShown = false;
  window.studyTourGeo = function (data, show) {
    var canvas = L.canvas({pane: "st-geo", padding: 0.2});
    map.createPane("st-geo").style.zIndex = 250;
    map.createPane("st-geo-names").style.zIndex = 450;
    map.getPane("st-geo-names").style.pointerEvents = "none";
    var look = {province: {color: "#8c829e", weight: 1.6, fill: true, fillColor: "#fbf9f1", fillOpacity: 1},
                city: {color: "#a59db2", weight: 0.9, dashArray: "5 4", fill: false},
                county: {color: "#cbc5d2", weight: 0.6, fill: false}};
    ["province", "city", "county"].forEach(function (level) {
      var group = L.layerGroup(), names = L.layerGroup();
      (data[level] || []).forEach(function (a) {
        var rings = a.rings.map(function (flat) {
          var ring = [];
          for (var i = 0; i < flat.length; i += 2) { ring.push([flat[i] / 1e5, flat[i + 1] / 1e5]); }
          return ring;
        });
        L.polygon(rings, L.extend({renderer: canvas, interactive: false, studyTourGeo: true}, look[level]))
          .addTo(group);
        if (level !== "province" && a.name) {
          var tag = document.createElement("span");
          tag.textContent = a.name;
          L.marker(a.at, {pane: "st-geo-names", interactive: false, keyboard: false, studyTourGeo: true,
                          icon: L.divIcon({className: "st-place st-place-" + level, html: tag, iconSize: null})})
            .addTo(names);
        }
      });
      geo[level] = {shapes: group, names: names};
    });
    geoShown = show;
    layout();
  };
  function layout() {
    var zoom = map.getZoom();
    Object.keys(geo).forEach(function (level) {
      var want = geoShown && (level !== "county" || zoom >= 9), names = want && (level !== "county" || zoom >= 10);
      [[geo[level].shapes, want], [geo[level].names, names && zoom >= 7]].forEach(function (pair) {
        if (pair[1] && !map.hasLayer(pair[0])) { map.addLayer(pair[0]); }
        if (!pair[1] && map.hasLayer(pair[0])) { map.removeLayer(pair[0]); }
      });
    });
  }
  map.on("zoomend", layout);
  window.studyTourDraw = function (draw, info) {
    layer.clearLayers();
    draw(layer, mk);
    document.getElementById("st-legend").innerHTML = info.legend;
    bounds = info.bounds ? L.latLngBounds(info.bounds) : null;
    if (info.refit) { touched = false; }
    if (!touched) { fit(); }
  };
})(%s);"""
