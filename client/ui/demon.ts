import art from '../../assets/demon.svg?raw';
import { t } from '../i18n/index.ts';
import { onMotionChange, reducedMotion } from '../state/motion.ts';
import type { PlayStore } from '../state/playStore.ts';
import { el } from './format.ts';
import { Mood, moodOf } from './mood.ts';

interface Seat {
  l: number;
  j: number;
  mood: Mood;
  /** Δz's sign: the fork points the way the demon pushes z. */
  dz: number;
}

/**
 * The demon on the stage (art: assets/demon.svg). It sits on the neuron being
 * nudged — the one picked, the move judged, or in the step-through the one
 * the step is about — and reacts to ΔC. It is DOM above the canvas, so CSS
 * eases its hops between neurons on the compositor; with reduced motion it
 * simply appears.
 */
export class DemonSprite {
  readonly root: HTMLDivElement;
  /** A nudge the screen judged itself (the sandbox keeps its nudges): shown until the pick changes. */
  private reaction: Seat | null = null;
  private mood: Mood | null = null;

  constructor(
    private readonly store: PlayStore,
    stageRoot: HTMLElement,
  ) {
    // The body inside hops and shakes; the root only moves, by transform, so the
    // compositor glides it between neurons without a layout or a repaint a frame.
    const body = el('div', { class: 'demon-body' });
    body.innerHTML = art;
    this.root = el('div', { class: 'demon', hidden: '', role: 'img' }, body);
    stageRoot.append(this.root);
    store.subscribe(() => this.render());
    store.walk?.subscribe(() => this.render());
    onMotionChange(() => this.render());
  }

  /** A nudge judged outside the store's result (the sandbox's kept nudge): the demon reacts to its ΔC. */
  react(l: number, j: number, dz: number, deltaC: number): void {
    this.reaction = { l, j, dz, mood: moodOf(deltaC) };
    this.render();
  }

  /** Where the demon sits now, and how it feels. */
  private seat(): Seat | null {
    const s = this.store;
    if (!s.network) return null;
    const step = s.walk?.current;
    if (step && s.walk?.fresh()) {
      if (step.kind === 'demon')
        return { l: step.move.l, j: step.move.j, dz: step.move.dz, mood: moodOf(step.move.deltaC) };
      if (step.kind === 'bp3') return { ...step.focus, dz: 0, mood: Mood.Neutral };
      if (step.kind === 'bp4')
        return { l: step.focus.l, j: step.focus.j, dz: 0, mood: Mood.Neutral };
      return { l: step.l, j: step.focus, dz: 0, mood: Mood.Neutral };
    }
    if (s.result) {
      const m = s.result.move;
      return { l: m.l, j: m.j, dz: m.dz, mood: moodOf(m.deltaC) };
    }
    const sel = s.selected;
    if (!sel) return null;
    const r = this.reaction;
    if (r && r.l === sel.l && r.j === sel.j) return r;
    return { ...sel, dz: s.dz, mood: Mood.Neutral };
  }

  private render(): void {
    const seat = this.seat();
    const root = this.root;
    if (!seat) {
      root.hidden = true;
      return;
    }
    const { layout } = this.store;
    const p = layout.pos[seat.l]?.[seat.j];
    if (!p) {
      root.hidden = true;
      return;
    }
    const r = layout.r[seat.l]!;
    // Big enough to read on a phone, never much bigger than the neuron it sits on.
    const size = Math.round(Math.max(40, Math.min(84, r * 2.6)));
    root.hidden = false;
    root.style.width = `${size}px`;
    root.style.height = `${size}px`;
    // On the neuron's upper-left shoulder: the Δz arrow above it and the label stay in sight.
    root.style.transform = `translate(${p.x - r * 0.3 - size * 0.95}px, ${p.y - r - size * 0.55}px)`;
    root.classList.toggle('still', reducedMotion());
    root.classList.toggle('fork-down', seat.dz < 0);
    if (seat.mood !== this.mood) {
      root.classList.remove(`mood-${this.mood}`);
      root.classList.add(`mood-${seat.mood}`);
      // The hop that greets a new mood: a happy demon hops, a wincing one shakes. Each mood
      // names its own animation, so changing mood starts it afresh with no forced layout
      // (neutral, in between, takes the class away).
      root.classList.toggle('hop', seat.mood !== Mood.Neutral);
      this.mood = seat.mood;
    }
    root.dataset['mood'] = seat.mood;
    root.dataset['l'] = String(seat.l);
    root.dataset['j'] = String(seat.j);
    root.setAttribute(
      'aria-label',
      seat.mood === Mood.Happy
        ? t('demon.happy')
        : seat.mood === Mood.Grimace
          ? t('demon.grimace')
          : t('demon.label'),
    );
  }
}
