import { ACTIVATIONS } from '#shared/engine/activations';
import { DATASETS } from '#shared/engine/datasets';
import { PRESET_LEVEL_IDS } from '#shared/game/levels';
import { SHOW } from '#shared/game/puzzle';
import type { SessionSettingsInput } from '#shared/protocol/schemas';
import { type MessageKey, t } from '../../i18n/index.ts';
import { el } from '../../ui/format.ts';
import {
  BOUNDS,
  type Bound,
  CUSTOM,
  DEFAULTS,
  defaultValues,
  isPreset,
  type NumberField,
  presetEps,
  type SettingsValues,
  toSettings,
} from './settingsForm.ts';

type Key = keyof SettingsValues;

const DATASET_NAMES = Object.keys(DATASETS) as (keyof typeof DATASETS)[];
const pick = <T extends string>(list: readonly T[], x: string): T | undefined =>
  list.find((y) => y === x);

/** One setting's row: its label, its one-line help, and whether only custom settings show it. */
interface Row {
  key: Exclude<Key, 'preset'>;
  label: MessageKey;
  help: MessageKey;
  custom?: true;
}

const ROWS: Row[] = [
  { key: 'rounds', label: 'cls.create.rounds', help: 'cls.create.roundsHelp' },
  { key: 'secondsPerRound', label: 'cls.create.seconds', help: 'cls.create.secondsHelp' },
  { key: 'speedScoring', label: 'cls.create.speed', help: 'cls.create.speedHelp' },
  { key: 'lateJoin', label: 'cls.create.lateJoin', help: 'cls.create.lateJoinHelp' },
  { key: 'demonRanked', label: 'cls.create.demonRanked', help: 'cls.create.demonRankedHelp' },
  { key: 'sgdSteps', label: 'cls.create.sgd', help: 'cls.create.sgdHelp' },
  { key: 'eta', label: 'cls.create.eta', help: 'cls.create.etaHelp' },
  { key: 'eps', label: 'cls.create.eps', help: 'cls.create.epsHelp' },
  { key: 'dataset', label: 'cls.create.dataset', help: 'cls.create.datasetHelp', custom: true },
  { key: 'hidden', label: 'cls.create.hidden', help: 'cls.create.hiddenHelp', custom: true },
  {
    key: 'activation',
    label: 'cls.create.activation',
    help: 'cls.create.activationHelp',
    custom: true,
  },
  { key: 'show', label: 'cls.create.show', help: 'cls.create.showHelp', custom: true },
  { key: 'batchSize', label: 'cls.create.batch', help: 'cls.create.batchHelp', custom: true },
];

const NUMBER_FIELDS = new Set<Key>([
  'rounds',
  'secondsPerRound',
  'sgdSteps',
  'eta',
  'eps',
  'batchSize',
]);
const isNumberField = (k: Key): k is NumberField => NUMBER_FIELDS.has(k);

/** The words under a field: what it does, then its default and range from the schema. */
function helpText(r: Row): string {
  const help = t(r.help);
  const onOff = (on: boolean) => t(on ? 'cls.create.on' : 'cls.create.off');
  switch (r.key) {
    case 'speedScoring':
    case 'lateJoin':
    case 'demonRanked':
      return `${help} ${t('cls.create.default', { d: onOff(DEFAULTS[r.key]) })}`;
    case 'dataset':
      return `${help} ${t('cls.create.default', { d: t(`ds.${DEFAULTS.dataset}`) })}`;
    case 'activation':
      return `${help} ${t('cls.create.default', { d: t(`opt.${DEFAULTS.activations[0] ?? 'sigmoid'}`) })}`;
    case 'hidden':
      return `${help} ${t('cls.create.default', { d: DEFAULTS.sizes.slice(1, -1).join(',') })}`;
    case 'show':
    case 'eps':
      return help;
    default: {
      const b = BOUNDS[r.key];
      return `${help} ${t('cls.create.defaultRange', { d: DEFAULTS[r.key], min: b.min, max: b.max })}`;
    }
  }
}

function boundMessage(label: MessageKey, b: Bound): string {
  return b.exclusiveMin
    ? t('cls.create.badAbove', { field: t(label), min: b.min, max: b.max })
    : t('cls.create.badRange', { field: t(label), min: b.min, max: b.max });
}

/**
 * The settings form: a level preset or custom settings, every field with its
 * default filled in and one line saying what it does. The values live in one
 * state object (settingsForm.ts); this view draws them, writes what the host
 * types back into them, and relabels itself when the language changes.
 */
export class CreateForm {
  readonly root: HTMLFormElement;
  readonly message = el('p', { class: 'form-message error-text', role: 'alert' });
  readonly button = el('button', { type: 'submit', class: 'primary create-button' });
  readonly values: SettingsValues = defaultValues();
  private readonly preset = el('select', { id: 'preset', name: 'preset' });
  private readonly presetHelp = el('p', { class: 'help preset-help' });
  private readonly heading = el('h2', {});
  private readonly presetLabel = el('label', { for: 'preset' });
  private readonly inputs = new Map<Key, HTMLInputElement | HTMLSelectElement>();
  private readonly rows: { row: Row; root: HTMLElement; label: HTMLElement; help: HTMLElement }[];

  constructor(submit: (s: SessionSettingsInput) => void) {
    this.preset.addEventListener('change', () => {
      if (isPreset(this.preset.value)) this.values.preset = this.preset.value;
      this.sync();
    });
    this.rows = ROWS.map((row) => {
      const input = this.input(row.key);
      this.inputs.set(row.key, input);
      const label = el('label', { for: input.id });
      const help = el('p', { class: 'help' });
      const root = el(
        'div',
        { class: `setting${input.type === 'checkbox' ? ' check' : ''}` },
        label,
        input,
        help,
      );
      return { row, root, label, help };
    });
    this.root = el(
      'form',
      { class: 'create-form card', novalidate: '' },
      this.heading,
      el('div', { class: 'setting preset' }, this.presetLabel, this.preset, this.presetHelp),
      el('div', { class: 'settings-grid' }, ...this.rows.map((r) => r.root)),
      this.button,
      this.message,
    );
    this.root.addEventListener('submit', (e) => {
      e.preventDefault();
      this.message.textContent = '';
      const check = toSettings(this.values);
      if (check.ok) {
        submit(check.settings);
        return;
      }
      const row = ROWS.find((r) => r.key === check.field);
      this.message.textContent =
        check.field === 'hidden'
          ? t('cls.create.badHidden', { max: BOUNDS.layer.max })
          : boundMessage(row?.label ?? 'cls.create.rounds', BOUNDS[check.field]);
      this.inputs.get(check.field)?.focus();
    });
    this.relabel();
  }

  /** The field for one setting, bound to the state: what the host types is written back at once. */
  private input(key: Row['key']): HTMLInputElement | HTMLSelectElement {
    const v = this.values;
    if (key === 'speedScoring' || key === 'lateJoin' || key === 'demonRanked') {
      const c = el('input', { id: key, name: key, type: 'checkbox' });
      c.checked = v[key];
      c.addEventListener('change', () => {
        v[key] = c.checked;
      });
      return c;
    }
    if (key === 'dataset' || key === 'activation' || key === 'show') {
      const s = el('select', { id: key, name: key });
      s.addEventListener('change', () => {
        if (key === 'dataset') v.dataset = pick(DATASET_NAMES, s.value) ?? v.dataset;
        else if (key === 'activation') v.activation = pick(ACTIVATIONS, s.value) ?? v.activation;
        else v.show = pick(SHOW, s.value) ?? v.show;
      });
      return s;
    }
    const attrs: Record<string, string> = { id: key, name: key, value: v[key] };
    if (isNumberField(key)) {
      const b = BOUNDS[key];
      Object.assign(attrs, {
        type: 'number',
        inputmode: 'decimal',
        min: String(b.min),
        max: String(b.max),
        step: b.integer ? '1' : 'any',
      });
    } else attrs['inputmode'] = 'numeric';
    const input = el('input', attrs);
    input.addEventListener('input', () => {
      v[key] = input.value;
    });
    return input;
  }

  /** Every word in the page's language; the values stay as the host set them. */
  relabel(): void {
    this.heading.textContent = t('cls.create.heading');
    this.presetLabel.textContent = t('cls.create.preset');
    this.button.textContent = t('cls.create.submit');
    const options: [string, string][] = PRESET_LEVEL_IDS.map((id, i) => [
      id,
      `${i + 1}. ${t(`level.${id}.title` as MessageKey)}`,
    ]);
    options.push([CUSTOM, t('cls.create.custom')]);
    fill(this.preset, options, this.values.preset);
    const sel = (k: Key) => this.inputs.get(k) as HTMLSelectElement;
    fill(
      sel('dataset'),
      DATASET_NAMES.map((d) => [d, t(`ds.${d}` as MessageKey)]),
      this.values.dataset,
    );
    fill(
      sel('activation'),
      ACTIVATIONS.map((a) => [a, t(`opt.${a}` as MessageKey)]),
      this.values.activation,
    );
    fill(
      sel('show'),
      SHOW.map((s) => [s, t(`cls.create.show.${s}` as MessageKey)]),
      this.values.show,
    );
    for (const r of this.rows) {
      r.label.textContent = t(r.row.label);
      r.help.textContent = helpText(r.row);
    }
    this.sync();
  }

  /** The preset decides which rows show and what an empty ε means. */
  private sync(): void {
    const custom = this.values.preset === CUSTOM;
    this.presetHelp.textContent = custom
      ? t('cls.create.customHelp')
      : t(`cls.preset.${this.values.preset}` as MessageKey);
    for (const r of this.rows) r.root.hidden = (r.row.custom ?? false) && !custom;
    (this.inputs.get('eps') as HTMLInputElement).placeholder = String(
      presetEps(this.values.preset),
    );
  }
}

/** A select's options in the page's language, keeping its value. */
function fill(s: HTMLSelectElement, options: [string, string][], value: string): void {
  s.replaceChildren(...options.map(([v, label]) => el('option', { value: v }, label)));
  s.value = value;
}
