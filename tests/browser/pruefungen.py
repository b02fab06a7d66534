"""Checks the public and the internal browser tests share: reflow at 320 CSS px and with text at
200 % (no horizontal scrolling; a screenshot of each), and a keyboard pass (skip link first,
every focusable element reached in turn with a visible focus, no trap)."""

SCROLLBREITE = "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
# Who is wider than the page (for the failure message).
ZU_BREIT = """() => {
  const breite = document.documentElement.clientWidth;
  return [...document.querySelectorAll('body *')]
    .filter(e => e.getBoundingClientRect().right > breite + 1 && getComputedStyle(e).position !== 'absolute')
    .filter(e => !e.closest('.table-responsive, .tabelle-rollbar, pre'))
    .slice(0, 5).map(e => e.tagName + (e.id ? '#' + e.id : '') + '.' + [...e.classList].join('.')
      + ' ' + Math.round(e.getBoundingClientRect().right) + 'px');
}"""


def textgroesse(page, prozent):
    """The browser's text size setting (as in the settings of Chrome), ``prozent`` of 16 px."""
    cdp = page.context.new_cdp_session(page)
    cdp.send(
        "Page.setFontSizes", {"fontSizes": {"standard": round(16 * prozent / 100), "fixed": round(13 * prozent / 100)}}
    )
    return cdp


def ohne_seitliches_scrollen(page, pfad, name):
    """Reflow at 320 × 640 CSS px and with text at 200 % (at 640 px): no horizontal scrolling."""
    fehler = []
    for breite, prozent in ((320, 100), (640, 200)):
        page.set_viewport_size({"width": breite, "height": 640})
        cdp = textgroesse(page, prozent)
        page.wait_for_timeout(50)
        scroll, sichtbar = page.evaluate(SCROLLBREITE)
        page.screenshot(path=str(pfad / f"{name}-{breite}px-{prozent}prozent.png"), full_page=True)
        if scroll > sichtbar:
            fehler.append((page.url, breite, prozent, scroll, page.evaluate(ZU_BREIT)))
        cdp.send("Page.setFontSizes", {"fontSizes": {"standard": 16, "fixed": 13}})
        cdp.detach()
    page.set_viewport_size({"width": 1280, "height": 800})
    return fehler


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
FOKUSSIERBAR = """() => {
  const alle = [...document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, [tabindex]')]
    .filter(e => e.tabIndex >= 0 && !e.disabled && e.getClientRects().length
      && getComputedStyle(e).visibility !== 'hidden' && !e.closest('[aria-hidden=true], [inert]'));
  // A group of radio buttons is one stop of the Tab key.
  const gruppen = new Set();
  return alle.filter(e => {
    if (e.type !== 'radio') return true;
    const schluessel = (e.form ? e.form.id || 'f' : '') + '|' + e.name;
    if (gruppen.has(schluessel)) return false;
    gruppen.add(schluessel);
    return true;
  }).length;
}"""


ANFANG = """async () => {
  // Back to the top: the next Tab starts at the beginning of the document (also after autofocus).
  // The browser gives a field with autofocus its focus at a rendering step after the load: wait two
  // frames, so that it cannot take the focus back after this (seen with the faster headless shell).
  for (let i = 0; i < 2; i++) await new Promise(r => requestAnimationFrame(r));
  window.scrollTo(0, 0);
  document.body.setAttribute('tabindex', '-1');
  document.body.focus();
  document.body.removeAttribute('tabindex');
}"""


# The keyboard pass's record: at each Tab (on key up the focus has moved) what ``FOKUS`` says.
PROTOKOLL = f"""() => {{
  window.__fokusProtokoll = [];
  window.addEventListener('keyup', e => {{ if (e.key === 'Tab') window.__fokusProtokoll.push(({FOKUS})()); }}, true);
}}"""


def tastatur_durchlauf(page, *, hoechstens=400):
    """Tab from the top: the skip link comes first; then every focusable element in turn, each with
    a visible focus, until focus leaves the page (no trap); the skip link leads to the content.
    Returns the list of problems (empty: all good). The page records the focus at each Tab
    (``PROTOKOLL``); the record is read once per batch of Tabs, not once per Tab."""
    page.evaluate(ANFANG)
    anzahl = page.evaluate(FOKUSSIERBAR)
    page.evaluate(PROTOKOLL)
    probleme, gesehen, wiederholt, gedrueckt, fertig = [], [], 0, 0, False
    while not fertig and gedrueckt < hoechstens:
        # Enough Tabs to leave the page if each element takes one; more if some take several.
        stapel = min(hoechstens - gedrueckt, max(anzahl + 2 - gedrueckt, 8))
        for _ in range(stapel):
            page.keyboard.press("Tab")
        protokoll = page.evaluate("() => window.__fokusProtokoll")
        for fokus in protokoll[gedrueckt : gedrueckt + stapel]:
            if fokus is None or (gesehen and fokus["kennung"] == gesehen[0]):
                fertig = True  # left the page, or came round to the top again: no trap
                break
            if not gesehen and ("Zum Inhalt" not in fokus["kennung"] or fokus["flaeche"] < 50):
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
    if not fertig:
        probleme.append(("Fokus verlässt die Seite nicht (Falle?)", gesehen[-3:]))
    if len(gesehen) < min(anzahl, hoechstens) - 1:
        probleme.append(("nicht alle fokussierbaren Elemente erreicht", len(gesehen), anzahl))
    page.evaluate("() => { window.scrollTo(0, 0); document.querySelector('a[href=\"#inhalt\"]').focus(); }")
    page.keyboard.press("Enter")
    ziel = page.evaluate("() => document.activeElement && document.activeElement.id")
    if ziel != "inhalt":
        probleme.append(("Sprunglink führt nicht zum Inhalt", ziel))
    return probleme
