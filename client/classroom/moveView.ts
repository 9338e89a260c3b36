import { MoveReason } from '#shared/game/scoring';
import type { MoveResult, Nudge, Reveal } from '#shared/protocol/views';
import type { MoveMark, MoveResultView } from '../state/playStore.ts';

function mark(n: Nudge): MoveMark {
  return { l: n.l, j: n.j, dz: n.dz, deltaC: n.deltaC };
}

/** The server's scored move as the play view draws it; the best move and the gradient demon's once the round is revealed. */
export function moveView(r: MoveResult, reveal: Reveal | null): MoveResultView {
  return {
    move: mark(r),
    predicted: r.predicted,
    deltaBar: r.deltaBar,
    sigmaPrime: r.sigmaPrime,
    best: reveal ? mark(reveal.best) : null,
    gradient: reveal ? mark(reveal.gradient) : null,
    quality: r.quality,
    points: r.points,
    reason: r.reason,
  };
}

/** The reveal on the network when there is no move of one's own: the best move and the gradient demon's. */
export function revealView(reveal: Reveal): MoveResultView {
  const { best } = reveal;
  const d = reveal.deltaBar[best.l - 1]?.[best.j] ?? 0;
  return {
    move: { l: best.l, j: best.j, dz: 0, deltaC: 0 },
    predicted: 0,
    deltaBar: d,
    sigmaPrime: 0,
    best: mark(best),
    gradient: mark(reveal.gradient),
    quality: 0,
    points: 0,
    reason: MoveReason.NoMove,
  };
}
