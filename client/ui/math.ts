import katex from 'katex';
import 'katex/dist/katex.min.css';
import { whenIdle } from './idle.ts';

/** Formulas kept typeset, newest last: a player going back and forth between neurons sees each one again. */
const CACHE_SIZE = 256;
const typeset = new Map<string, HTMLElement>();

function keyOf(texSource: string, display: boolean): string {
  return `${display ? 'D' : 'i'}${texSource}`;
}

/** The formula typeset once, into a holder kept for cloning (the least recently used is dropped). */
function typesetOnce(texSource: string, display: boolean): HTMLElement {
  const key = keyOf(texSource, display);
  let holder = typeset.get(key);
  if (holder) {
    typeset.delete(key);
  } else {
    holder = document.createElement('span');
    // fleqn: display formulas start at the left, so a wide one scrolls instead of losing its start.
    katex.render(texSource, holder, { throwOnError: false, displayMode: display, fleqn: true });
    if (typeset.size >= CACHE_SIZE) typeset.delete(typeset.keys().next().value!);
  }
  typeset.set(key, holder);
  return holder;
}

/** Typesets one formula into el (display or inline). */
export function renderTex(el: HTMLElement, texSource: string, display = false): void {
  const holder = typesetOnce(texSource, display);
  el.replaceChildren(...Array.from(holder.childNodes, (n) => n.cloneNode(true)));
}

/** Formulas waiting for the frame after next, by the element they go into. */
const pending = new Map<HTMLElement, { tex: string; display: boolean }>();
let flushQueued = false;

function flush(): void {
  flushQueued = false;
  const jobs = [...pending];
  pending.clear();
  for (const [el, job] of jobs) if (el.isConnected) renderTex(el, job.tex, job.display);
}

/**
 * Typesets a formula once the frame now being drawn is on screen: a tap
 * shows its pick first, and the formula (tens of milliseconds of layout work
 * on a slow phone) follows in the next task. A formula typeset before is
 * cloned at once. A later call for the same element replaces an earlier one.
 */
export function renderTexSoon(el: HTMLElement, texSource: string, display = false): void {
  if (typeset.has(keyOf(texSource, display))) {
    pending.delete(el);
    renderTex(el, texSource, display);
    return;
  }
  pending.set(el, { tex: texSource, display });
  if (flushQueued) return;
  flushQueued = true;
  requestAnimationFrame(() => setTimeout(flush, 0));
}

/**
 * Typesets a formula like the game's into nothing, once, while the page is
 * idle: KaTeX's first formula costs several times a later one (its code runs
 * cold), and a phone then pays it in the lobby, not when its first result comes.
 */
export function warmTex(): void {
  whenIdle(() =>
    katex.render(
      "\\bar\\delta^{2}_{3} = \\tfrac{1}{4}\\textstyle\\sum_x \\Big(\\sum_i w^{3}_{i3}\\,\\delta^{3}_i(x)\\Big)\\sigma'(z^2_3) \\approx (0.12)(-0.5) = -0.06",
      document.createElement('span'),
      { throwOnError: false, displayMode: true },
    ),
  );
}

/** Text with $…$ formulas: the prose as text nodes, each formula typeset. */
export function renderRich(el: HTMLElement, text: string): void {
  el.replaceChildren();
  text.split(/(\$[^$]+\$)/).forEach((part) => {
    if (part.startsWith('$') && part.endsWith('$') && part.length > 2) {
      const span = document.createElement('span');
      renderTex(span, part.slice(1, -1));
      el.append(span);
    } else if (part) el.append(document.createTextNode(part));
  });
}
