import { UNTIMED_ROUND_SECONDS } from '#shared/protocol/timing';
import type { Timer } from '#shared/protocol/views';
import { t } from '../i18n/index.ts';
import { el } from '../ui/format.ts';

/**
 * A player's own clock from the class's: with time factor f the deadline is
 * (f − 1)·T later, T the round's length — the server's rule (server/rooms/extraTime.ts).
 */
export function ownTimer(timer: Timer | null, factor: number): Timer | null {
  if (!timer || factor === 1) return timer;
  const more = (factor - 1) * timer.limitMs;
  return {
    ...timer,
    deadline: timer.deadline === null ? null : timer.deadline + more,
    remainingMs: timer.remainingMs + more,
    limitMs: timer.limitMs * factor,
  };
}

/** An untimed session's round: its clock is only a backstop, not shown. */
export function isUntimed(timer: Timer | null): boolean {
  return !!timer && timer.limitMs >= UNTIMED_ROUND_SECONDS * 1000;
}

/** Milliseconds left on a round's timer, corrected for the difference between the two clocks. */
export class RoundClock {
  private deadline: number | null = null;
  private frozen = 0;
  limitMs = 1;

  set(timer: Timer | null): void {
    if (!timer) {
      this.deadline = null;
      this.frozen = 0;
      return;
    }
    const offset = timer.serverNow - Date.now();
    this.deadline = timer.deadline === null ? null : timer.deadline - offset;
    this.frozen = timer.remainingMs;
    this.limitMs = Math.max(1, timer.limitMs);
  }

  remainingMs(now = Date.now()): number {
    return this.deadline === null ? this.frozen : Math.max(0, this.deadline - now);
  }

  get running(): boolean {
    return this.deadline !== null;
  }
}

/** Seconds left at which a screen reader hears the time without asking. */
const ANNOUNCE_AT = new Set([30, 10, 5]);

/**
 * A countdown: the seconds in large type and a bar that empties; ticks four
 * times a second. `role="timer"` is silent by design, so a polite live region
 * beside it says what a sighted player would notice: paused, resumed, time
 * added, and 30, 10 and 5 seconds left.
 */
export class Countdown {
  readonly root: HTMLElement;
  readonly clock = new RoundClock();
  private readonly value: HTMLElement;
  private readonly bar: HTMLElement;
  private readonly said: HTMLElement;
  private timer: ReturnType<typeof setInterval> | null = null;
  private lastSecond: number | null = null;
  private lastRunning: boolean | null = null;
  /** Called once for each whole second shown while the clock runs (sound, ticks). */
  onSecond: ((s: number) => void) | null = null;

  constructor() {
    this.value = el('span', { class: 'countdown-value' });
    this.bar = el('span', { class: 'countdown-bar' });
    this.said = el('span', { class: 'sr-only countdown-said', 'aria-live': 'polite' });
    this.root = el(
      'div',
      { class: 'countdown' },
      el('span', { class: 'countdown-face', role: 'timer' }, this.value),
      el('span', { class: 'countdown-track' }, this.bar),
      this.said,
    );
  }

  private shown: Timer | null = null;

  /**
   * Shows a timer the server sent. The same message again changes nothing:
   * its `serverNow` is from when it was sent, so reading it later would skew the clock.
   */
  show(timer: Timer | null): void {
    if (timer === this.shown && this.timer) return;
    this.set(timer);
  }

  set(timer: Timer | null): void {
    this.shown = timer;
    this.clock.set(timer);
    this.tick();
    if (!this.timer && !isUntimed(timer)) this.timer = setInterval(() => this.tick(), 250);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private tick(): void {
    const untimed = isUntimed(this.shown);
    this.root.classList.toggle('untimed', untimed);
    if (untimed) {
      this.value.textContent = t('cls.timer.untimed');
      this.root.setAttribute('aria-label', t('cls.timer.untimed'));
      this.stop();
      return;
    }
    const ms = this.clock.remainingMs();
    const s = Math.ceil(ms / 1000);
    this.value.textContent = String(s);
    this.root.firstElementChild!.setAttribute('aria-label', t('cls.timer.left', { s }));
    this.announce(s, this.clock.running);
    this.root.classList.toggle('paused', !this.clock.running);
    this.root.classList.toggle('urgent', this.clock.running && ms < 5000);
    // A transform, not a width: the bar glides on the compositor without a layout four times a second.
    this.bar.style.transform = `scaleX(${Math.min(1, ms / this.clock.limitMs).toFixed(4)})`;
  }

  /** What changed since the last tick, in words, for the live region. */
  private announce(s: number, running: boolean): void {
    const before = this.lastSecond;
    const wasRunning = this.lastRunning;
    this.lastSecond = s;
    this.lastRunning = running;
    if (before === null || wasRunning === null || s === 0) return;
    let line = '';
    if (wasRunning && !running) line = t('cls.timer.paused');
    else if (!wasRunning && running) line = t('cls.timer.resumed', { s });
    else if (s > before + 1) line = t('cls.timer.added', { s: s - before, left: s });
    else if (running && s < before && ANNOUNCE_AT.has(s)) line = t('cls.timer.left', { s });
    if (running && s !== before) this.onSecond?.(s);
    if (line) this.said.textContent = line;
  }
}
