/**
 * The client half of the race pages (no chart library: the charts are build-time SVG). It
 * turns the previous/next links and the slider into an in-page date control: the date's
 * section is fetched from /race/fragments/<board>/<date>/ and swapped in, the chosen-date
 * rule moves on the over-time charts, and the URL becomes the date page's own address
 * (history.pushState), so back/forward, reload and links all land on the same state.
 */
export function initRace(doc: Document): void {
  const root = doc.querySelector<HTMLElement>('[data-race]');
  if (!root || root.dataset.raceReady) return;
  root.dataset.raceReady = 'true';
  const board = root.dataset.board!;
  const base = root.dataset.base ?? '/';
  const links = [...root.querySelectorAll<HTMLAnchorElement>('[data-race-dates] a[data-date]')];
  const dates = links.map((a) => a.dataset.date!);
  if (dates.length < 2) return;
  const pageUrl = (d: string) => `${base}race/${board}/${d}/`;
  const fragmentUrl = (d: string) => `${base}race/fragments/${board}/${d}/`;
  const sliderBox = root.querySelector<HTMLElement>('[data-race-slider]')!;
  const slider = sliderBox.querySelector<HTMLInputElement>('input')!;
  const label = root.querySelector<HTMLElement>('[data-race-label]')!;
  const position = root.querySelector<HTMLElement>('[data-race-index]')!;
  const status = root.querySelector<HTMLElement>('[data-race-status]')!;
  const steps = [...root.querySelectorAll<HTMLAnchorElement>('a[data-race-step]')];
  const markers = [...root.querySelectorAll<HTMLElement>('[data-marker-x]')].map((el) => ({ el, x: JSON.parse(el.dataset.markerX!) as Record<string, number> }));
  const cache = new Map<string, Promise<Element>>();
  const titleSuffix = root.dataset.titleSuffix ?? '';
  let current = (root.querySelector<HTMLElement>('#race-date')?.dataset.date) ?? dates[Number(slider.value)]!;
  let wanted = current;

  const fmt = (d: string) => new Date(`${d}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

  function fetchSection(d: string): Promise<Element> {
    let p = cache.get(d);
    if (!p) {
      p = fetch(fragmentUrl(d))
        .then((r) => {
          if (!r.ok) throw new Error(`${fragmentUrl(d)}: HTTP ${r.status}`);
          return r.text();
        })
        .then((html) => {
          const section = new DOMParser().parseFromString(html, 'text/html').querySelector('#race-date');
          if (!section) throw new Error(`${fragmentUrl(d)}: no #race-date section in the fragment`);
          return section;
        });
      p.catch(() => cache.delete(d));
      cache.set(d, p);
    }
    return p;
  }

  /** The control's own state follows the wanted date at once; the section follows when it has loaded. */
  function showControl(d: string): void {
    const i = dates.indexOf(d);
    slider.value = String(i);
    slider.setAttribute('aria-valuetext', fmt(d));
    label.textContent = fmt(d);
    position.textContent = String(i + 1);
    for (const a of links) {
      if (a.dataset.date === d) a.setAttribute('aria-current', 'page');
      else a.removeAttribute('aria-current');
    }
    for (const a of steps) {
      const target = dates[i + Number(a.dataset.raceStep)];
      if (target) {
        a.href = pageUrl(target);
        a.rel = Number(a.dataset.raceStep) < 0 ? 'prev' : 'next';
        a.removeAttribute('aria-disabled');
      } else {
        if (a === doc.activeElement) slider.focus();
        // An <a> without href may carry no rel (HTML).
        a.removeAttribute('href');
        a.removeAttribute('rel');
        a.setAttribute('aria-disabled', 'true');
      }
    }
    for (const { el, x } of markers) {
      const line = el.querySelector('.race-marker line');
      if (line && x[d] !== undefined) {
        line.setAttribute('x1', String(x[d]));
        line.setAttribute('x2', String(x[d]));
      }
    }
  }

  async function go(d: string, history: 'push' | 'none'): Promise<void> {
    if (!dates.includes(d)) return;
    wanted = d;
    showControl(d);
    if (history === 'push' && window.location.pathname !== pageUrl(d)) window.history.pushState({ raceDate: d }, '', pageUrl(d));
    try {
      const section = await fetchSection(d);
      if (wanted !== d) return; // the reader has moved on while this one loaded
      const old = root!.querySelector('#race-date');
      if (old && old.getAttribute('data-date') !== d) old.replaceWith(doc.importNode(section, true));
      current = d;
      doc.title = `${section.querySelector('h2')?.textContent ?? fmt(d)}${titleSuffix}`;
      status.textContent = `Showing ${fmt(d)}.`;
    } catch (error) {
      // The fragment failed (offline, removed): the date's full page still exists.
      status.textContent = `Could not load ${fmt(d)}; opening its page instead.`;
      console.error(error);
      window.location.assign(pageUrl(d));
    }
  }

  sliderBox.hidden = false;
  // Dragging shows each date it passes; the history gets one entry, where the slider is let go
  // ('change' also follows every arrow key, so each keyboard step is one entry).
  slider.addEventListener('input', () => void go(dates[Number(slider.value)]!, 'none'));
  slider.addEventListener('change', () => void go(dates[Number(slider.value)]!, 'push'));
  for (const a of steps) {
    a.addEventListener('click', (event) => {
      if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0 || !a.href) return;
      event.preventDefault();
      const target = dates[dates.indexOf(wanted) + Number(a.dataset.raceStep)];
      if (target) void go(target, 'push');
    });
  }
  for (const a of links) {
    a.addEventListener('click', (event) => {
      if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0) return;
      event.preventDefault();
      void go(a.dataset.date!, 'push');
    });
  }
  window.addEventListener('popstate', (event) => {
    const fromState = (event.state as { raceDate?: string } | null)?.raceDate;
    const fromPath = window.location.pathname.match(/(\d{4}-\d{2}-\d{2})\/?$/)?.[1];
    const d = fromState ?? fromPath;
    if (d) void go(d, 'none');
  });
  window.history.replaceState({ raceDate: current }, '', window.location.href);
}
