export interface Net {
  sizes: number[];
  act: string[];
  cost: string;
  w: Float64Array[];
  b: Float64Array[];
}
export interface WireNetwork {
  sizes: number[];
  activations: string[];
  cost: string;
  weights: number[][];
  biases: number[][];
}
export function netFromWire(json: WireNetwork): Net;
export function cloneNet(net: Net): Net;
export function crossEntropy(z: number, y: number): number;
