import {
  type CheckScore,
  CONCEPTS,
  type ConceptItem,
  ITEM_BANK,
  type ItemDef,
  makeCheck,
  onePerConcept,
  type Response,
  scoreCheck,
} from '#shared/game/concepts/index';

/** The little of Storage the check needs. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

const KEY = 'bd.concepts.v1';

/** `quick`: one item per concept; `full`: the whole bank. */
export type CheckKind = 'quick' | 'full';

/** One sitting of the check: its seed (the items follow from it) and the answers so far. */
export interface Attempt {
  seed: number;
  kind: CheckKind;
  started: number;
  responses: Record<string, string | number>;
  finished?: number;
}

/** The bank a kind of check draws from; a quick check takes one item per concept, chosen by the seed. */
export function bankFor(kind: CheckKind, seed: number): readonly ItemDef[] {
  return kind === 'full' ? ITEM_BANK : onePerConcept(seed);
}

/** Questions in a check of this kind. */
export function checkLength(kind: CheckKind): number {
  return kind === 'full' ? ITEM_BANK.length : CONCEPTS.length;
}

export function itemsOf(a: Attempt): ConceptItem[] {
  return makeCheck(a.seed, bankFor(a.kind, a.seed));
}

export function scoreOf(a: Attempt): CheckScore {
  return scoreCheck(itemsOf(a), a.responses as Record<string, Response>);
}

function isAttempt(x: unknown): x is Attempt {
  if (typeof x !== 'object' || x === null) return false;
  const a = x as Record<string, unknown>;
  return (
    typeof a.seed === 'number' &&
    (a.kind === 'quick' || a.kind === 'full') &&
    typeof a.started === 'number' &&
    typeof a.responses === 'object' &&
    a.responses !== null
  );
}

export function loadAttempts(storage: KeyValueStore | undefined): Attempt[] {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter(isAttempt) : [];
  } catch {
    // corrupt or blocked storage: start afresh rather than break the page
    return [];
  }
}

export function saveAttempts(storage: KeyValueStore | undefined, attempts: Attempt[]): void {
  try {
    storage?.setItem(KEY, JSON.stringify(attempts));
  } catch {
    // the answers then last for this page only
  }
}

/** A new sitting with a fresh seed: new numbers, same concepts. */
export function newAttempt(kind: CheckKind): Attempt {
  const seed = crypto.getRandomValues(new Uint32Array(1))[0]!;
  return { seed, kind, started: Date.now(), responses: {} };
}
