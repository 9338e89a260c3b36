import type { RecipeName } from './recipes/index.ts';
import type { Bilingual, Concept, Misconception } from './tags.ts';

/** A typed answer counts when |x − answer| ≤ max(abs, rel·|answer|). */
export interface Tolerance {
  abs: number;
  rel: number;
}

/**
 * One entry of the item bank: plain data. The recipe (code, by name) draws
 * the numbers from a seed and computes the right answer with the engine and
 * each misconception's answer with its wrong reasoning.
 */
export interface ItemDef {
  /** Stable id, used in stored answers and reports. */
  id: string;
  concept: Concept;
  recipe: RecipeName;
  /** `numeric`: the student types a number; `choice`: picks one option. */
  format: 'numeric' | 'choice';
  /** Numeric items: the band around the right answer that counts as right. */
  tolerance?: Tolerance;
  /** The question; {name} is the recipe's number `name`, {+name} the same with its sign; KaTeX between $…$. */
  prompt: Bilingual;
  /** Choice items whose answers are keys: each key's text. Other choice items show the numbers themselves. */
  labels?: Record<string, Bilingual>;
  /** Choice items whose options are numbers: how each is shown, {v} (or {+v}) being the number. Default `$v$`. */
  optionTex?: string;
  /** Every misconception a wrong answer to this item can reveal. */
  tags: readonly Misconception[];
  /** What the seed varies, in words (for docs/concepts.md). */
  params: string;
}

/** One option of a choice item, as drawn for one seed. */
export interface ItemOption {
  /** 'A', 'B', …: the order shown. */
  key: string;
  text: Bilingual;
  /** Misconceptions whose wrong reasoning lands on this option; empty for the right one. */
  tags: Misconception[];
}

/** A numeric item's wrong answer: what the misconception's reasoning gives for these numbers. */
export interface WrongValue {
  tag: Misconception;
  value: number;
}

/** An item drawn for one seed: everything to show it and to score it. */
export interface ConceptItem {
  id: string;
  concept: Concept;
  seed: number;
  format: 'numeric' | 'choice';
  prompt: Bilingual;
  /** Choice items: the options in the order shown. */
  options: ItemOption[];
  /** Choice: the right option's key. Numeric: the engine's value. */
  answer: string | number;
  tolerance?: Tolerance;
  /** Numeric items: the wrong answers by misconception. */
  wrong: WrongValue[];
}

/** What a student's screen may see before answering: no answer, no tags. */
export interface PublicItem {
  id: string;
  concept: Concept;
  seed: number;
  format: 'numeric' | 'choice';
  prompt: Bilingual;
  options: { key: string; text: Bilingual }[];
  tolerance?: Tolerance;
}

/** A student's answer: an option key, a typed number (as typed), or nothing. */
export type Response = string | number | null | undefined;
