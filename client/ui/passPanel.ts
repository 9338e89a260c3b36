import type { Network, PassStep } from '#shared/engine/index';
import { type MessageKey, onLangChange, t } from '../i18n/index.ts';
import { type PassWalk, WALK_SPEEDS, type WalkSpeed } from '../state/passWalk.ts';
import { el, setText } from './format.ts';
import { renderTex } from './math.ts';
import { bookLayer, layerMark, sampleName } from './notation.ts';
import { stepTex } from './passTex.ts';
import './pass.css';

/** A step's name in the list: "Forward · layer 2", "BP2 · layer 3" (book numbering). */
function stepName(s: PassStep, L: number): string {
  const key = `walk.step.${s.kind}` as MessageKey;
  return s.kind === 'forward' || s.kind === 'bp2' ? t(key, { l: layerMark(s.l, L) }) : t(key);
}

/** The sentence under a step's name: what this step of the chapter does. */
function stepSay(s: PassStep, L: number): string {
  const key = `walk.say.${s.kind}` as MessageKey;
  if (s.kind === 'forward') return t(key, { l: layerMark(s.l, L), lp: bookLayer(s.l - 1) });
  if (s.kind === 'bp2') return t(key, { l: bookLayer(s.l), ln: layerMark(s.l + 1, L) });
  return t(key);
}

/**
 * The step-through's panel: play, pause, step, speed, which numbers (the
 * batch mean or one sample), the list of steps with the current one marked,
 * and the current step's equation typeset with the engine's numbers. The
 * equation carries its numbers in data attributes too, for checking.
 */
export class PassPanel {
  readonly root: HTMLElement;
  private readonly list = el('ol', { class: 'pass-steps' });
  private readonly name = el('p', { class: 'pass-name' });
  private readonly say = el('p', { class: 'pass-say' });
  private readonly general = el('div', { class: 'pass-general' });
  private readonly eq = el('div', { class: 'pass-eq' });
  private readonly playBtn = el('button', { type: 'button', class: 'primary pass-play' });
  private readonly backBtn = el('button', { type: 'button', class: 'pass-back' });
  private readonly nextBtn = el('button', { type: 'button', class: 'pass-next' });
  private readonly closeBtn = el('button', { type: 'button', class: 'pass-close' });
  private readonly speed = el('select', { class: 'pass-speed' });
  private readonly sample = el('select', { class: 'pass-sample' });
  private readonly speedLabel = el('span', {});
  private readonly sampleLabel = el('span', {});
  private readonly title = el('h2', {});
  /** A line above the controls the caller may fill (the level intro's example note). */
  readonly note = el('p', { class: 'pass-note', hidden: '' });
  private drawn = '';

  constructor(
    private readonly walk: PassWalk,
    private readonly network: () => Network,
  ) {
    for (const v of WALK_SPEEDS) this.speed.append(el('option', { value: String(v) }, `${v}×`));
    this.speed.addEventListener('change', () =>
      walk.setSpeed(Number(this.speed.value) as WalkSpeed),
    );
    this.sample.addEventListener('change', () =>
      walk.setSample(this.sample.value === 'mean' ? 'mean' : Number(this.sample.value)),
    );
    this.playBtn.addEventListener('click', () => (walk.playing ? walk.pause() : walk.play()));
    this.backBtn.addEventListener('click', () => walk.step(-1));
    this.nextBtn.addEventListener('click', () => walk.step(1));
    this.closeBtn.addEventListener('click', () => walk.close());
    const now = el('div', { class: 'pass-now', 'aria-live': 'polite' }, this.name, this.say);
    this.root = el(
      'section',
      { class: 'pass-panel', hidden: '' },
      el('div', { class: 'pass-head' }, this.title, this.closeBtn),
      this.note,
      el(
        'div',
        { class: 'pass-controls' },
        this.backBtn,
        this.playBtn,
        this.nextBtn,
        el('label', {}, this.speedLabel, this.speed),
        el('label', {}, this.sampleLabel, this.sample),
      ),
      this.list,
      now,
      this.eq,
      this.general,
    );
    walk.subscribe(() => this.render());
    onLangChange(() => {
      this.drawn = '';
      this.render();
    });
  }

  private render(): void {
    const w = this.walk;
    this.root.hidden = !w.open;
    if (!w.open) return;
    const net = this.network();
    const L = net.sizes.length - 1;
    setText(this.title, t('walk.title'));
    setText(this.playBtn, t(w.playing ? 'walk.pause' : 'walk.play'));
    setText(this.backBtn, t('walk.back'));
    setText(this.nextBtn, t('walk.next'));
    setText(this.closeBtn, '×');
    this.closeBtn.setAttribute('aria-label', t('walk.close'));
    this.closeBtn.title = t('walk.close');
    setText(this.speedLabel, `${t('walk.speed')} `);
    setText(this.sampleLabel, `${t('walk.numbers')} `);
    this.backBtn.disabled = w.index === 0;
    this.nextBtn.disabled = w.index >= w.steps.length - 1;
    this.speed.value = String(w.speed);
    this.fillSamples();
    const step = w.current;
    if (!step) return;
    // The list, the names and the equation change only with the step, the sample or the language.
    const key = `${w.index}|${w.sample}|${w.steps.length}|${w.serial}`;
    if (key === this.drawn) return;
    this.drawn = key;
    this.list.setAttribute('aria-label', t('walk.steps'));
    this.list.replaceChildren(
      ...w.steps.map((s, i) => {
        const li = el(
          'li',
          {
            'data-kind': s.kind,
            ...(s.kind === 'forward' || s.kind === 'bp2' || s.kind === 'bp1'
              ? { 'data-l': layerMark(s.l, L) }
              : {}),
            class: i < w.index ? 'done' : i === w.index ? 'now' : '',
          },
          stepName(s, L),
        );
        if (i === w.index) li.setAttribute('aria-current', 'step');
        return li;
      }),
    );
    setText(this.name, stepName(step, L));
    setText(this.say, stepSay(step, L));
    const mean = w.sample === 'mean' && w.batchSize > 1;
    const st = stepTex(step, net, mean, w.batchSize);
    renderTex(this.general, st.general, true);
    renderTex(this.eq, st.filled, true);
    const d = this.eq.dataset;
    d['kind'] = step.kind;
    d['layer'] = st.layer;
    d['j'] = String(st.j);
    if (st.k === undefined) delete d['k'];
    else d['k'] = String(st.k);
    d['value'] = String(st.value);
    d['sample'] = String(w.sample);
  }

  private fillSamples(): void {
    const n = this.walk.batchSize;
    const want = `${n}|${t('walk.mean', { n })}`;
    if (this.sample.dataset['for'] !== want) {
      this.sample.dataset['for'] = want;
      this.sample.replaceChildren(
        el('option', { value: 'mean' }, n > 1 ? t('walk.mean', { n }) : sampleName(0)),
        ...(n > 1
          ? Array.from({ length: n }, (_, x) =>
              el('option', { value: String(x) }, t('walk.sample', { x: sampleName(x) })),
            )
          : []),
      );
    }
    this.sample.value = String(this.walk.sample);
  }
}
