/**
 * The client half of Scrolly: an IntersectionObserver reports which step crosses a thin band
 * of the viewport; that step's data-step-state becomes the container's data-state. No scroll
 * listeners. Focusing a step with the keyboard activates it too.
 *
 * On a phone (the single-column layout) the graphic is a compact sticky strip: CSS moves the
 * chart to the bottom of its figure and this script sticks the figure at a negative offset, so
 * only the chart stays at the top of the screen while the steps pass under it; the band then
 * sits in the middle of the space left below the chart, where the active step is read.
 */
const PHONE = '(max-width: 52rem)';

export function initScrolly(doc: Document): void {
  const phone = matchMedia(PHONE);
  for (const container of doc.querySelectorAll<HTMLElement>('[data-scrolly]')) {
    if (container.dataset.scrollyReady) continue;
    container.dataset.scrollyReady = 'true';
    const steps = [...container.querySelectorAll<HTMLElement>('[data-step-state]')];
    const graphic = container.querySelector<HTMLElement>('.scrolly-graphic');
    const charts = graphic?.querySelector<HTMLElement>('[data-figure-charts]');
    const activate = (step: HTMLElement) => {
      const index = steps.indexOf(step);
      if (String(index) === container.dataset.activeStep) return;
      for (const s of steps) s.toggleAttribute('data-active', s === step);
      container.dataset.activeStep = String(index);
      container.dataset.state = step.dataset.stepState ?? '';
      container.dispatchEvent(new CustomEvent('scrolly:step', { detail: { index, state: container.dataset.state }, bubbles: true }));
    };
    // A keyboard user's focus outranks an intersection reported for an older moment of the scroll.
    let focusedAt = -Infinity;
    let observer: IntersectionObserver | undefined;
    let applied = '';
    const layout = () => {
      // Where the active step is read: the middle of the screen, or on a phone the middle of what the sticky chart leaves free.
      let band = innerHeight / 2;
      // A chart taller than ~60% of the screen (a tablet drawing of 30 bars) would leave no room for the steps: it scrolls with them instead.
      const compact = !!charts && phone.matches && charts.offsetHeight <= innerHeight * 0.6;
      container.toggleAttribute('data-scrolly-compact', compact);
      const stick = compact ? -charts.offsetTop : 0;
      if (compact) band = charts.offsetHeight + (innerHeight - charts.offsetHeight) / 2;
      // Reading the layout is the costly part; redo the rest only when something moved.
      const key = `${compact} ${stick} ${band} ${innerHeight}`;
      if (key === applied) return;
      applied = key;
      if (compact) graphic?.style.setProperty('--scrolly-stick', `${stick}px`);
      else graphic?.style.removeProperty('--scrolly-stick');
      observer?.disconnect();
      observer = new IntersectionObserver(
        (entries) => {
          for (const entry of entries) if (entry.isIntersecting && entry.time > focusedAt) activate(entry.target as HTMLElement);
        },
        { rootMargin: `${-Math.round(band - 0.05 * innerHeight)}px 0px ${-Math.round(innerHeight - band - 0.05 * innerHeight)}px 0px`, threshold: 0 },
      );
      for (const step of steps) observer.observe(step);
    };
    phone.addEventListener('change', layout);
    // A change of viewport height (a phone's toolbar, a rotation) moves the band without resizing the graphic.
    addEventListener('resize', () => requestAnimationFrame(layout), { passive: true });
    // The chart's offset changes when the figure's table is opened or the viewport resized. A
    // ResizeObserver reports once as soon as it observes, which lays the scrolly out the first time.
    if (graphic) new ResizeObserver(() => requestAnimationFrame(layout)).observe(graphic);
    else layout();
    for (const step of steps) {
      step.addEventListener('focus', (event) => {
        focusedAt = event.timeStamp;
        activate(step);
      });
    }
  }
}
