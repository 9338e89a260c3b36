import { type LevelDef, levelPuzzle } from '#shared/game/levels';
import type { Puzzle } from '#shared/game/puzzle';

/** How far the worked example's seed lies from the level's own: another network of the same kind. */
const EXAMPLE_SEED_OFFSET = 1000;

/**
 * The network a level's intro walks through backprop on: the level's own
 * recipe (shape, data, weight scaling, dead inputs) from another seed, so the
 * walk shows how δ is found without giving away the puzzle's answer — in the
 * levels that hide δ, that answer is the point.
 */
export function examplePuzzle(level: LevelDef): Puzzle {
  return levelPuzzle({
    ...level,
    settings: { ...level.settings, seed: level.settings.seed + EXAMPLE_SEED_OFFSET },
  }).puzzle;
}
