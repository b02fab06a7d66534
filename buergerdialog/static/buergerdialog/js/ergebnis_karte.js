/* Map of an event's results, called by django-leaflet's map:init callback. Each card with a place
 * is a round sign with the number under which the table beside the map lists it; the event's
 * place is a square "V". Texts reach the page only as text nodes. No inline styles (strict CSP). */
(function () {
  "use strict";

  function zeichen(klasse, text) {
    var el = document.createElement("span");
    el.className = "ergebnis-zeichen " + klasse;
    el.setAttribute("aria-hidden", "true");
    el.textContent = text;
    return el;
  }

  function popup(e) {
    var el = document.createElement("div");
    var kopf = document.createElement("strong");
    kopf.textContent = e.nr + " · " + e.art + (e.handlungsfeld ? " · " + e.handlungsfeld : "") + " · " + e.punkte + " Punkte";
    el.appendChild(kopf);
    var text = document.createElement("p");
    text.textContent = e.text;
    el.appendChild(text);
    return el;
  }

  function ergebniskarte(map) {
    var daten = JSON.parse(document.getElementById("ergebnis-karte-daten").textContent);
    var grenzen = L.latLngBounds([]);
    if (daten.veranstaltung) {
      var v = daten.veranstaltung;
      var ort = L.marker([v.lat, v.lon], {
        icon: L.divIcon({ className: "ergebnis-marker", html: zeichen("ergebnis-ort", "V"), iconSize: [30, 30] }),
        title: "Ort der Veranstaltung: " + v.titel,
        alt: "Ort der Veranstaltung: " + v.titel,
        keyboard: true,
      });
      var text = document.createElement("p");
      text.textContent = v.titel;
      ort.bindPopup(text).addTo(map);
      grenzen.extend([v.lat, v.lon]);
    }
    daten.ergebnisse.forEach(function (e) {
      var m = L.marker([e.lat, e.lon], {
        icon: L.divIcon({ className: "ergebnis-marker", html: zeichen("", String(e.nr)), iconSize: [30, 30] }),
        title: e.nr + ": " + e.text,
        alt: e.nr + ": " + e.text,
        keyboard: true,
      });
      m.bindPopup(popup(e));
      m.addTo(map);
      grenzen.extend([e.lat, e.lon]);
    });
    if (grenzen.isValid()) map.fitBounds(grenzen, { padding: [20, 20], maxZoom: 17, animate: false });
    map.getContainer().setAttribute("data-geladen", "ja");
  }

  window.dwkErgebniskarte = ergebniskarte;
})();
