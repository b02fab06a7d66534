/* The isochrone map of the walking network. Called by django-leaflet's map:init callback.
 * Areas reached in 5, 10 and 15 minutes differ in colour AND in line style (solid, dashed, dotted);
 * streets reached are drawn per band and named in a tooltip; the table under the map says the same in numbers.
 * A click into the map puts its coordinates into the form and sends it. No inline styles (strict CSP). */
(function () {
  "use strict";

  var STUFEN = {
    5: { color: "#08306b", dashArray: null, fillOpacity: 0.3 },
    10: { color: "#2171b5", dashArray: "8 5", fillOpacity: 0.22 },
    15: { color: "#6baed6", dashArray: "2 5", fillOpacity: 0.15 },
  };

  function stil(minuten) {
    return STUFEN[minuten] || { color: "#444444", dashArray: "1 4", fillOpacity: 0.1 };
  }

  function isochronenkarte(map) {
    var daten = JSON.parse(document.getElementById("isochronen-karte-daten").textContent);
    var grenzen = L.latLngBounds([]);
    if (daten.geojson) {
      var ebene = L.geoJSON(daten.geojson, {
        style: function (f) {
          var s = stil(f.properties.minuten);
          if (f.properties.art === "weg") {
            return { color: s.color, weight: 3, dashArray: s.dashArray, interactive: true };
          }
          return { color: s.color, weight: 2, dashArray: s.dashArray, fillColor: s.color, fillOpacity: s.fillOpacity, interactive: false };
        },
        onEachFeature: function (f, layer) {
          if (f.properties.art !== "weg") return;
          var el = document.createElement("span");
          el.textContent = "Wege bis " + f.properties.minuten + " Minuten";
          layer.bindTooltip(el, { sticky: true });
        },
      }).addTo(map);
      grenzen.extend(ebene.getBounds());
    }
    if (daten.start) {
      L.circleMarker([daten.start[1], daten.start[0]], { radius: 8, color: "#000000", weight: 3, fillColor: "#ffffff", fillOpacity: 1 })
        .bindTooltip(document.getElementById("isochronen-start-text").textContent)
        .addTo(map);
      grenzen.extend([daten.start[1], daten.start[0]]);
    }
    if (grenzen.isValid()) {
      map.fitBounds(grenzen, { padding: [20, 20], maxZoom: 17, animate: false });
    }
    map.on("click", function (e) {
      var formular = document.getElementById("isochronen-formular");
      formular.querySelector("[name=lon]").value = e.latlng.lng.toFixed(6);
      formular.querySelector("[name=lat]").value = e.latlng.lat.toFixed(6);
      formular.querySelector("[name=einrichtung]").value = "";
      formular.submit();
    });
    map.getContainer().setAttribute("data-geladen", "ja");
  }

  window.dwkIsochronenkarte = isochronenkarte;
})();
