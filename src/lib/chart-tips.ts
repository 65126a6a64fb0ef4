/**
 * Values by touch as well as by mouse. Plot gives every mark with a `title` channel an SVG
 * <title> child, which a mouse shows on hover but a finger cannot. A tap (or click) on such a
 * mark shows the same text in a small box beside it; a tap elsewhere or Escape hides it.
 * One delegated listener for the whole page; no chart library in the browser.
 */
export function initChartTips(doc: Document): void {
  if (doc.documentElement.dataset.chartTips) return;
  doc.documentElement.dataset.chartTips = 'true';
  const tip = doc.createElement('div');
  tip.className = 'chart-tip';
  tip.setAttribute('role', 'status');
  tip.hidden = true;
  const hide = () => {
    tip.hidden = true;
    doc.querySelector('[data-tip-on]')?.removeAttribute('data-tip-on');
  };
  doc.addEventListener('click', (event) => {
    const target = event.target as Element | null;
    const box = target?.closest<HTMLElement>('[data-figure-charts]');
    let mark: Element | null = box ? target : null;
    // The nearest element (the mark itself, or its <g>) that carries a <title>.
    while (mark && mark !== box && !Array.from(mark.children).some((c) => c.tagName.toLowerCase() === 'title')) mark = mark.parentElement;
    if (!box || !mark || mark === box) return hide();
    const title = Array.from(mark.children).find((c) => c.tagName.toLowerCase() === 'title')!;
    hide();
    mark.setAttribute('data-tip-on', '');
    tip.textContent = title.textContent;
    box.append(tip);
    tip.hidden = false;
    // Above the mark, kept inside the figure; CSSOM positions are allowed by the CSP (style attributes in markup are not).
    const m = mark.getBoundingClientRect();
    const b = box.getBoundingClientRect();
    const left = Math.min(Math.max(m.left + m.width / 2 - b.left - tip.offsetWidth / 2, 0), b.width - tip.offsetWidth);
    const above = m.top - b.top - tip.offsetHeight - 6;
    tip.style.left = `${Math.round(left)}px`;
    tip.style.top = `${Math.round(above >= 0 ? above : m.bottom - b.top + 6)}px`;
  });
  doc.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') hide();
  });
}
