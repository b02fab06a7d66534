/* Maps of DWK Quartiersplanung. Called by django-leaflet's map:init callbacks.
 * Every map has a table beside it that says the same; the map adds no information of its own. */
(function () {
  "use strict";

  var STILE = {
    stadtbezirke: { color: "#1a1a1a", weight: 3.5, fill: false },
    bezirke: { color: "#3d3d3d", weight: 2, dashArray: "8 5", fill: false },
    unterbezirke: { color: "#555555", weight: 1, dashArray: "2 4", fill: false },
    quartiere: { color: "#8a3b00", weight: 3, fillColor: "#f28e2b", fillOpacity: 0.35 },
  };
  // Unterbezirke only from this zoom level on: below it they are a grey blur.
  var UNTERBEZIRKE_AB_ZOOM = 13;

  function beschriftung(feature) {
    var p = feature.properties || {};
    var text = (p.code ? p.code + " " : "") + (p.name || "");
    if (p.flaeche_km2 !== undefined) {
      text += " (" + String(p.flaeche_km2).replace(".", ",") + " km²)";
    }
    return text;
  }

  // Leaflet puts a string given to a tooltip, popup or layer control into innerHTML: names from the
  // database reach it only as text nodes (an element built here) or escaped.
  function textElement(tag, text) {
    var el = document.createElement(tag);
    el.textContent = text;
    return el;
  }

  function escapeHtml(text) {
    return textElement("span", text).innerHTML;
  }

  function popup(feature, layer) {
    var el = document.createElement("div");
    var p = feature.properties || {};
    if (p.url) {
      var a = textElement("a", beschriftung(feature));
      a.href = p.url;
      el.appendChild(a);
    } else {
      el.textContent = beschriftung(feature);
    }
    layer.bindPopup(el);
    layer.bindTooltip(textElement("span", beschriftung(feature)), { sticky: true });
  }

  function ladeEbene(ebene, ziel) {
    return fetch(ebene.url, { credentials: "same-origin", headers: { Accept: "application/geo+json" } })
      .then(function (antwort) {
        if (!antwort.ok) throw new Error(antwort.status);
        return antwort.json();
      })
      .then(function (daten) {
        ziel.addData(daten);
        return ziel;
      });
  }

  function stadtkarte(map) {
    // Until its layers are loaded (and the view fitted to them), the map says so (the tests wait for it).
    var rahmen = map.getContainer();
    rahmen.setAttribute("data-geladen", "nein");
    var ebenen = JSON.parse(document.getElementById("karte-ebenen").textContent);
    var kontrolle = L.control.layers(null, null, { collapsed: false }).addTo(map);
    var grenzen = L.latLngBounds([]);
    var geladen = ebenen.map(function (ebene) {
      var layer = L.geoJSON(null, { style: STILE[ebene.schluessel], onEachFeature: popup });
      kontrolle.addOverlay(layer, escapeHtml(ebene.name));
      if (ebene.schluessel !== "unterbezirke") layer.addTo(map);
      return ladeEbene(ebene, layer).then(function (l) {
        if (ebene.schluessel === "stadtbezirke" && l.getLayers().length) grenzen.extend(l.getBounds());
        if (ebene.schluessel === "unterbezirke") {
          map.on("zoomend", function () {
            if (map.getZoom() >= UNTERBEZIRKE_AB_ZOOM) l.addTo(map);
          });
        }
        if (ebene.schluessel === "quartiere") l.bringToFront();
        return l;
      });
    });
    Promise.all(geladen)
      .then(function () {
        if (grenzen.isValid()) map.fitBounds(grenzen, { animate: false });
        rahmen.setAttribute("data-geladen", "ja");
      })
      .catch(function () {
        var hinweis = document.createElement("p");
        hinweis.className = "alert alert-warning mt-2";
        hinweis.setAttribute("role", "alert");
        hinweis.textContent = "Die Kartenebenen konnten nicht geladen werden. Die Tabellen unten enthalten alle Angaben.";
        rahmen.after(hinweis);
        rahmen.setAttribute("data-geladen", "fehler");
      });
  }

  function quartierkarte(map) {
    var daten = JSON.parse(document.getElementById("quartier-karte-daten").textContent);
    var unterbezirke = L.geoJSON(null, { style: STILE.bezirke });
    daten.unterbezirke.forEach(function (u) {
      unterbezirke.addData({ type: "Feature", geometry: JSON.parse(u.geometrie), properties: { name: u.name } });
    });
    unterbezirke.eachLayer(function (l) { popup(l.feature, l); });
    unterbezirke.addTo(map);
    var quartier = L.geoJSON(
      { type: "Feature", geometry: JSON.parse(daten.quartier.geometrie), properties: { name: daten.quartier.name } },
      { style: STILE.quartiere, onEachFeature: popup }
    ).addTo(map);
    map.fitBounds(quartier.getBounds(), { padding: [20, 20], animate: false });
    document.getElementById("quartierkarte").setAttribute("data-geladen", "ja");
  }

  window.dwkStadtkarte = stadtkarte;
  window.dwkQuartierkarte = quartierkarte;
})();
