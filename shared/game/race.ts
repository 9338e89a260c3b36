import {
  analyse,
  applyBiasNudge,
  type Batch,
  cloneNetwork,
  gradientDemon,
  type Network,
  type NudgeResult,
} from '#shared/engine/index';

/**
 * The gradient demon's own run of `moves` moves from the same start: each move
 * Δz = −ε·sign(δ̄) at the largest |δ̄| of its own copy of the network, kept as
 * Δb (BP3), so its next move sees the network its last move made. The sum of
 * the ΔC is its whole race: C at the end minus C at the start.
 */
export function gradientRace(
  net: Network,
  batch: Batch,
  eps: number,
  moves: number,
): NudgeResult[] {
  const own = cloneNetwork(net);
  const run: NudgeResult[] = [];
  for (let i = 0; i < moves; i++) {
    const move = gradientDemon(analyse(own, batch), eps);
    applyBiasNudge(own, move.l, move.j, move.dz);
    run.push(move);
  }
  return run;
}
