import { type Network, type PassStep, weightAt } from '#shared/engine/index';
import { tex } from './format.ts';
import { bookNeuron, layerMark, texLayer, texSym } from './notation.ts';

/** Inputs a forward step writes out term by term; wider layers get Σ. */
const TERMS = 4;

/** One step's equation, typeset with its numbers, and the value it arrives at. */
export interface StepTex {
  /** The equation in vector form, as the chapter states it. */
  general: string;
  /** The same equation for one neuron (or weight), with the engine's numbers filled in. */
  filled: string;
  /** What the filled equation equals, unrounded: the engine's number. */
  value: number;
  /** Book numbering of what is written out: layer mark ("L" at the output), neuron, input neuron. */
  layer: string;
  j: number;
  k?: number;
}

/** lhs = r₁ = r₂ …, one "=" per line, aligned: a long equation wraps instead of running off the panel. */
function chain(lhs: string, ...rhs: string[]): string {
  return `${lhs} &= ${rhs.join(' \\\\ &= ')}`;
}

/** Rows of chains, typeset as one aligned block. */
function aligned(...rows: string[]): string {
  return `\\begin{aligned}${rows.join(' \\\\[6pt] ')}\\end{aligned}`;
}

/** (x) when x < 0, so a product reads (−0.5)(0.2) rather than −0.5 0.2. */
function p(v: number): string {
  return v < 0 ? `(${tex(v)})` : tex(v);
}

/**
 * The TeX of a step. `mean` is true when the numbers are batch means over n
 * samples: products of means are not means of products, so then the filled
 * equation shows (1/n) Σ_x of the per-sample expression and its value.
 */
export function stepTex(step: PassStep, net: Network, mean: boolean, n: number): StepTex {
  const L = net.sizes.length - 1;
  /** The symbol with a bar over it (not over its indices) when the numbers are batch means. */
  const bar = (s: string) => (mean ? `\\bar{${s}}` : s);
  const avg = mean ? `\\tfrac{1}{${n}}\\textstyle\\sum_x` : '';
  const sp = (l: number, j: number) => `\\sigma'(${texSym('z', l, j, L)})`;
  switch (step.kind) {
    case 'forward': {
      const { l, focus: j } = step;
      const nIn = net.sizes[l - 1]!;
      const lm = texLayer(l, L);
      const lp = texLayer(l - 1, L);
      const b = net.b[l]![j]!;
      const terms =
        nIn <= TERMS
          ? Array.from(
              { length: nIn },
              (_, k) => `${p(weightAt(net, l, j, k))}\\cdot ${p(step.inputs[k]!)}`,
            )
          : [`\\textstyle\\sum_{k=1}^{${nIn}} w^${lm}_{${bookNeuron(j)}k}\\,${bar('a')}^${lp}_k`];
      // Two terms to a line, so the sum fits a narrow panel.
      const parts = [...terms, p(b)];
      const rows: string[] = [];
      for (let i = 0; i < parts.length; i += 2) rows.push(parts.slice(i, i + 2).join(' + '));
      const z = texSym(bar('z'), l, j, L);
      const a = texSym(bar('a'), l, j, L);
      return {
        general: `z^${lm} = w^${lm}a^${lp} + b^${lm},\\quad a^${lm} = \\sigma(z^${lm})\\quad(2\\text{–}3)`,
        filled: aligned(
          `${z} &= ${rows.join(' \\\\ &\\quad + ')} \\\\ &= ${tex(step.z[j]!)}`,
          chain(
            a,
            mean ? `${avg}\\,\\sigma(${texSym('z', l, j, L)})` : `\\sigma(${tex(step.z[j]!)})`,
            tex(step.a[j]!),
          ),
        ),
        value: step.a[j]!,
        layer: layerMark(l, L),
        j: bookNeuron(j),
      };
    }
    case 'bp1': {
      const j = step.focus;
      const d = texSym(bar('\\delta'), L, j, L);
      const quad = net.cost === 'quadratic';
      const expr = quad
        ? `(a^L_{${j + 1}} - y_{${j + 1}})\\,${sp(L, j)}`
        : `a^L_{${j + 1}} - y_{${j + 1}}`;
      const nums = quad
        ? `(${tex(step.a[j]!)} - ${tex(step.y[j]!)})\\cdot ${tex(step.sp[j]!)}`
        : `${tex(step.a[j]!)} - ${tex(step.y[j]!)}`;
      return {
        general: `\\delta^L = \\nabla_a C \\odot \\sigma'(z^L)\\quad(\\text{BP1})`,
        filled: aligned(
          mean
            ? chain(d, `${avg}\\,${expr}`, tex(step.delta[j]!))
            : chain(d, expr, nums, tex(step.delta[j]!)),
        ),
        value: step.delta[j]!,
        layer: 'L',
        j: bookNeuron(j),
      };
    }
    case 'bp2': {
      const { l, focus: j } = step;
      const ln = texLayer(l + 1, L);
      const lm = texLayer(l, L);
      const d = texSym(bar('\\delta'), l, j, L);
      const expr = `\\Big(\\textstyle\\sum_k w^${ln}_{k${bookNeuron(j)}}\\,\\delta^${ln}_k\\Big)\\,${sp(l, j)}`;
      return {
        general: `\\delta^${lm} = ((w^${ln})^T \\delta^${ln}) \\odot \\sigma'(z^${lm})\\quad(\\text{BP2})`,
        filled: aligned(
          mean
            ? chain(d, `${avg}\\,${expr}`, tex(step.delta[j]!))
            : chain(d, expr, `${p(step.wd[j]!)}\\cdot ${tex(step.sp[j]!)}`, tex(step.delta[j]!)),
        ),
        value: step.delta[j]!,
        layer: layerMark(l, L),
        j: bookNeuron(j),
      };
    }
    case 'bp3': {
      const { l, j } = step.focus;
      const v = step.nablaB[l]![j]!;
      return {
        general: `\\frac{\\partial C}{\\partial b^l_j} = \\delta^l_j\\quad(\\text{BP3})`,
        filled: aligned(
          chain(
            `\\frac{\\partial C}{\\partial ${texSym('b', l, j, L)}}`,
            texSym(bar('\\delta'), l, j, L),
            tex(v),
          ),
        ),
        value: v,
        layer: layerMark(l, L),
        j: bookNeuron(j),
      };
    }
    case 'bp4': {
      const { l, j, k } = step.focus;
      const nIn = net.sizes[l - 1]!;
      const v = step.nablaW[l]![j * nIn + k]!;
      const w = `w^${texLayer(l, L)}_{${bookNeuron(j)}${bookNeuron(k)}}`;
      const prod = `${texSym('a', l - 1, k, L)}\\,${texSym('\\delta', l, j, L)}`;
      return {
        general: `\\frac{\\partial C}{\\partial w^l_{jk}} = a^{l-1}_k\\delta^l_j\\quad(\\text{BP4})`,
        filled: aligned(
          mean
            ? chain(`\\frac{\\partial C}{\\partial ${w}}`, `${avg}\\,${prod}`, tex(v))
            : chain(
                `\\frac{\\partial C}{\\partial ${w}}`,
                prod,
                `${p(step.aIn)}\\cdot ${p(step.delta)}`,
                tex(v),
              ),
        ),
        value: v,
        layer: layerMark(l, L),
        j: bookNeuron(j),
        k: bookNeuron(k),
      };
    }
    case 'demon': {
      const { l, j, dz, predicted, deltaC } = step.move;
      const d = texSym(bar('\\delta'), l, j, L);
      return {
        general: `\\Delta C \\approx \\bar\\delta^l_j\\,\\Delta z`,
        filled: aligned(
          chain('\\Delta z', tex(dz)),
          `\\Delta C &\\approx ${d}\\,\\Delta z \\\\ &= ${p(step.delta)}\\cdot ${p(dz)} \\\\ &= ${tex(predicted)}`,
          chain('\\Delta C_{\\text{exact}}', tex(deltaC)),
        ),
        value: deltaC,
        layer: layerMark(l, L),
        j: bookNeuron(j),
      };
    }
  }
}
