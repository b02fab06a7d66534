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


ANFANG = """() => {
  // Back to the top: the next Tab starts at the beginning of the document (also after autofocus).
  window.scrollTo(0, 0);
  document.body.setAttribute('tabindex', '-1');
  document.body.focus();
  document.body.removeAttribute('tabindex');
}"""


def tastatur_durchlauf(page, *, hoechstens=400):
    """Tab from the top: the skip link comes first; then every focusable element in turn, each with
    a visible focus, until focus leaves the page (no trap); the skip link leads to the content.
    Returns the list of problems (empty: all good)."""
    probleme = []
    page.evaluate(ANFANG)
    anzahl = page.evaluate(FOKUSSIERBAR)
    gesehen, wiederholt = [], 0
    for _ in range(hoechstens):
        page.keyboard.press("Tab")
        fokus = page.evaluate(FOKUS)
        if fokus is None or (gesehen and fokus["kennung"] == gesehen[0]):
            break  # left the page, or came round to the top again: no trap
        if not gesehen and ("Zum Inhalt" not in fokus["kennung"] or fokus["flaeche"] < 50):
            probleme.append(("Sprunglink nicht zuerst oder nicht sichtbar", fokus))
        if gesehen and fokus["kennung"] == gesehen[-1]:
            # A date or time field takes the Tab key through its parts (day, month, year, …).
            wiederholt += 1
            if wiederholt > 6:
                probleme.append(("Fokus bleibt hängen", fokus["kennung"]))
                break
            continue
        wiederholt = 0
        if not fokus["sichtbar"]:
            probleme.append(("Fokus nicht sichtbar", fokus["kennung"]))
        gesehen.append(fokus["kennung"])
    else:
        probleme.append(("Fokus verlässt die Seite nicht (Falle?)", gesehen[-3:]))
    if len(gesehen) < min(anzahl, hoechstens) - 1:
        probleme.append(("nicht alle fokussierbaren Elemente erreicht", len(gesehen), anzahl))
    page.evaluate("() => { window.scrollTo(0, 0); document.querySelector('a[href=\"#inhalt\"]').focus(); }")
    page.keyboard.press("Enter")
    ziel = page.evaluate("() => document.activeElement && document.activeElement.id")
    if ziel != "inhalt":
        probleme.append(("Sprunglink führt nicht zum Inhalt", ziel))
    return probleme
