/**
 * The game's colours as data: one palette per theme, read by the CSS (as
 * custom properties, `--pos` for `pos`) and by the canvases alike, so the play
 * view, the projector and the phone paint with the same colours.
 *
 * Sign uses the Okabe–Ito pair blue (+) / vermillion (−), safe for every
 * common colour-vision deficiency; every signed value also carries a +/−
 * glyph or a dashed line, so colour is never the only cue. The `*Ink`
 * colours are the same hues darkened until text on the panel reaches
 * WCAG AA (4.5 : 1); the plain ones are for lines and fills.
 */
export interface Palette {
  ink: string;
  /** Text on an ink-coloured fill (primary buttons). */
  onInk: string;
  muted: string;
  bg: string;
  panel: string;
  line: string;
  /** + : lines, fills. */
  pos: string;
  /** − : lines, fills. */
  neg: string;
  posInk: string;
  negInk: string;
  /** The best move. */
  best: string;
  bestInk: string;
  /** The gradient demon's move. */
  grad: string;
  gradInk: string;
  focus: string;
  /** Pale backgrounds: a notice, a quiet panel, a + and a − tint. */
  warnBg: string;
  tint: string;
  posTint: string;
  negTint: string;
  /** Podium. */
  gold: string;
  silver: string;
  bronze: string;
  /** An activation of 0 and of 1 inside a neuron. */
  neuronEmpty: string;
  neuronFull: string;
}

export const ThemeName = { Standard: 'standard', Contrast: 'contrast' } as const;
export type ThemeName = (typeof ThemeName)[keyof typeof ThemeName];

export const PALETTES: Record<ThemeName, Palette> = {
  standard: {
    ink: '#1b1f24',
    onInk: '#ffffff',
    muted: '#5b6573',
    bg: '#f7f7f4',
    panel: '#ffffff',
    line: '#d5d9de',
    pos: '#0072b2',
    neg: '#d55e00',
    posInk: '#0068a3',
    negInk: '#a33b00',
    best: '#cc79a7',
    bestInk: '#a0497f',
    grad: '#009e73',
    gradInk: '#00785a',
    focus: '#f0b400',
    warnBg: '#fff3c4',
    tint: '#eef3f8',
    posTint: '#e3f0f9',
    negTint: '#fbe3d4',
    gold: '#8a6508',
    silver: '#5d6874',
    bronze: '#8c5a2b',
    neuronEmpty: '#ffffff',
    neuronFull: '#243447',
  },
  // For a bright classroom or a washed-out projector: black on white, thick
  // lines, and the same two hues pushed dark enough for 7 : 1 text.
  contrast: {
    ink: '#000000',
    onInk: '#ffffff',
    muted: '#2b2b2b',
    bg: '#ffffff',
    panel: '#ffffff',
    line: '#000000',
    pos: '#00558a',
    neg: '#b34000',
    posInk: '#004a78',
    negInk: '#8a3100',
    best: '#8f3a6f',
    bestInk: '#7a2e5e',
    grad: '#006b4f',
    gradInk: '#005a42',
    focus: '#000000',
    warnBg: '#fff0a8',
    tint: '#ffffff',
    posTint: '#d6e9f7',
    negTint: '#f7dccb',
    gold: '#6b4e00',
    silver: '#3d4650',
    bronze: '#6e4420',
    neuronEmpty: '#ffffff',
    neuronFull: '#000000',
  },
};
