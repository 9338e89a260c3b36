import '../styles.css';
import './concepts.css';
import { lang, onLangChange } from '../i18n/index.ts';
import { el } from '../ui/format.ts';
import { header, keepTranslated } from '../ui/shell.ts';
import { knowView } from './know.ts';
import { questionView } from './quiz.ts';
import {
  type Attempt,
  type CheckKind,
  checkLength,
  itemsOf,
  loadAttempts,
  newAttempt,
  saveAttempts,
} from './store.ts';
import { ct } from './text.ts';

// The solo concept check: take it, see what you know per concept, take it again later.
const app = document.getElementById('app')!;
document.documentElement.lang = lang();
const storage = (() => {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
})();

const main = el('main', { class: 'cc' });
app.append(
  header([
    { href: '/', key: 'nav.home' },
    { href: '/play.html', key: 'nav.levels' },
  ]),
  main,
);

let attempts: Attempt[] = loadAttempts(storage);
/** The item on screen, when a check is under way. */
let current: number | null = null;

function open(): Attempt | undefined {
  const a = attempts[attempts.length - 1];
  return a && a.finished === undefined ? a : undefined;
}

function save(): void {
  saveAttempts(storage, attempts);
}

function start(kind: CheckKind): void {
  const stale = open();
  if (stale) attempts = attempts.filter((a) => a !== stale);
  attempts.push(newAttempt(kind));
  save();
  current = 0;
  render();
}

function home(): HTMLElement {
  const view = el(
    'section',
    { class: 'cc-home' },
    el('h1', {}, ct('concepts.title')),
    el('p', { class: 'note' }, ct('concepts.intro')),
  );
  const actions = el('div', { class: 'cc-actions' });
  const a = open();
  if (a) {
    const n = checkLength(a.kind);
    const resume = el(
      'button',
      { type: 'button', class: 'primary cc-resume' },
      ct('concepts.resume', { done: Object.keys(a.responses).length, n }),
    );
    resume.addEventListener('click', () => {
      current = Math.min(Object.keys(a.responses).length, n - 1);
      render();
    });
    actions.append(resume);
  }
  for (const kind of ['quick', 'full'] as const) {
    const b = el(
      'button',
      {
        type: 'button',
        class: a ? 'cc-start' : kind === 'quick' ? 'primary cc-start' : 'cc-start',
        'data-kind': kind,
      },
      ct(kind === 'quick' ? 'concepts.quick' : 'concepts.full', { n: checkLength(kind) }),
    );
    b.addEventListener('click', () => start(kind));
    actions.append(b);
  }
  view.append(actions, knowView(attempts, storage));
  return view;
}

function question(a: Attempt, i: number): HTMLElement {
  const items = itemsOf(a);
  const item = items[i]!;
  const last = i === items.length - 1;
  return questionView(item, i, items.length, a.responses[item.id], last, {
    answer(r) {
      a.responses[item.id] = r;
      if (last) a.finished = Date.now();
      save();
    },
    next() {
      current = last ? null : i + 1;
      render();
      window.scrollTo(0, 0);
    },
  });
}

function render(): void {
  const a = open();
  const done = attempts[attempts.length - 1];
  // After the last answer the attempt is finished, but its last question stays until Next.
  if (current !== null && a) main.replaceChildren(question(a, current));
  else if (current !== null && done && current === checkLength(done.kind) - 1)
    main.replaceChildren(question(done, current));
  else {
    current = null;
    main.replaceChildren(home());
  }
}

render();
onLangChange(render);
keepTranslated(document, 'app.title');
