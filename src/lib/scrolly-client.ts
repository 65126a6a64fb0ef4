/**
 * The client half of Scrolly: an IntersectionObserver reports which step crosses the middle
 * of the viewport; that step's data-step-state becomes the container's data-state. No scroll
 * listeners. Focusing a step with the keyboard activates it too.
 */
export function initScrolly(doc: Document): void {
  for (const container of doc.querySelectorAll<HTMLElement>('[data-scrolly]')) {
    if (container.dataset.scrollyReady) continue;
    container.dataset.scrollyReady = 'true';
    const steps = [...container.querySelectorAll<HTMLElement>('[data-step-state]')];
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
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) if (entry.isIntersecting && entry.time > focusedAt) activate(entry.target as HTMLElement);
      },
      // A thin band across the middle of the viewport: the step inside it is the active one.
      { rootMargin: '-45% 0px -45% 0px', threshold: 0 },
    );
    for (const step of steps) {
      observer.observe(step);
      step.addEventListener('focus', (event) => {
        focusedAt = event.timeStamp;
        activate(step);
      });
    }
  }
}
