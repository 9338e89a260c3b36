/**
 * The backprop engine: pure math in Nielsen's notation, with no framework, no
 * DOM and no Node API, so the server and the browser run the same code.
 *
 * What is exported here is the public API: every function takes finite,
 * in-range arguments or throws a named EngineError (docs/engine.md, "Limits").
 * The unchecked kernels (forwardLayer, costSum, …) stay inside the engine.
 */
export { ACTIVATIONS, type ActivationName, isActivation } from './activations.ts';
export {
  type Batch,
  type BatchJSON,
  batchFromJSON,
  batchToJSON,
  MAX_BATCH,
  MAX_BATCH_CELLS,
  MAX_INPUT,
  makeBatch,
  subBatch,
} from './batch.ts';
export { COSTS, type CostName, isCost } from './costs.ts';
export * from './datasets.ts';
export { check, EngineError, EngineErrorCode } from './errors.ts';
export {
  checkNeuron,
  cloneNetwork,
  createNetwork,
  depth,
  MAX_LAYER_SIZE,
  MAX_LAYERS,
  MAX_NUDGE,
  MAX_PARAMETER,
  MAX_PARAMETERS,
  type Network,
  type NetworkSpec,
  parameterCount,
} from './network.ts';
export { type NetworkJSON, networkFromJSON, networkToJSON } from './networkJson.ts';
export {
  applyBiasNudge,
  applyWeightNudge,
  type NudgeResult,
  nudge,
  type WeightNudgeResult,
  weightAt,
  weightNudge,
} from './nudge.ts';
export * from './passSteps.ts';
export * from './rng.ts';
export * from './search.ts';
export * from './sgd.ts';
export { analyse, MAX_TRACE_CELLS, Trace } from './trace.ts';
