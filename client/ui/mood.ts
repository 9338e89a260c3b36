/** How the demon looks: waiting, pleased (the cost fell) or wincing (it rose). */
export const Mood = { Neutral: 'neutral', Happy: 'happy', Grimace: 'grimace' } as const;
export type Mood = (typeof Mood)[keyof typeof Mood];

/** ΔC's sign as a mood: a fall pleases the demon, a rise makes it wince. */
export function moodOf(deltaC: number): Mood {
  return deltaC < 0 ? Mood.Happy : deltaC > 0 ? Mood.Grimace : Mood.Neutral;
}
