import { z } from 'zod';
import { CheckKind as CheckKindCodes } from '#shared/game/concepts/checkKind';
import { Concept, Misconception } from '#shared/game/concepts/tags';

/**
 * The class concept check on the wire: what a student sends (parsed before it
 * reaches a room), the sheet a student's phone draws, and the class's results
 * the projector and the report show. Scores are percentages; the gain is
 * Hake's g = (post − pre)/(100 − pre).
 */

export const CheckKind = z.enum(CheckKindCodes);

/** Longest option key an item has ('A'…'H'), and of an item id. */
const KEY_MAX = 4;
const ID_MAX = 64;

export const CheckGetPayload = z.strictObject({ kind: CheckKind });
export type CheckGetPayload = z.infer<typeof CheckGetPayload>;

/** One answer: an option's key, or a typed number (finite). Each item takes one answer, once. */
export const CheckAnswerPayload = z.strictObject({
  kind: CheckKind,
  itemId: z.string().min(1).max(ID_MAX),
  response: z.union([z.string().min(1).max(KEY_MAX), z.number().refine(Number.isFinite)]),
});
export type CheckAnswerPayload = z.infer<typeof CheckAnswerPayload>;

const Bilingual = z.object({ en: z.string(), zh: z.string() });

/** An item as a student sees it: no answer, no tags, no seed (the numbers cannot be recomputed). */
export const CheckItemWire = z.object({
  id: z.string(),
  concept: z.enum(Concept),
  format: z.enum(['numeric', 'choice']),
  prompt: Bilingual,
  options: z.array(z.object({ key: z.string(), text: Bilingual })),
  tolerance: z.object({ abs: z.number(), rel: z.number() }).optional(),
});
export type CheckItemWire = z.infer<typeof CheckItemWire>;

/** A student's sitting: the items, the answers kept so far, and whether it still takes answers. */
export const CheckSheet = z.object({
  kind: CheckKind,
  open: z.boolean(),
  items: z.array(CheckItemWire),
  answers: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type CheckSheet = z.infer<typeof CheckSheet>;

/** What an answer's ack says: kept, and how far the sitting has got (never whether it was right). */
export const CheckAnswered = z.object({
  kind: CheckKind,
  answered: z.int(),
  total: z.int(),
});
export type CheckAnswered = z.infer<typeof CheckAnswered>;

/** Which checks a session has. */
export const CheckPlan = z.object({ pre: z.boolean(), post: z.boolean() });
export type CheckPlan = z.infer<typeof CheckPlan>;

export const StudentCheck = z.object({
  playerId: z.string(),
  nickname: z.string(),
  /** Percent right, once the sitting is complete; null before. */
  pre: z.number().nullable(),
  post: z.number().nullable(),
  /** Items answered in each sitting. */
  preAnswered: z.int(),
  postAnswered: z.int(),
  /** The student's own g; null without both scores, or at pre = 100. */
  gain: z.number().nullable(),
  /** Percent right per concept, in each completed sitting. */
  preConcepts: z.record(z.string(), z.number()),
  postConcepts: z.record(z.string(), z.number()),
  /** Answers on each misconception, both sittings. */
  tags: z.record(z.string(), z.int()),
});
export type StudentCheck = z.infer<typeof StudentCheck>;

export const TagShare = z.object({
  tag: z.enum(Misconception),
  students: z.int(),
  share: z.number(),
});
export type TagShare = z.infer<typeof TagShare>;

/** The class's check: who finished, the gain overall and per concept, misconceptions by share. */
export const ClassCheck = z.object({
  plan: CheckPlan,
  /** Items in a sitting. */
  total: z.int(),
  /** Students (not kicked) who completed each sitting. */
  preDone: z.int(),
  postDone: z.int(),
  players: z.int(),
  /** ⟨g⟩ from the class means of those who completed both; null when none did or ⟨pre⟩ = 100. */
  gain: z.number().nullable(),
  preMean: z.number().nullable(),
  postMean: z.number().nullable(),
  /** Students counted in ⟨g⟩. */
  paired: z.int(),
  /** Per concept: the mean percent of each kind's completed sittings, and ⟨g⟩ from the pairs. */
  perConcept: z.array(
    z.object({
      concept: z.enum(Concept),
      pre: z.number().nullable(),
      post: z.number().nullable(),
      gain: z.number().nullable(),
    }),
  ),
  /** Share of the completed sittings of each kind with an answer on the tag, most common first. */
  preShares: z.array(TagShare),
  postShares: z.array(TagShare),
  students: z.array(StudentCheck),
});
export type ClassCheck = z.infer<typeof ClassCheck>;
