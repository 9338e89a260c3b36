import { onMotionChange, reducedMotion } from '../state/motion.ts';

/**
 * A number on screen that reacts when it changes: the new value is written
 * at once (what is read is always exact), and the element gets `down` or
 * `up` for an eased flash (pass.css), so a falling cost is felt as well as
 * read. With reduced motion there is no flash.
 */
export class ChangeFlash {
  private last: number | null = null;

  constructor(
    private readonly el: HTMLElement,
    private readonly write: (v: number) => void,
  ) {}

  set(v: number): void {
    const from = this.last;
    this.last = v;
    this.write(v);
    if (from === null || from === v || reducedMotion()) return;
    this.el.classList.remove('down', 'up');
    void this.el.offsetWidth; // restart the flash
    this.el.classList.add(v < from ? 'down' : 'up');
  }
}

/** Keeps `reduce-motion` on <html> in step with the switch, so CSS animations obey it too. */
export function syncMotionClass(): void {
  const apply = () => document.documentElement.classList.toggle('reduce-motion', reducedMotion());
  apply();
  onMotionChange(apply);
}
