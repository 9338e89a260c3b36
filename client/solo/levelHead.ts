import { t } from '../i18n/index.ts';
import type { PlayStore } from '../state/playStore.ts';
import { el, num, setText, signed } from '../ui/format.ts';
import { symText } from '../ui/notation.ts';
import { ChangeFlash } from '../ui/tween.ts';
import type { LevelRun } from './levelRun.ts';

/** The level's head line: title, cost, budget, move count, the race totals and the Δb kept so far. */
export class LevelHead {
  readonly root: HTMLElement;
  private readonly title = el('h1', {});
  private readonly cost = el('span', { class: 'cost' });
  private readonly budget = el('span', { class: 'budget' });
  private readonly moves = el('span', { class: 'moves' });
  private readonly raceLine = el('span', { class: 'race' });
  private readonly bias = el('p', { class: 'bias-kept', 'aria-live': 'polite' });
  /** C after a kept move: exact at once, with a flash the way it went. */
  private readonly costTween = new ChangeFlash(this.cost, (c) =>
    setText(this.cost, t('play.cost', { c: num(c, 4) })),
  );

  constructor() {
    this.root = el(
      'div',
      { class: 'play-head' },
      this.title,
      this.cost,
      this.budget,
      this.moves,
      this.raceLine,
      this.bias,
    );
  }

  render(run: LevelRun, store: PlayStore): void {
    const { level, flags } = run;
    setText(
      this.title,
      `${t('campaign.level', { n: run.index + 1 })} · ${t(`level.${level.id}.title`)}`,
    );
    this.costTween.set(store.trace.cost);
    setText(this.budget, t('play.budget', { e: num(store.eps, 2) }));
    setText(
      this.moves,
      flags.moves > 1 ? t('campaign.moveOf', { n: run.moveIndex + 1, total: flags.moves }) : '',
    );
    setText(
      this.raceLine,
      flags.race && run.qualities.length > 0
        ? `${t('race.you', { you: signed(run.race.you) })} · ${t('race.gradient', { g: signed(run.race.gradient) })}`
        : '',
    );
    // Several kept moves: the biases they changed, Δb summed per neuron (BP3).
    const L = store.L;
    const shifts = run.biasShifts.map((s) =>
      t('bias.kept', {
        b: symText('b', s.l, s.j, L),
        db: signed(s.db),
        from: num(s.b0),
        to: num(s.b0 + s.db),
      }),
    );
    this.bias.hidden = flags.moves <= 1 || flags.kind !== 'nudge';
    setText(
      this.bias,
      shifts.length > 0 ? `${t('bias.title')} ${shifts.join(' · ')}` : t('bias.none'),
    );
  }
}
