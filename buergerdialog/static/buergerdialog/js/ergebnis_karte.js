/* Map of an event's results, called by django-leaflet's map:init callback. Each card with a place
 * is a round sign with the number under which the table beside the map lists it; the event's
 * place is a square "V". Sign, marker and popup come from js/kartenzeichen.js (load it first). */
(function () {
  "use strict";

  var K = window.dwkKartenzeichen;

  function ergebniskarte(map) {
    var daten = JSON.parse(document.getElementById("ergebnis-karte-daten").textContent);
    var grenzen = L.latLngBounds([]);
    if (daten.veranstaltung) {
      var v = daten.veranstaltung;
      var ort = K.marker(v.lat, v.lon, "ergebnis-marker", K.zeichen("ergebnis-zeichen ergebnis-ort", "V"), [30, 30], "Ort der Veranstaltung: " + v.titel);
      var text = document.createElement("p");
      text.textContent = v.titel;
      ort.bindPopup(text).addTo(map);
      grenzen.extend([v.lat, v.lon]);
    }
    daten.ergebnisse.forEach(function (e) {
      var m = K.marker(e.lat, e.lon, "ergebnis-marker", K.zeichen("ergebnis-zeichen", String(e.nr)), [30, 30], e.nr + ": " + e.text);
      var kopf = e.nr + " · " + e.art + (e.handlungsfeld ? " · " + e.handlungsfeld : "") + " · " + e.punkte + " Punkte";
      m.bindPopup(K.textPopup(kopf, e.text));
      m.addTo(map);
      grenzen.extend([e.lat, e.lon]);
    });
    if (grenzen.isValid()) map.fitBounds(grenzen, { padding: [20, 20], maxZoom: 17, animate: false });
    map.getContainer().setAttribute("data-geladen", "ja");
  }

  window.dwkErgebniskarte = ergebniskarte;
})();
