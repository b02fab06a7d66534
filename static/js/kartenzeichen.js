/* What the maps of findings (quartiersprofil_karte.js) and of results (ergebnis_karte.js) share: a
 * marker with a sign (a span with classes and a short text, hidden from screen readers because the
 * marker's title says the same) and a popup of a heading and a text. Texts reach the page only as
 * text nodes. No inline styles (strict CSP). */
(function () {
  "use strict";

  function zeichen(klassen, text) {
    var el = document.createElement("span");
    el.className = klassen;
    el.setAttribute("aria-hidden", "true");
    el.textContent = text;
    return el;
  }

  function marker(lat, lon, markerKlasse, zeichenEl, groesse, titel) {
    return L.marker([lat, lon], {
      icon: L.divIcon({ className: markerKlasse, html: zeichenEl, iconSize: groesse }),
      title: titel,
      alt: titel,
      keyboard: true,
    });
  }

  function textPopup(kopfText, text) {
    var el = document.createElement("div");
    var kopf = document.createElement("strong");
    kopf.textContent = kopfText;
    el.appendChild(kopf);
    var absatz = document.createElement("p");
    absatz.textContent = text;
    el.appendChild(absatz);
    return el;
  }

  window.dwkKartenzeichen = { zeichen: zeichen, marker: marker, textPopup: textPopup };
})();
