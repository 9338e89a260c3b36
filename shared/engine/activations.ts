import { portableExp } from './exp.ts';
/** The activation functions σ a layer may use, and their derivatives σ'. */
export const ACTIVATIONS = ['sigmoid', 'tanh', 'relu', 'linear'] as const;
export type ActivationName = (typeof ACTIVATIONS)[number];

export function isActivation(x: unknown): x is ActivationName {
  return typeof x === 'string' && (ACTIVATIONS as readonly string[]).includes(x);
}

/** a[i] = σ(z[i]) for i in [from, to): the hot loop, one switch per row. */
export function activateRange(
  kind: ActivationName,
  z: Float64Array,
  a: Float64Array,
  from: number,
  to: number,
): void {
  switch (kind) {
    case 'sigmoid':
      for (let i = from; i < to; i++) a[i] = 1 / (1 + portableExp(-z[i]!));
      return;
    case 'tanh':
      for (let i = from; i < to; i++) a[i] = Math.tanh(z[i]!);
      return;
    case 'relu':
      for (let i = from; i < to; i++) a[i] = z[i]! > 0 ? z[i]! : 0;
      return;
    case 'linear':
      for (let i = from; i < to; i++) a[i] = z[i]!;
      return;
  }
}

/**
 * sp[i] = σ'(z[i]) for i in [from, to), given a = σ(z) (sigmoid and tanh are
 * cheaper from a); relu'(0) is taken as 0. One switch per row.
 */
export function sigmaPrimeRange(
  kind: ActivationName,
  z: Float64Array,
  a: Float64Array,
  sp: Float64Array,
  from: number,
  to: number,
): void {
  switch (kind) {
    case 'sigmoid':
      for (let i = from; i < to; i++) sp[i] = a[i]! * (1 - a[i]!);
      return;
    case 'tanh':
      for (let i = from; i < to; i++) sp[i] = 1 - a[i]! * a[i]!;
      return;
    case 'relu':
      for (let i = from; i < to; i++) sp[i] = z[i]! > 0 ? 1 : 0;
      return;
    case 'linear':
      for (let i = from; i < to; i++) sp[i] = 1;
      return;
  }
}
