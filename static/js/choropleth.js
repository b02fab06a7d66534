/* Choropleth map of one indicator (templates/quartiere/indikator_karte.html).
 * The colours come from the server (GeoJSON property "farbe"); the table beside the map says
 * the same, so the map adds no information of its own. Reference quarters are outlined. */
(function () {
  "use strict";

  function text(feature) {
    var p = feature.properties || {};
    return (p.code ? p.code + " " : "") + (p.name || "") + ": " + (p.text || "–");
  }

  function choropleth(map) {
    var daten = JSON.parse(document.getElementById("choropleth-daten").textContent);
    var rahmen = document.getElementById("choropleth");
    // Until its areas are loaded (and the view fitted to them), the map says so (the tests wait for it).
    rahmen.setAttribute("data-geladen", "nein");
    var flaechen = L.geoJSON(null, {
      style: function (feature) {
        return { color: "#333333", weight: 1, fillColor: feature.properties.farbe, fillOpacity: 0.85 };
      },
      // Leaflet puts a string into innerHTML: names reach the tooltip and popup only as text nodes.
      onEachFeature: function (feature, layer) {
        var tooltip = document.createElement("span");
        tooltip.textContent = text(feature);
        layer.bindTooltip(tooltip, { sticky: true });
        var el = document.createElement("div");
        el.textContent = text(feature);
        layer.bindPopup(el);
      },
    }).addTo(map);
    var quartiere = L.geoJSON(null, {
      style: { color: "#a4161a", weight: 4, fill: false },
      interactive: false,
    });
    daten.referenzquartiere.forEach(function (q) {
      quartiere.addData({ type: "Feature", geometry: JSON.parse(q.geometrie), properties: { name: q.name } });
    });
    fetch(daten.geojson, { credentials: "same-origin", headers: { Accept: "application/geo+json" } })
      .then(function (antwort) {
        if (!antwort.ok) throw new Error(antwort.status);
        return antwort.json();
      })
      .then(function (geojson) {
        flaechen.addData(geojson);
        quartiere.addTo(map);
        if (flaechen.getLayers().length) map.fitBounds(flaechen.getBounds(), { animate: false });
        rahmen.setAttribute("data-geladen", "ja");
      })
      .catch(function () {
        var hinweis = document.createElement("p");
        hinweis.className = "alert alert-warning mt-2";
        hinweis.setAttribute("role", "alert");
        hinweis.textContent = "Die Karte konnte nicht geladen werden. Die Tabelle enthält alle Werte.";
        rahmen.after(hinweis);
        rahmen.setAttribute("data-geladen", "fehler");
      });
  }

  window.dwkChoropleth = choropleth;
})();
