import { Phase } from '#shared/protocol/codes';
import { cue } from './cue.ts';

/**
 * Sounds for a class game's turning points, played once on the way in:
 * a round opens, its answer is revealed, the podium shows. Pages call
 * `see` on every render; only a change of phase or round makes a sound.
 */
export class PhaseCues {
  private last = '';

  see(phase: string | undefined, round: number): void {
    const key = `${phase}:${round}`;
    if (!phase || key === this.last) return;
    const before = this.last;
    this.last = key;
    // The first state a page sees is where it came in (a reload): nothing to celebrate.
    if (!before) return;
    if (phase === Phase.Question && !before.startsWith(`${Phase.Paused}:${round}`))
      cue('roundStart');
    else if (phase === Phase.Reveal) cue('reveal');
    else if (phase === Phase.Ended) cue('podium');
  }
}

/** The countdown's sound for one second: ticks in the last five when asked for, else one warning at five. */
export function secondCue(s: number, ticks: boolean): void {
  if (ticks && s <= 5 && s > 0) cue('tick');
  else if (s === 5) cue('lastSeconds');
}
