// One time cursor for every figure of the playground: play, pause, step and scrub. Its value is the step
// shown; playing sweeps the longest run in about four seconds, whatever its length. The element stays on the
// page while the runs change: `setMax` follows their length.
export type TimelineElement = HTMLElement & {
  value: number;
  /**
   * A new last step. A cursor at the old end moves to the new one (the whole runs stay shown), one past it is
   * clamped; `input` fires only when the value changes.
   */
  setMax(max: number): void;
};

let nextId = 0;

export function Timeline(max: number): TimelineElement {
  const id = `downhill-timeline-${++nextId}`;
  const root = document.createElement("div");
  root.className = "downhill-timeline";
  root.innerHTML = `
    <button type="button" data-action="play" aria-label="Play">▶</button>
    <button type="button" data-action="back" aria-label="One step back">◀︎ 1</button>
    <button type="button" data-action="forward" aria-label="One step forward">1 ▶︎</button>
    <label for="${id}">step</label>
    <input id="${id}" type="range" min="0" max="${max}" step="1" value="${max}">
    <output for="${id}"></output>`;
  const play = root.querySelector<HTMLButtonElement>('[data-action="play"]')!;
  const slider = root.querySelector("input")!;
  const output = root.querySelector("output")!;
  let value = max;
  let perFrame = Math.max(1, Math.round(max / 240));
  let frame = 0;

  const set = (next: number, notify = true) => {
    value = Math.max(0, Math.min(max, Math.round(next)));
    slider.value = String(value);
    output.textContent = `${value} / ${max}`;
    if (notify) root.dispatchEvent(new Event("input", { bubbles: true }));
  };
  const pause = () => {
    cancelAnimationFrame(frame);
    frame = 0;
    play.textContent = "▶";
    play.setAttribute("aria-label", "Play");
  };
  const tick = () => {
    if (!root.isConnected || value >= max) return pause();
    set(value + perFrame);
    frame = requestAnimationFrame(tick);
  };
  play.addEventListener("click", () => {
    if (frame) return pause();
    if (value >= max) set(0);
    play.textContent = "❚❚";
    play.setAttribute("aria-label", "Pause");
    frame = requestAnimationFrame(tick);
  });
  root.querySelector('[data-action="back"]')!.addEventListener("click", () => (pause(), set(value - 1)));
  root.querySelector('[data-action="forward"]')!.addEventListener("click", () => (pause(), set(value + 1)));
  slider.addEventListener("input", (event) => {
    event.stopPropagation(); // the root fires the one event view() listens to
    pause();
    set(slider.valueAsNumber);
  });
  set(max, false);
  (root as unknown as TimelineElement).setMax = (next: number) => {
    if (next === max) return;
    const atEnd = value >= max;
    max = next;
    perFrame = Math.max(1, Math.round(max / 240));
    slider.max = String(max);
    const previous = value;
    set(atEnd ? max : value, false);
    if (value !== previous) root.dispatchEvent(new Event("input", { bubbles: true }));
  };
  Object.defineProperty(root, "value", { get: () => value, set: (v: number) => set(v, false) });
  return root as unknown as TimelineElement;
}
