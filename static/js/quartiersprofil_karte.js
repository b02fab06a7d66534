/* Map of a walk-through, or of all findings and photos of a quarter. Called by django-leaflet's
 * map:init callback. Strengths, deficiencies and photos differ in shape and sign ("+", "!", "F"),
 * not only in colour, and carry the number under which the table beside the map lists them.
 * No inline styles (strict CSP). */
(function () {
  "use strict";

  function zeichen(klasse, text) {
    var el = document.createElement("span");
    el.className = "beleg-zeichen " + klasse;
    el.setAttribute("aria-hidden", "true");
    el.textContent = text;
    return el;
  }

  function popupBefund(b) {
    var el = document.createElement("div");
    var kopf = document.createElement("strong");
    kopf.textContent = b.nr + " · " + b.art_name + " · " + b.handlungsfeld;
    el.appendChild(kopf);
    var text = document.createElement("p");
    text.textContent = b.text;
    el.appendChild(text);
    return el;
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
      var m = L.marker([b.lat, b.lon], {
        icon: L.divIcon({ className: "beleg-marker", html: zeichen(art, b.nr), iconSize: [38, 26] }),
        title: b.nr + ": " + b.art_name + " (" + b.handlungsfeld + ")",
        alt: b.nr + ": " + b.art_name + " (" + b.handlungsfeld + ")",
        keyboard: true,
      });
      m.bindPopup(popupBefund(b));
      befunde.addLayer(m);
      grenzen.extend([b.lat, b.lon]);
    });
    befunde.addTo(map);
    kontrolle.addOverlay(befunde, "Befunde");

    var fotos = L.layerGroup();
    daten.fotos.forEach(function (f) {
      var m = L.marker([f.lat, f.lon], {
        icon: L.divIcon({ className: "beleg-marker", html: zeichen("beleg-foto", f.nr), iconSize: [38, 26] }),
        title: f.nr + ": " + f.titel,
        alt: f.nr + ": " + f.titel,
        keyboard: true,
      });
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
