/* Map of a walk-through, or of all findings and photos of a quarter. Called by django-leaflet's
 * map:init callback. Strengths, deficiencies and photos differ in shape and sign ("+", "!", "F"),
 * not only in colour, and carry the number under which the table beside the map lists them.
 * Sign, marker and text popup come from js/kartenzeichen.js (load it first). No inline styles (strict CSP). */
(function () {
  "use strict";

  var K = window.dwkKartenzeichen;

  function zeichen(klasse, text) {
    return K.zeichen("beleg-zeichen " + klasse, text);
  }

  function popupFoto(f) {
    var el = document.createElement("div");
    var bild = document.createElement("img");
    bild.src = f.bild;
    bild.alt = f.titel;
    bild.className = "beleg-popup-bild";
    el.appendChild(bild);
    var text = document.createElement("p");
    text.textContent = f.nr + " · " + f.titel;
    el.appendChild(text);
    return el;
  }

  function belegekarte(map) {
    var daten = JSON.parse(document.getElementById("belege-karte-daten").textContent);
    var grenzen = L.latLngBounds([]);
    var kontrolle = L.control.layers(null, null, { collapsed: false }).addTo(map);
    if (daten.quartier) {
      var quartier = L.geoJSON(JSON.parse(daten.quartier), {
        style: { color: "#8a3b00", weight: 3, fillColor: "#f28e2b", fillOpacity: 0.1 },
        interactive: false,
      }).addTo(map);
      grenzen.extend(quartier.getBounds());
    }
    var routen = L.layerGroup();
    daten.routen.forEach(function (r) {
      var linie = L.geoJSON(JSON.parse(r), { style: { color: "#1a1a1a", weight: 4, dashArray: "10 6" }, interactive: false });
      routen.addLayer(linie);
      grenzen.extend(linie.getBounds());
    });
    routen.addTo(map);
    kontrolle.addOverlay(routen, "Route");

    var befunde = L.layerGroup();
    daten.befunde.forEach(function (b) {
      var art = b.art === "staerke" ? "beleg-staerke" : "beleg-mangel";
      var m = K.marker(b.lat, b.lon, "beleg-marker", zeichen(art, b.nr), [38, 26], b.nr + ": " + b.art_name + " (" + b.handlungsfeld + ")");
      m.bindPopup(K.textPopup(b.nr + " · " + b.art_name + " · " + b.handlungsfeld, b.text));
      befunde.addLayer(m);
      grenzen.extend([b.lat, b.lon]);
    });
    befunde.addTo(map);
    kontrolle.addOverlay(befunde, "Befunde");

    var fotos = L.layerGroup();
    daten.fotos.forEach(function (f) {
      var m = K.marker(f.lat, f.lon, "beleg-marker", zeichen("beleg-foto", f.nr), [38, 26], f.nr + ": " + f.titel);
      m.bindPopup(popupFoto(f));
      fotos.addLayer(m);
      grenzen.extend([f.lat, f.lon]);
    });
    fotos.addTo(map);
    kontrolle.addOverlay(fotos, "Fotos");

    if (grenzen.isValid()) map.fitBounds(grenzen, { padding: [20, 20], maxZoom: 17, animate: false });
    map.getContainer().setAttribute("data-geladen", "ja");
  }

  window.dwkBelegekarte = belegekarte;
})();
