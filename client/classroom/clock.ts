import { UNTIMED_ROUND_SECONDS } from '#shared/protocol/settings';
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

/** A countdown: the seconds in large type and a bar that empties; ticks four times a second. */
export class Countdown {
  readonly root: HTMLElement;
  readonly clock = new RoundClock();
  private readonly value: HTMLElement;
  private readonly bar: HTMLElement;
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor() {
    this.value = el('span', { class: 'countdown-value' });
    this.bar = el('span', { class: 'countdown-bar' });
    this.root = el(
      'div',
      { class: 'countdown', role: 'timer' },
      this.value,
      el('span', { class: 'countdown-track' }, this.bar),
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
    this.root.setAttribute('aria-label', t('cls.timer.left', { s }));
    this.root.classList.toggle('paused', !this.clock.running);
    this.root.classList.toggle('urgent', this.clock.running && ms < 5000);
    // A transform, not a width: the bar glides on the compositor without a layout four times a second.
    this.bar.style.transform = `scaleX(${Math.min(1, ms / this.clock.limitMs).toFixed(4)})`;
  }
}
