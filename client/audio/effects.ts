/**
 * The game's sound effects as data: each one a few synthesised notes, so the
 * game ships no audio files. A note starts `at` seconds into the effect, lasts
 * `dur` seconds with a short attack and an exponential fade, and may glide to
 * `to` Hz. Rising intervals for good news (cost down, level done), falling and
 * duller ones for bad (cost up): the sound agrees with the sign of ΔC.
 */
export interface Note {
  freq: number;
  at: number;
  dur: number;
  wave: OscillatorType;
  /** Peak gain, 0…1, before the master volume. */
  gain: number;
  /** Glide target in Hz, reached at the end of the note. */
  to?: number;
}

export const Effect = {
  Pick: 'pick',
  Nudge: 'nudge',
  CostDown: 'costDown',
  CostUp: 'costUp',
  LevelDone: 'levelDone',
  RoundStart: 'roundStart',
  LastSeconds: 'lastSeconds',
  Tick: 'tick',
  Reveal: 'reveal',
  Podium: 'podium',
} as const;
export type Effect = (typeof Effect)[keyof typeof Effect];

/** Equal-tempered pitch of a MIDI note number: A4 = 69 = 440 Hz. */
const midi = (n: number) => 440 * 2 ** ((n - 69) / 12);
const tone = (
  n: number,
  at: number,
  dur: number,
  wave: OscillatorType = 'triangle',
  gain = 0.5,
): Note => ({
  freq: midi(n),
  at,
  dur,
  wave,
  gain,
});

export const EFFECTS: Record<Effect, Note[]> = {
  // A short high blip: something was picked.
  pick: [tone(84, 0, 0.06, 'sine', 0.35)],
  // A quick upward glide, like a knob turned.
  nudge: [{ freq: midi(67), to: midi(74), at: 0, dur: 0.07, wave: 'sine', gain: 0.25 }],
  // Cost down: a rising major arpeggio (C E G).
  costDown: [tone(72, 0, 0.12), tone(76, 0.08, 0.12), tone(79, 0.16, 0.22)],
  // Cost up: two falling, duller notes a tritone apart.
  costUp: [tone(62, 0, 0.16, 'square', 0.18), tone(56, 0.14, 0.28, 'square', 0.18)],
  // Level done: a four-note fanfare ending on the octave.
  levelDone: [tone(72, 0, 0.14), tone(76, 0.12, 0.14), tone(79, 0.24, 0.14), tone(84, 0.36, 0.45)],
  // Round start: a two-tone chime, up a fourth.
  roundStart: [tone(74, 0, 0.18, 'sine', 0.45), tone(79, 0.16, 0.32, 'sine', 0.45)],
  // Last seconds: a pair of urgent high beeps.
  lastSeconds: [tone(88, 0, 0.07, 'square', 0.2), tone(88, 0.12, 0.07, 'square', 0.2)],
  // One countdown tick on the projector.
  tick: [tone(96, 0, 0.03, 'square', 0.18)],
  // Reveal: a soft rising shimmer over a held fifth.
  reveal: [
    tone(67, 0, 0.5, 'sine', 0.3),
    tone(74, 0, 0.5, 'sine', 0.3),
    { freq: midi(79), to: midi(91), at: 0.05, dur: 0.35, wave: 'triangle', gain: 0.2 },
  ],
  // Podium: a longer fanfare with a held major chord.
  podium: [
    tone(67, 0, 0.12),
    tone(72, 0.12, 0.12),
    tone(76, 0.24, 0.12),
    tone(79, 0.36, 0.7),
    tone(72, 0.36, 0.7, 'sine', 0.3),
    tone(76, 0.36, 0.7, 'sine', 0.3),
  ],
};

/** Seconds an effect lasts: its last note's end. */
export function effectLength(e: Effect): number {
  return Math.max(...EFFECTS[e].map((n) => n.at + n.dur));
}
