/** The concept check: the item bank (data), its generator and its scoring. */
export * from './bank.ts';
export * from './classCheck.ts';
export * from './generate.ts';
export * from './score.ts';
export * from './tags.ts';
export * from './types.ts';
