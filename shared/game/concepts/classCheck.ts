import { ITEM_BANK } from './bank.ts';
import { itemSeed, makeItem } from './generate.ts';
import { CONCEPTS } from './tags.ts';
import type { ConceptItem, ItemDef } from './types.ts';

/**
 * The concept check as a class takes it before round 1 and after the last:
 * one item per concept (ten questions, a few minutes on a phone). A student's
 * two checks ask the same items — the same concepts, the same recipe — with
 * new numbers, so that pre and post measure the same thing and neither can be
 * copied from a neighbour. The seeds come from the server, which keeps them.
 */

// The kinds live in their own module, so that a phone's page knows them without the item bank.
export { CHECK_KINDS, CheckKind } from './checkKind.ts';

/** One item per concept, picked by `bankSeed` among the concept's items (book order of concepts). */
export function onePerConcept(bankSeed: number, bank: readonly ItemDef[] = ITEM_BANK): ItemDef[] {
  return CONCEPTS.flatMap((c, i) => {
    const of = bank.filter((d) => d.concept === c);
    return of.length ? [of[itemSeed(bankSeed, 1000 + i) % of.length]!] : [];
  });
}

/** A student's seeds: which items (shared by pre and post) and the numbers of each sitting. */
export interface CheckSeeds {
  bank: number;
  numbers: number;
}

/** The items of one sitting: the same seeds give the same items, bit for bit. */
export function classCheckItems(seeds: CheckSeeds): ConceptItem[] {
  return onePerConcept(seeds.bank).map((def, i) => makeItem(def, itemSeed(seeds.numbers, i)));
}
