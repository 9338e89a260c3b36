import { performance } from 'node:perf_hooks';
import { classCheckItems } from '#shared/game/concepts/index';
import type { CheckAnswerRow } from '../../server/persistence/store.ts';
import { checkSeeds } from '../../server/rooms/checkSheets.ts';
import { answerBook, classCheckOf } from '../../server/rooms/checkSummary.ts';

/**
 * The class concept check's server cost: drawing one student's sitting (ten
 * items, each recomputed by the engine), and the class's summary for 30
 * students with both sittings answered — what the host hears at most every
 * 500 ms while answers come in.
 */
export function classCheckBench(): void {
  const N = 30;
  const students = Array.from({ length: N }, (_, i) => ({ id: `p${i}`, nickname: `S${i + 1}` }));
  const t0 = performance.now();
  const sheets = new Map<string, ReturnType<typeof classCheckItems>>();
  for (const s of students)
    for (const kind of ['pre', 'post'] as const)
      sheets.set(`${s.id}:${kind}`, classCheckItems(checkSeeds(1, 'bench', s.id, kind)));
  const drawMs = (performance.now() - t0) / (2 * N);
  const rows: CheckAnswerRow[] = [];
  for (const [key, items] of sheets) {
    const [playerId, kind] = key.split(':') as [string, 'pre' | 'post'];
    for (const item of items)
      rows.push({
        sessionId: 'bench',
        playerId,
        kind,
        itemId: item.id,
        response: item.answer,
        createdAt: 0,
      });
  }
  const book = answerBook(rows);
  const plan = { pre: true, post: true };
  const items = (id: string, kind: 'pre' | 'post') => sheets.get(`${id}:${kind}`)!;
  const reps = 50;
  const t1 = performance.now();
  for (let i = 0; i < reps; i++) classCheckOf(plan, students, book, items);
  const summaryMs = (performance.now() - t1) / reps;
  console.log('');
  console.log(
    `class concept check: one student's sitting drawn in ${drawMs.toFixed(2)} ms (10 items); the class summary of ${N} students × 2 sittings in ${summaryMs.toFixed(2)} ms`,
  );
}
