import { CONCEPT_INFO, MISCONCEPTION_LABEL } from '#shared/game/concepts/index';
import type { ClassCheck, TagShare } from '#shared/protocol/check';
import { lang, t } from '../../i18n/index.ts';
import { el } from '../../ui/format.ts';
import './classCheck.css';

/**
 * What the class learnt, for the projector and the end screen: one
 * self-contained component a layout can place anywhere. Give it the class's
 * check (live from `check:summary`, or from the report) and it redraws:
 * ⟨g⟩ large, the most common misconception in one line, per concept before →
 * after → g, misconceptions by share, and each student's pre and post.
 */
export class ClassCheckView {
  readonly root = el('section', { class: 'class-check card', 'aria-live': 'polite' });
  private last: ClassCheck | null = null;

  constructor(private readonly csvUrl: () => string | null = () => null) {
    this.root.hidden = true;
  }

  update(c: ClassCheck | null): void {
    this.last = c;
    this.root.hidden = !c;
    if (c) this.root.replaceChildren(...draw(c, this.csvUrl()));
  }

  /** The lobby's line: how many have finished the check before the game. */
  static lobbyLine(c: ClassCheck | null): Node[] {
    if (!c?.plan.pre) return [];
    return [
      el(
        'p',
        { class: 'check-lobby', 'data-done': String(c.preDone) },
        t('check.lobby', { done: c.preDone, n: c.players }),
      ),
      el('p', { class: 'hint' }, t('check.lobby.help')),
    ];
  }

  get empty(): boolean {
    return this.last === null;
  }

  /** Redraws in the page's new language. */
  relabel(): void {
    this.update(this.last);
  }
}

const pick = (text: { en: string; zh: string }) => (lang() === 'zh-CN' ? text.zh : text.en);
const pct = (x: number | null | undefined) =>
  x === null || x === undefined ? '–' : `${Math.round(x)} %`;
const gText = (g: number | null | undefined) =>
  g === null || g === undefined ? '–' : g.toFixed(2);

function table(head: string[], rows: (string | HTMLElement)[][], cls: string): HTMLElement {
  const tr = el(
    'tr',
    {},
    ...head.map((h, i) => el('th', { scope: 'col', class: i ? 'num' : '' }, h)),
  );
  const body = el('tbody', {});
  for (const r of rows)
    body.append(
      el(
        'tr',
        {},
        ...r.map((x, i) => (i ? el('td', { class: 'num' }, x) : el('th', { scope: 'row' }, x))),
      ),
    );
  return el(
    'div',
    { class: 'table-scroll' },
    el('table', { class: `report-table ${cls}` }, el('thead', {}, tr), body),
  );
}

function topLine(c: ClassCheck): HTMLElement {
  const post = c.postShares[0];
  const pre = c.preShares[0];
  const shareIn = (list: TagShare[], tag: string) => list.find((x) => x.tag === tag)?.share ?? 0;
  const line = el('p', { class: 'check-top' });
  if (post) {
    line.dataset['tag'] = post.tag;
    line.textContent = t('check.end.top', {
      tag: pick(MISCONCEPTION_LABEL[post.tag]),
      share: Math.round(100 * post.share),
      pre: Math.round(100 * shareIn(c.preShares, post.tag)),
    });
  } else if (pre && !c.postDone) {
    line.dataset['tag'] = pre.tag;
    line.textContent = t('check.end.topPre', {
      tag: pick(MISCONCEPTION_LABEL[pre.tag]),
      share: Math.round(100 * pre.share),
    });
  } else line.textContent = t('check.end.topNone');
  return line;
}

function draw(c: ClassCheck, csv: string | null): Node[] {
  const out: Node[] = [el('h2', {}, t('check.end.heading'))];
  out.push(
    el(
      'p',
      { class: 'check-status' },
      t('check.end.status', { pre: c.preDone, post: c.postDone, n: c.players }),
    ),
  );
  const gain = el('p', { class: 'check-gain' });
  if (c.gain !== null) {
    gain.dataset['gain'] = String(c.gain);
    gain.textContent = t('check.end.gain', { g: gText(c.gain) });
  } else
    gain.textContent =
      c.paired && c.preMean === 100 ? t('check.end.gainCeiling') : t('check.end.gainNone');
  out.push(gain);
  if (c.paired)
    out.push(
      el(
        'p',
        { class: 'check-means' },
        t('check.end.means', {
          pre: Math.round(c.preMean ?? 0),
          post: Math.round(c.postMean ?? 0),
          n: c.paired,
        }),
      ),
    );
  out.push(topLine(c));
  const concepts = table(
    [t('check.end.concept'), t('check.end.before'), t('check.end.after'), t('check.end.g')],
    c.perConcept.map((r) => [
      pick(CONCEPT_INFO[r.concept].title),
      pct(r.pre),
      pct(r.post),
      gText(r.gain),
    ]),
    'check-concepts',
  );
  const tags = [...new Set([...c.postShares, ...c.preShares].map((x) => x.tag))];
  // A sitting that happened and showed none of the tag: 0 %, not "–".
  const shareOf = (list: TagShare[], tag: string, done: number) => {
    const s = list.find((x) => x.tag === tag);
    return s ? `${Math.round(100 * s.share)} %` : done ? '0 %' : '–';
  };
  const misconceptions = tags.length
    ? table(
        [t('check.end.tag'), t('check.end.before'), t('check.end.after')],
        tags.map((tag) => [
          pick(MISCONCEPTION_LABEL[tag]),
          shareOf(c.preShares, tag, c.preDone),
          shareOf(c.postShares, tag, c.postDone),
        ]),
        'check-tags',
      )
    : el('p', {}, t('check.end.topNone'));
  const students = table(
    [t('check.end.student'), t('check.end.before'), t('check.end.after'), t('check.end.g')],
    [...c.students]
      .sort((a, b) => a.nickname.localeCompare(b.nickname))
      .map((s) => [s.nickname, pct(s.pre), pct(s.post), gText(s.gain)]),
    'check-students',
  );
  out.push(
    el(
      'div',
      { class: 'check-grid' },
      el('div', {}, el('h3', {}, t('check.end.concept')), concepts),
      el('div', {}, el('h3', {}, t('check.end.misconceptions')), misconceptions),
    ),
    el(
      'details',
      { class: 'check-students-box' },
      el('summary', {}, t('check.end.students')),
      students,
    ),
  );
  if (csv)
    out.push(el('a', { class: 'button check-csv', href: csv, download: '' }, t('check.end.csv')));
  return out;
}
