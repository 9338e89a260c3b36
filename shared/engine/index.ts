/**
 * The backprop engine: pure math in Nielsen's notation, with no framework, no
 * DOM and no Node API, so the server and the browser run the same code.
 */
export * from './activations.ts';
export * from './batch.ts';
export * from './costs.ts';
export * from './datasets.ts';
export * from './errors.ts';
export * from './network.ts';
export * from './nudge.ts';
export * from './rng.ts';
export * from './search.ts';
export * from './sgd.ts';
export * from './trace.ts';
