import katex from 'katex';
import 'katex/dist/katex.min.css';

/** Typesets one formula into el (display or inline). */
export function renderTex(el: HTMLElement, texSource: string, display = false): void {
  // fleqn: display formulas start at the left, so a wide one scrolls instead of losing its start.
  katex.render(texSource, el, { throwOnError: false, displayMode: display, fleqn: true });
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
