/* Maps of the infrastructure inventory. Called by django-leaflet's map:init callback.
 * Facilities are drawn as symbols that differ in letters and shape, not only in colour; the
 * page lists everything the map shows in tables beside it. No inline styles (strict CSP). */
(function () {
  "use strict";

  function symbol(kategorie) {
    var el = document.createElement("span");
    el.className = "hf-marke inf-symbol inf-form-" + kategorie.form;
    el.setAttribute("data-farbe", kategorie.farbe);
    el.setAttribute("aria-hidden", "true");
    el.textContent = kategorie.symbol;
    return el;
  }

  function popup(einrichtung, kategorie) {
    var el = document.createElement("div");
    var titel = document.createElement(einrichtung.url ? "a" : "strong");
    if (einrichtung.url) titel.href = einrichtung.url;
    titel.textContent = einrichtung.name;
    el.appendChild(titel);
    var zeile = document.createElement("div");
    zeile.textContent = kategorie.name + (einrichtung.adresse ? ", " + einrichtung.adresse : "");
    el.appendChild(zeile);
    return el;
  }

  // Leaflet's layer control puts a name into innerHTML: category names are escaped first.
  function escapeHtml(text) {
    var el = document.createElement("span");
    el.textContent = text;
    return el.innerHTML;
  }

  function infrastrukturkarte(map) {
    var daten = JSON.parse(document.getElementById("infrastruktur-karte-daten").textContent);
    var kategorien = {};
    var grenzen = L.latLngBounds([]);
    // With many categories the list of layers would cover the map: it then opens on click or focus.
    var kontrolle = L.control.layers(null, null, { collapsed: daten.kategorien.length > 3 }).addTo(map);

    if (daten.quartier) {
      var quartier = L.geoJSON(
        { type: "Feature", geometry: JSON.parse(daten.quartier.geometrie), properties: {} },
        { style: { color: "#8a3b00", weight: 3, fillColor: "#f28e2b", fillOpacity: 0.12 }, interactive: false }
      ).addTo(map);
      grenzen.extend(quartier.getBounds());
    }
    daten.kategorien.forEach(function (k) {
      kategorien[k.slug] = k;
      if (!k.puffer) return;
      var puffer = L.geoJSON(JSON.parse(k.puffer), {
        style: { color: k.farbwert, weight: 1.5, dashArray: "4 4", fillColor: k.farbwert, fillOpacity: 0.18 },
        interactive: false,
      });
      kontrolle.addOverlay(puffer, escapeHtml("Radius " + k.radius_m + " m: " + k.name));
      if (k.puffer_sichtbar) puffer.addTo(map);
    });
    var marker = L.layerGroup();
    daten.einrichtungen.forEach(function (e) {
      var k = kategorien[e.kategorie];
      var m = L.marker([e.lat, e.lon], {
        icon: L.divIcon({ className: "inf-marker", html: symbol(k), iconSize: [30, 30] }),
        title: e.name + " (" + k.name + ")",
        alt: e.name + " (" + k.name + ")",
        keyboard: true,
      });
      m.bindPopup(popup(e, k));
      marker.addLayer(m);
      grenzen.extend([e.lat, e.lon]);
    });
    marker.addTo(map);
    kontrolle.addOverlay(marker, "Einrichtungen");
    if (grenzen.isValid()) {
      map.fitBounds(grenzen, { padding: [20, 20], maxZoom: 16, animate: false });
    }
    map.getContainer().setAttribute("data-geladen", "ja");
  }

  window.dwkInfrastrukturkarte = infrastrukturkarte;
})();
