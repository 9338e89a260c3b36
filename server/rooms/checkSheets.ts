import { createHash } from 'node:crypto';
import {
  type CheckKind,
  type CheckSeeds,
  type ConceptItem,
  classCheckItems,
} from '#shared/game/concepts/index';
import type { CheckItemWire } from '#shared/protocol/check';

/**
 * Each student's concept check, drawn on the server: the seeds come from the
 * session's seed, its id and the player's, so a restart draws the same items
 * and nobody needs to store them, while a phone that knows only its own ids
 * cannot recompute the answers.
 */

function seedOf(text: string): number {
  return createHash('sha256').update(text).digest().readUInt32LE(0);
}

/** The student's seeds: the items (the same for pre and post) and this sitting's numbers. */
export function checkSeeds(
  sessionSeed: number,
  sessionId: string,
  playerId: string,
  kind: CheckKind,
): CheckSeeds {
  const base = `${sessionSeed}:${sessionId}:${playerId}`;
  return { bank: seedOf(`${base}:bank`), numbers: seedOf(`${base}:${kind}`) };
}

/** A student's items for one sitting, drawn once per process (the engine draws each item's numbers). */
export class CheckSheets {
  private readonly cache = new Map<string, ConceptItem[]>();

  constructor(
    private readonly sessionSeed: number,
    private readonly sessionId: string,
  ) {}

  items(playerId: string, kind: CheckKind): ConceptItem[] {
    const key = `${playerId}:${kind}`;
    let items = this.cache.get(key);
    if (!items) {
      items = classCheckItems(checkSeeds(this.sessionSeed, this.sessionId, playerId, kind));
      this.cache.set(key, items);
    }
    return items;
  }
}

/** An item as the student's phone gets it: no answer, no tags, no seed. */
export function toWire(item: ConceptItem): CheckItemWire {
  const w: CheckItemWire = {
    id: item.id,
    concept: item.concept,
    format: item.format,
    prompt: item.prompt,
    options: item.options.map((o) => ({ key: o.key, text: o.text })),
  };
  if (item.tolerance) w.tolerance = item.tolerance;
  return w;
}
