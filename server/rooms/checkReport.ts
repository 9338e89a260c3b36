import { CONCEPTS, MISCONCEPTIONS, normalisedGain } from '#shared/game/concepts/index';
import type { ClassCheck } from '#shared/protocol/check';
import type { CheckAnswerRow, LoadedSession } from '../persistence/store.ts';
import { CheckSheets } from './checkSheets.ts';
import { answerBook, checkPlanOf, classCheckOf } from './checkSummary.ts';
import { csvCell } from './report.ts';

/** The class's concept check of a stored session, or null when it had none. */
export function checkOfSession(
  s: LoadedSession,
  answers: readonly CheckAnswerRow[],
): ClassCheck | null {
  const plan = checkPlanOf(s.session.settings);
  if (!plan.pre && !plan.post) return null;
  const sheets = new CheckSheets(s.session.settings.seed, s.session.id);
  const students = s.players.filter((p) => !p.kicked);
  return classCheckOf(plan, students, answerBook(answers), (id, kind) => sheets.items(id, kind));
}

const pct = (x: number | null | undefined) => (x === null || x === undefined ? null : x);

/**
 * The check as CSV, one row per student and one for the class: pre and post
 * percent, Hake's g, the same per concept (`pre:bp1`, `post:bp1`, `g:bp1`),
 * and the answers on each misconception (`tag:alongDelta`). The class row
 * has the means of the completed sittings, ⟨g⟩ from them, and the tags'
 * totals.
 */
export function checkCsv(c: ClassCheck): string {
  const head = [
    'playerId',
    'nickname',
    'pre',
    'post',
    'gain',
    'preAnswered',
    'postAnswered',
    ...CONCEPTS.flatMap((k) => [`pre:${k}`, `post:${k}`, `g:${k}`]),
    ...MISCONCEPTIONS.map((t) => `tag:${t}`),
  ];
  const lines = [head.join(',')];
  for (const s of c.students) {
    const perConcept = CONCEPTS.flatMap((k) => {
      const pre = s.preConcepts[k];
      const post = s.postConcepts[k];
      return [
        pre,
        post,
        pre !== undefined && post !== undefined ? normalisedGain(pre, post) : null,
      ];
    });
    const row = [
      s.playerId,
      s.nickname,
      pct(s.pre),
      pct(s.post),
      s.gain,
      s.preAnswered,
      s.postAnswered,
      ...perConcept,
      ...MISCONCEPTIONS.map((t) => s.tags[t] ?? 0),
    ];
    lines.push(row.map(csvCell).join(','));
  }
  const classConcepts = CONCEPTS.flatMap((k) => {
    const r = c.perConcept.find((x) => x.concept === k);
    return [r?.pre ?? null, r?.post ?? null, r?.gain ?? null];
  });
  const tagTotal = (t: string) => c.students.reduce((n, s) => n + (s.tags[t] ?? 0), 0);
  lines.push(
    [
      '(class)',
      '(class)',
      c.preMean,
      c.postMean,
      c.gain,
      c.preDone,
      c.postDone,
      ...classConcepts,
      ...MISCONCEPTIONS.map(tagTotal),
    ]
      .map(csvCell)
      .join(','),
  );
  return `${lines.join('\r\n')}\r\n`;
}
