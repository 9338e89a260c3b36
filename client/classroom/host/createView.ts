import { ACTIVATIONS } from '#shared/engine/activations';
import { DATASETS } from '#shared/engine/datasets';
import { LEVEL_IDS, levelById } from '#shared/game/levels';
import { SHOW } from '#shared/game/puzzle';
import { MAX_CLASS_LAYER, type SessionSettingsInput } from '#shared/protocol/schemas';
import { type MessageKey, t } from '../../i18n/index.ts';
import { el } from '../../ui/format.ts';

const CUSTOM = 'custom';

type Field = {
  key: MessageKey;
  help: MessageKey;
  input: HTMLInputElement | HTMLSelectElement;
  custom?: boolean;
};

function select(id: string, options: [string, string][], value: string): HTMLSelectElement {
  const s = el('select', { id, name: id });
  for (const [v, label] of options) s.append(el('option', { value: v }, label));
  s.value = value;
  return s;
}

function numberInput(
  id: string,
  value: string,
  min: string,
  max: string,
  step = '1',
): HTMLInputElement {
  return el('input', { id, name: id, type: 'number', inputmode: 'decimal', min, max, step, value });
}

function checkbox(id: string, checked: boolean): HTMLInputElement {
  const c = el('input', { id, name: id, type: 'checkbox' });
  c.checked = checked;
  return c;
}

/**
 * The settings form: a level preset or custom settings, every field with its
 * default filled in and one line saying what it does. Returns what
 * `POST /api/sessions` takes, or a message for the first bad field. `previous`,
 * the same form in the former language, gives the values to keep.
 */
export function createForm(
  submit: (s: SessionSettingsInput) => void,
  previous?: HTMLFormElement,
): HTMLFormElement {
  const presetOptions: [string, string][] = LEVEL_IDS.map((id, i) => [
    id,
    `${i + 1}. ${t(`level.${id}.title` as MessageKey)}`,
  ]);
  presetOptions.push([CUSTOM, t('cls.create.custom')]);
  const preset = select('preset', presetOptions, 'outputDemon');
  const presetHelp = el('p', { class: 'help preset-help' });
  const f = {
    rounds: numberInput('rounds', '5', '1', '30'),
    seconds: numberInput('secondsPerRound', '30', '5', '600'),
    speed: checkbox('speedScoring', true),
    lateJoin: checkbox('lateJoin', true),
    sgd: numberInput('sgdSteps', '20', '0', '1000'),
    eta: numberInput('eta', '0.5', '0.001', '10', 'any'),
    eps: numberInput('eps', '', '0.01', '10', 'any'),
    dataset: select(
      'dataset',
      Object.keys(DATASETS).map((d) => [d, t(`ds.${d}` as MessageKey)]),
      'xor',
    ),
    hidden: el('input', { id: 'hidden', name: 'hidden', value: '3', inputmode: 'numeric' }),
    activation: select(
      'activation',
      ACTIVATIONS.map((a) => [a, t(`opt.${a}` as MessageKey)]),
      'sigmoid',
    ),
    show: select(
      'show',
      SHOW.map((s) => [s, t(`cls.create.show.${s}` as MessageKey)]),
      'delta',
    ),
    batch: numberInput('batchSize', '4', '1', '64'),
  };
  const fields: Field[] = [
    { key: 'cls.create.rounds', help: 'cls.create.roundsHelp', input: f.rounds },
    { key: 'cls.create.seconds', help: 'cls.create.secondsHelp', input: f.seconds },
    { key: 'cls.create.speed', help: 'cls.create.speedHelp', input: f.speed },
    { key: 'cls.create.lateJoin', help: 'cls.create.lateJoinHelp', input: f.lateJoin },
    { key: 'cls.create.sgd', help: 'cls.create.sgdHelp', input: f.sgd },
    { key: 'cls.create.eta', help: 'cls.create.etaHelp', input: f.eta },
    { key: 'cls.create.eps', help: 'cls.create.epsHelp', input: f.eps },
    { key: 'cls.create.dataset', help: 'cls.create.datasetHelp', input: f.dataset, custom: true },
    { key: 'cls.create.hidden', help: 'cls.create.hiddenHelp', input: f.hidden, custom: true },
    {
      key: 'cls.create.activation',
      help: 'cls.create.activationHelp',
      input: f.activation,
      custom: true,
    },
    { key: 'cls.create.show', help: 'cls.create.showHelp', input: f.show, custom: true },
    { key: 'cls.create.batch', help: 'cls.create.batchHelp', input: f.batch, custom: true },
  ];
  const rows = fields.map((d) => {
    const row = el(
      'div',
      { class: `setting${d.input.type === 'checkbox' ? ' check' : ''}` },
      el('label', { for: d.input.id }, t(d.key)),
      d.input,
      el('p', { class: 'help' }, t(d.help)),
    );
    return { row, custom: d.custom ?? false };
  });
  const message = el('p', { class: 'form-message error-text', role: 'alert' });
  const button = el(
    'button',
    { type: 'submit', class: 'primary create-button' },
    t('cls.create.submit'),
  );
  const form = el(
    'form',
    { class: 'create-form card', novalidate: '' },
    el('h2', {}, t('cls.create.heading')),
    el(
      'div',
      { class: 'setting preset' },
      el('label', { for: 'preset' }, t('cls.create.preset')),
      preset,
      presetHelp,
    ),
    el('div', { class: 'settings-grid' }, ...rows.map((r) => r.row)),
    button,
    message,
  );
  const sync = () => {
    const custom = preset.value === CUSTOM;
    presetHelp.textContent = custom
      ? t('cls.create.customHelp')
      : t(`cls.preset.${preset.value}` as MessageKey);
    for (const r of rows) r.row.hidden = r.custom && !custom;
    const level = levelById(preset.value);
    f.eps.placeholder = String(level ? level.settings.eps : 1);
  };
  // A language switch rebuilds the form: what the teacher already set stays.
  if (previous) {
    for (const input of [preset, ...Object.values(f)]) {
      const was = previous.elements.namedItem(input.name);
      if (
        was instanceof HTMLInputElement &&
        input instanceof HTMLInputElement &&
        was.type === 'checkbox'
      )
        input.checked = was.checked;
      else if (was instanceof HTMLInputElement || was instanceof HTMLSelectElement)
        input.value = was.value;
    }
  }
  preset.addEventListener('change', sync);
  sync();

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    message.textContent = '';
    const s: SessionSettingsInput = {
      rounds: Number(f.rounds.value) || 5,
      secondsPerRound: Number(f.seconds.value) || 30,
      speedScoring: f.speed.checked,
      lateJoin: f.lateJoin.checked,
      sgdSteps: Number(f.sgd.value) || 0,
      eta: Number(f.eta.value) || 0.5,
    };
    if (f.eps.value.trim()) s.eps = Number(f.eps.value);
    if (preset.value === CUSTOM) {
      const hidden = f.hidden.value
        .split(/[,\s，]+/)
        .filter(Boolean)
        .map(Number);
      if (!hidden.every((n) => Number.isInteger(n) && n >= 1 && n <= MAX_CLASS_LAYER)) {
        message.textContent = t('cls.create.badHidden');
        f.hidden.focus();
        return;
      }
      const ds = f.dataset.value as keyof typeof DATASETS;
      const shape = DATASETS[ds];
      s.dataset = ds;
      s.sizes = [shape.inputs, ...hidden, shape.outputs];
      s.activation = f.activation.value as (typeof ACTIVATIONS)[number];
      s.show = f.show.value as (typeof SHOW)[number];
      s.batchSize = Math.min(Number(f.batch.value) || 4, shape.defaultN);
    } else s.preset = preset.value as (typeof LEVEL_IDS)[number];
    submit(s);
  });
  return form;
}

/** The form's message line, for the server's answer. */
export function formMessage(form: HTMLFormElement): HTMLElement {
  return form.querySelector('.form-message')!;
}
