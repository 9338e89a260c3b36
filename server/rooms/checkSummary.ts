import {
  CHECK_KINDS,
  type CheckKind,
  type CheckScore,
  CONCEPTS,
  type ConceptItem,
  classGain,
  misconceptionShares,
  normalisedGain,
  onePerConcept,
  type Response,
  scoreCheck,
} from '#shared/game/concepts/index';
import type { CheckPlan, ClassCheck, StudentCheck } from '#shared/protocol/check';
import type { SessionSettings } from '#shared/protocol/schemas';
import type { CheckAnswerRow } from '../persistence/store.ts';

/**
 * The class's concept check from its answers: pure, so the projector (live,
 * from the room) and the report (from the store) give the same numbers. A
 * sitting counts once every item has an answer; ⟨g⟩ takes the students who
 * completed both, as Hake's class gain does.
 */

export function checkPlanOf(settings: SessionSettings): CheckPlan {
  return { pre: settings.preCheck === true, post: settings.postCheck === true };
}

/** Answers by player, then by sitting, then by item. */
export type AnswerBook = Map<string, Record<CheckKind, Record<string, Response>>>;

export function answerBook(rows: readonly CheckAnswerRow[]): AnswerBook {
  const book: AnswerBook = new Map();
  for (const r of rows) bookAnswer(book, r.playerId, r.kind, r.itemId, r.response);
  return book;
}

export function bookAnswer(
  book: AnswerBook,
  playerId: string,
  kind: CheckKind,
  itemId: string,
  response: string | number,
): void {
  let mine = book.get(playerId);
  if (!mine) {
    mine = { pre: {}, post: {} };
    book.set(playerId, mine);
  }
  mine[kind][itemId] = response;
}

export interface CheckStudent {
  id: string;
  nickname: string;
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

export function classCheckOf(
  plan: CheckPlan,
  students: readonly CheckStudent[],
  book: AnswerBook,
  items: (playerId: string, kind: CheckKind) => ConceptItem[],
): ClassCheck {
  const total = onePerConcept(0).length;
  const scored = new Map<string, Partial<Record<CheckKind, CheckScore>>>();
  const rows: StudentCheck[] = students.map((p) => {
    const answers = book.get(p.id);
    const mine: Partial<Record<CheckKind, CheckScore>> = {};
    const tags: Record<string, number> = {};
    const answered = { pre: 0, post: 0 };
    for (const kind of CHECK_KINDS) {
      const given = answers?.[kind] ?? {};
      answered[kind] = Object.keys(given).length;
      if (!answered[kind]) continue;
      const score = scoreCheck(items(p.id, kind), given);
      for (const [t, n] of Object.entries(score.misconceptions)) tags[t] = (tags[t] ?? 0) + n;
      if (answered[kind] >= score.total) mine[kind] = score;
    }
    scored.set(p.id, mine);
    const pre = mine.pre?.overall ?? null;
    const post = mine.post?.overall ?? null;
    const concepts = (sc: CheckScore | undefined) =>
      Object.fromEntries(Object.entries(sc?.perConcept ?? {}).map(([c, v]) => [c, v.percent]));
    return {
      playerId: p.id,
      nickname: p.nickname,
      pre,
      post,
      preAnswered: answered.pre,
      postAnswered: answered.post,
      gain: pre !== null && post !== null ? normalisedGain(pre, post) : null,
      preConcepts: concepts(mine.pre),
      postConcepts: concepts(mine.post),
      tags,
    };
  });
  const done = (kind: CheckKind) =>
    [...scored.values()].map((s) => s[kind]).filter((s): s is CheckScore => !!s);
  const pairs = [...scored.values()].flatMap((s) =>
    s.pre && s.post ? [{ pre: s.pre, post: s.post }] : [],
  );
  const g = classGain(pairs);
  const conceptMean = (list: CheckScore[], c: (typeof CONCEPTS)[number]) =>
    mean(list.flatMap((s) => (s.perConcept[c] ? [s.perConcept[c].percent] : [])));
  const perConcept = CONCEPTS.filter((c) =>
    [...done('pre'), ...done('post')].some((s) => s.perConcept[c]),
  ).map((c) => ({
    concept: c,
    pre: conceptMean(done('pre'), c),
    post: conceptMean(done('post'), c),
    gain: g.perConcept[c] ?? null,
  }));
  return {
    plan,
    total,
    preDone: done('pre').length,
    postDone: done('post').length,
    players: students.length,
    gain: g.overall,
    preMean: mean(done('pre').map((s) => s.overall)),
    postMean: mean(done('post').map((s) => s.overall)),
    paired: g.n,
    perConcept,
    preShares: misconceptionShares(done('pre')),
    postShares: misconceptionShares(done('post')),
    students: rows,
  };
}
