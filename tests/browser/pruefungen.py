"""Checks the public and the internal browser tests share: reflow at 320 CSS px and with text at
200 % (no horizontal scrolling; a screenshot where a page scrolls sideways), and a keyboard pass
(skip link first, every focusable element reached in turn with a visible focus, no trap)."""

import base64

# Sizes of WCAG 1.4.10: (viewport width, text size in % of 16 px); 640 px at 200 % is 320 px of text.
GROESSEN = ((320, 100), (640, 200))
BREIT = {"width": 1280, "height": 800}

# One size in one call: wait (frame by frame) until the root's font size is ``soll`` px, then measure
# page and viewport width and, if the page is wider, name the innermost elements that reach past the
# edge without being clipped by a container that scrolls in itself (an absolutely positioned box
# escapes such a container unless the container or a box inside it is its containing block).
MESSUNG = """async (soll) => {
  const html = document.documentElement;
  for (let i = 0; i < 120 && parseFloat(getComputedStyle(html).fontSize) !== soll; i++)
    await new Promise(r => requestAnimationFrame(r));
  const schrift = parseFloat(getComputedStyle(html).fontSize);
  const breite = html.clientWidth;
  const geklippt = e => {
    const position = getComputedStyle(e).position;
    if (position === 'fixed') return false;
    let block = position === 'absolute' ? e.offsetParent : null;
    for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
      if (block && a !== block && a.contains(block)) block = null;
      if (block && a !== block) continue;
      block = null;
      if (getComputedStyle(a).overflowX !== 'visible' && a.getBoundingClientRect().right <= breite + 1) return true;
    }
    return false;
  };
  // Its box, or its content (a line that does not wrap in a box that may shrink), ends past the edge.
  const rechts = e => {
    const r = e.getBoundingClientRect();
    return getComputedStyle(e).overflowX === 'visible' ? Math.max(r.right, r.left + e.scrollWidth) : r.right;
  };
  const treffer = html.scrollWidth <= breite ? [] : [...document.querySelectorAll('body *')]
    .filter(e => rechts(e) > breite + 1 && !geklippt(e));
  // The innermost ones: a container is wide because of them.
  const zuBreit = treffer.filter(e => !treffer.some(f => f !== e && e.contains(f)))
    .slice(0, 5).map(e => e.tagName + (e.id ? '#' + e.id : '') + '.' + [...e.classList].join('.')
      + ' ' + Math.round(rechts(e)) + 'px');
  return {schrift, scroll: html.scrollWidth, sichtbar: breite, hoehe: html.scrollHeight, zuBreit};
}"""


def textgroesse_setzen(cdp, prozent):
    """The browser's text size setting (as in the settings of Chrome), ``prozent`` of 16 px."""
    cdp.send(
        "Page.setFontSizes", {"fontSizes": {"standard": round(16 * prozent / 100), "fixed": round(13 * prozent / 100)}}
    )


def bildschirmfoto(cdp, datei, breite, hoehe):
    """A screenshot of the whole page (``breite`` × ``hoehe`` CSS px) as JPEG, in one call."""
    bild = cdp.send(
        "Page.captureScreenshot",
        {
            "format": "jpeg",
            "quality": 80,
            "captureBeyondViewport": True,
            "clip": {"x": 0, "y": 0, "width": breite, "height": hoehe, "scale": 1},
        },
    )
    datei.write_bytes(base64.b64decode(bild["data"]))


def groesse_setzen(page, cdp, breite, prozent):
    page.set_viewport_size(BREIT if breite == BREIT["width"] else {"width": breite, "height": 640})
    textgroesse_setzen(cdp, prozent)


def umfliessen(page, cdp, pfad, name, groessen=GROESSEN, schrift_px=16):
    """No horizontal scrolling at each of ``groessen`` (width, text size in %), with a screenshot of the
    page at each size where it scrolls sideways. ``schrift_px``: the page's root font size with text
    at 100 % (the public pages set 125 %: 20 px). Returns the problems."""
    probleme = []
    for breite, prozent in groessen:
        groesse_setzen(page, cdp, breite, prozent)
        soll = schrift_px * prozent / 100
        messung = page.evaluate(MESSUNG, soll)
        if messung["schrift"] != soll:
            probleme.append(("Textgröße nicht übernommen", page.url, breite, prozent, messung["schrift"]))
        if messung["scroll"] > messung["sichtbar"]:
            datei = pfad / f"{name}-{breite}px-{prozent}prozent.jpg"
            bildschirmfoto(cdp, datei, messung["scroll"], messung["hoehe"])
            probleme.append((page.url, breite, prozent, messung["scroll"], messung["zuBreit"], str(datei)))
    return probleme


def ohne_seitliches_scrollen(page, pfad, name):
    """Reflow at 320 × 640 CSS px and with text at 200 % (at 640 px), for a page just loaded with text
    at 100 %: no horizontal scrolling. A screenshot of the page is taken at each size where it scrolls
    sideways (its path is in the problem). Afterwards the page is wide again, with text at 100 %.
    Returns the problems."""
    schrift_px = page.evaluate("() => parseFloat(getComputedStyle(document.documentElement).fontSize)")
    cdp = page.context.new_cdp_session(page)
    try:
        probleme = umfliessen(page, cdp, pfad, name, schrift_px=schrift_px)
        groesse_setzen(page, cdp, BREIT["width"], 100)
    finally:
        cdp.detach()
    return probleme


FOKUS = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  const s = getComputedStyle(e);
  const r = e.getBoundingClientRect();
  // Each element gets a number the first time it has the focus: two alike elements stay apart.
  if (!e.dataset.tastaturNr) e.dataset.tastaturNr = String(window.__tastaturNr = (window.__tastaturNr || 0) + 1);
  return {
    kennung: e.dataset.tastaturNr + '|' + e.tagName + '|' + (e.getAttribute('href') || e.name || e.id || '')
      + '|' + (e.textContent || '').trim().slice(0, 40),
    sichtbar: (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none',
    flaeche: r.width * r.height,
  };
}"""
# The elements the Tab key stops at, in document order (a group of radio buttons is one stop).
FOKUSSIERBARE = """() => {
  const alle = [...document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, [tabindex]')]
    .filter(e => e.tabIndex >= 0 && !e.disabled && e.getClientRects().length
      && getComputedStyle(e).visibility !== 'hidden' && !e.closest('[aria-hidden=true], [inert]'));
  const gruppen = new Set();
  return alle.filter(e => {
    if (e.type !== 'radio') return true;
    const schluessel = (e.form ? e.form.id || 'f' : '') + '|' + e.name;
    if (gruppen.has(schluessel)) return false;
    gruppen.add(schluessel);
    return true;
  });
}"""
# Their number, and the page's header: what of them comes before the skip link's target ``#inhalt``
# (skip link, navigation, …), each with what can change its look, as one string.
FOKUSSIERBAR = f"""() => {{
  const alle = ({FOKUSSIERBARE})();
  const ziel = document.getElementById('inhalt');
  const kopf = ziel ? alle.filter(e => ziel.compareDocumentPosition(e) & Node.DOCUMENT_POSITION_PRECEDING) : [];
  return {{
    anzahl: alle.length,
    kopf: kopf.length,
    kopfzeichen: kopf.map(e => [e.tagName, e.getAttribute('href') || e.name || e.id || '', e.className,
      e.getAttribute('aria-current') || '', (e.textContent || '').trim().slice(0, 40)].join('|')).join('\\n'),
  }};
}}"""


ANFANG = """async () => {
  // A map changes its controls while it fetches its layers (the layer control is rebuilt when a layer
  // joins the map, and the focus in it is lost): wait until no map says it is still loading
  // (static/js/karte.js, choropleth.js: data-geladen="nein"; at most 10 s), and say which still is.
  const offen = () => [...document.querySelectorAll('.leaflet-container[data-geladen=nein]')];
  for (let i = 0; i < 600 && offen().length; i++) await new Promise(r => requestAnimationFrame(r));
  // Back to the top: the next Tab starts at the beginning of the document (also after autofocus).
  // The browser gives a field with autofocus its focus at a rendering step after the load: on such a
  // page wait two frames, so that it cannot take the focus back after this (seen with the faster
  // headless shell).
  if (document.querySelector('[autofocus]'))
    for (let i = 0; i < 2; i++) await new Promise(r => requestAnimationFrame(r));
  window.scrollTo(0, 0);
  document.body.setAttribute('tabindex', '-1');
  document.body.focus();
  document.body.removeAttribute('tabindex');
  return offen().map(e => e.id);
}"""


# The keyboard pass's record: at each Tab (on key up the focus has moved) what ``FOKUS`` says.
PROTOKOLL = f"""() => {{
  window.__fokusProtokoll = [];
  window.addEventListener('keyup', e => {{ if (e.key === 'Tab') window.__fokusProtokoll.push(({FOKUS})()); }}, true);
}}"""


# The skip link's text, by which the pass knows it (both layouts: "Zum Inhalt springen").
SPRUNGLINK_TEXT = "Zum Inhalt"


def tastatur_durchlauf(page, *, hoechstens=400, kopfzeilen=None):
    """Tab from the top: the skip link comes first; then every focusable element in turn, each with
    a visible focus, until focus leaves the page (no trap); the skip link leads to the content.
    Returns the list of problems (empty: all good). The page records the focus at each Tab
    (``PROTOKOLL``); the record is read once per batch of Tabs, not once per Tab.

    ``kopfzeilen``: a set the caller keeps for one browser context (one role), of the page headers
    passed through whole (the focusable elements before ``#inhalt``, with what can change their look:
    href, class, aria-current, text). On a page whose header is in it, the pass goes from the skip link
    straight to the content, as a keyboard user does (Enter on the skip link), and checks everything
    from there; a page with another header is passed through whole, and its header is added."""
    probleme = [("Karte nicht geladen", karte) for karte in page.evaluate(ANFANG)]
    zaehlung = page.evaluate(FOKUSSIERBAR)
    page.evaluate(PROTOKOLL)
    anzahl = zaehlung["anzahl"]
    bekannt = kopfzeilen is not None and zaehlung["kopf"] > 1 and zaehlung["kopfzeichen"] in kopfzeilen
    if bekannt:
        anzahl -= zaehlung["kopf"] - 1  # the header's elements after the skip link, passed on an earlier page
    gesehen, wiederholt, gedrueckt, fertig = [], 0, 0, False
    while not fertig and gedrueckt < hoechstens:
        # Enough Tabs to leave the page if each element takes one; more if some take several. Over a
        # known header: one Tab to the skip link, then Enter on it, then on in the content.
        stapel = 1 if bekannt and not gedrueckt else min(hoechstens - gedrueckt, max(anzahl + 2 - gedrueckt, 8))
        for _ in range(stapel):
            page.keyboard.press("Tab")
        protokoll = page.evaluate("() => window.__fokusProtokoll")
        for fokus in protokoll[gedrueckt : gedrueckt + stapel]:
            if fokus is None or (gesehen and fokus["kennung"] == gesehen[0]):
                fertig = True  # left the page, or came round to the top again: no trap
                break
            if not gesehen and (SPRUNGLINK_TEXT not in fokus["kennung"] or fokus["flaeche"] < 50):
                probleme.append(("Sprunglink nicht zuerst oder nicht sichtbar", fokus))
            if gesehen and fokus["kennung"] == gesehen[-1]:
                # A date or time field takes the Tab key through its parts (day, month, year, …).
                wiederholt += 1
                if wiederholt > 6:
                    probleme.append(("Fokus bleibt hängen", fokus["kennung"]))
                    fertig = True
                    break
                continue
            wiederholt = 0
            if not fokus["sichtbar"]:
                probleme.append(("Fokus nicht sichtbar", fokus["kennung"]))
            gesehen.append(fokus["kennung"])
        else:
            # A Tab whose key-up the page did not see: the focus is outside the page.
            fertig = len(protokoll) < gedrueckt + stapel
        gedrueckt += stapel
        if bekannt and gedrueckt == 1 and not fertig:
            if SPRUNGLINK_TEXT not in gesehen[0]:
                break  # reported above; Enter on another element could leave the page
            probleme += _sprunglink_folgen(page)
    if not fertig:
        probleme.append(("Fokus verlässt die Seite nicht (Falle?)", gesehen[-3:]))
    if len(gesehen) < min(anzahl, hoechstens) - 1:
        probleme.append(("nicht alle fokussierbaren Elemente erreicht", len(gesehen), anzahl))
    if not bekannt:
        probleme += _sprunglink_folgen(page) if page.evaluate(SPRUNGLINK) else [("Sprunglink fehlt",)]
        if kopfzeilen is not None:
            kopfzeilen.add(zaehlung["kopfzeichen"])
    return probleme


# Back to the top, the focus on the skip link; whether there is one.
SPRUNGLINK = """() => {
  window.scrollTo(0, 0);
  const sprunglink = document.querySelector('a[href="#inhalt"]');
  sprunglink?.focus();
  return !!sprunglink;
}"""


def _sprunglink_folgen(page):
    """Enter on the skip link, which has the focus: then the content has it."""
    page.keyboard.press("Enter")
    ziel = page.evaluate("() => document.activeElement && document.activeElement.id")
    return [] if ziel == "inhalt" else [("Sprunglink führt nicht zum Inhalt", ziel)]
