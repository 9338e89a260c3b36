import type { Bilingual } from './tags.ts';
import type { ItemDef, Tolerance } from './types.ts';

/**
 * The concept check's item bank: plain data, one entry per item, in the
 * chapter's order. Book numbering throughout: the input layer is layer 1,
 * the output layer L, neurons count from 1. docs/concepts.md lists every item.
 */
const r = String.raw;

const EXACT: Tolerance = { abs: 0.01, rel: 0 };
const ROUNDED: Tolerance = { abs: 0.002, rel: 0.03 };
const SMALL: Tolerance = { abs: 0.0005, rel: 0.05 };

function sign(dz: string): Record<'plus' | 'minus', Bilingual> {
  return {
    plus: { en: r`$\Delta ${dz} = +{eps}$`, zh: r`$\Delta ${dz} = +{eps}$` },
    minus: { en: r`$\Delta ${dz} = -{eps}$`, zh: r`$\Delta ${dz} = -{eps}$` },
  };
}

const neuron = {
  en: r`A sigmoid neuron of layer 2 gets $a^1_1 = {x1}$ and $a^1_2 = {x2}$ through the weights $w^2_{11} = {w1}$, $w^2_{12} = {w2}$; its bias is $b^2_1 = {b}$.`,
  zh: r`第 2 层的一个 sigmoid 神经元接收 $a^1_1 = {x1}$、$a^1_2 = {x2}$，权重为 $w^2_{11} = {w1}$、$w^2_{12} = {w2}$，偏置为 $b^2_1 = {b}$。`,
};

export const ITEM_BANK: readonly ItemDef[] = [
  {
    id: 'forward-z',
    concept: 'forward',
    recipe: 'forwardZ',
    format: 'numeric',
    tolerance: EXACT,
    prompt: {
      en: r`${neuron.en} What is its weighted input $z^2_1$?`,
      zh: r`${neuron.zh}它的带权输入 $z^2_1$ 是多少？`,
    },
    tags: ['noBias', 'zForA'],
    params: 'inputs ±0.1…1, weights ±0.2…2, bias ±0.1…1 (steps of 0.1)',
  },
  {
    id: 'forward-a',
    concept: 'forward',
    recipe: 'forwardA',
    format: 'choice',
    prompt: {
      en: r`${neuron.en} What is its activation $a^2_1$?`,
      zh: r`${neuron.zh}它的激活值 $a^2_1$ 是多少？`,
    },
    tags: ['zForA', 'noBias'],
    params: 'as forward-z',
  },
  {
    id: 'forward-index',
    concept: 'forward',
    recipe: 'forwardIndex',
    format: 'numeric',
    tolerance: EXACT,
    prompt: {
      en: r`$w^2_{jk}$ connects neuron $k$ of layer 1 to neuron $j$ of layer 2. With $w^2 = \begin{pmatrix} {w11} & {w12} \\ {w21} & {w22} \end{pmatrix}$, $b^2 = ({b1}, {b2})$ and $a^1 = ({x1}, {x2})$, what is $z^2_2$?`,
      zh: r`$w^2_{jk}$ 连接第 1 层的神经元 $k$ 与第 2 层的神经元 $j$。已知 $w^2 = \begin{pmatrix} {w11} & {w12} \\ {w21} & {w22} \end{pmatrix}$，$b^2 = ({b1}, {b2})$，$a^1 = ({x1}, {x2})$，求 $z^2_2$。`,
    },
    tags: ['swappedIndices', 'noBias'],
    params: 'weights ±0.1…2, biases and inputs ±0.1…1 (steps of 0.1)',
  },
  {
    id: 'cost-one',
    concept: 'costMean',
    recipe: 'costOne',
    format: 'numeric',
    tolerance: { abs: 0.002, rel: 0.01 },
    prompt: {
      en: r`One sample: the output layer gives $a^L = ({a1}, {a2})$, the target is $y = ({y1}, {y2})$. What is the quadratic cost $C_x = \tfrac12\lVert y - a^L\rVert^2$?`,
      zh: r`一个样本：输出层给出 $a^L = ({a1}, {a2})$，目标为 $y = ({y1}, {y2})$。二次代价 $C_x = \tfrac12\lVert y - a^L\rVert^2$ 是多少？`,
    },
    tags: ['noHalf', 'normNotSquare'],
    params: 'outputs 0.05…0.95, targets 0 or 1',
  },
  {
    id: 'cost-batch',
    concept: 'costMean',
    recipe: 'costBatch',
    format: 'numeric',
    tolerance: { abs: 0.002, rel: 0.01 },
    prompt: {
      en: r`A batch of three samples, one output neuron: $a^L = {a1}, {a2}, {a3}$ against targets $y = {y1}, {y2}, {y3}$. What is the cost $C$ of the batch (quadratic cost)?`,
      zh: r`一批三个样本，一个输出神经元：$a^L = {a1}, {a2}, {a3}$，目标 $y = {y1}, {y2}, {y3}$。这一批的代价 $C$（二次代价）是多少？`,
    },
    tags: ['sumNotMean', 'oneSampleForBatch', 'noHalf'],
    params: 'three outputs 0.05…0.95, targets 0 or 1',
  },
  {
    id: 'cost-sign',
    concept: 'costMean',
    recipe: 'costSign',
    format: 'choice',
    prompt: {
      en: r`A linear output neuron ($a = z$) on two samples: $a^L = {a1}$ (target $y = {y1}$) and $a^L = {a2}$ (target $y = {y2}$). A demon adds $\Delta z = {dz}$ to $z^L_1$ for both samples. The batch cost $C$…`,
      zh: r`一个线性输出神经元（$a = z$）作用于两个样本：$a^L = {a1}$（目标 $y = {y1}$）和 $a^L = {a2}$（目标 $y = {y2}$）。小恶魔对两个样本都给 $z^L_1$ 加上 $\Delta z = {dz}$。这一批的代价 $C$……`,
    },
    labels: {
      falls: { en: 'falls', zh: '下降' },
      rises: { en: 'rises', zh: '上升' },
    },
    tags: ['oneSampleForBatch'],
    params: 'errors a − y of opposite signs, the second larger (0.1…0.6), Δz 0.05…0.1',
  },
  {
    id: 'hadamard-vector',
    concept: 'hadamard',
    recipe: 'hadamardVector',
    format: 'choice',
    prompt: {
      en: r`At the output, $\nabla_a C = ({s1}, {s2})$ and $\sigma'(z^L) = ({t1}, {t2})$. What is $\delta^L = \nabla_a C \odot \sigma'(z^L)$?`,
      zh: r`在输出层，$\nabla_a C = ({s1}, {s2})$，$\sigma'(z^L) = ({t1}, {t2})$。$\delta^L = \nabla_a C \odot \sigma'(z^L)$ 是什么？`,
    },
    labels: {
      hadamard: { en: '$({h1}, {h2})$', zh: '$({h1}, {h2})$' },
      dot: { en: r`$\,{dot}$`, zh: r`$\,{dot}$` },
      sum: { en: '$({p1}, {p2})$', zh: '$({p1}, {p2})$' },
      crossed: { en: '$({c1}, {c2})$', zh: '$({c1}, {c2})$' },
    },
    tags: ['dotNotHadamard', 'addsNotMultiplies', 'swappedIndices'],
    params: 'z^L ±0.2…2.5, targets 0 or 1',
  },
  {
    id: 'hadamard-hidden',
    concept: 'hadamard',
    recipe: 'hadamardHidden',
    format: 'numeric',
    tolerance: { abs: 0.001, rel: 0.03 },
    prompt: {
      en: r`In layer 2, $(w^3)^T \delta^3 = ({u1}, {u2})$ and $\sigma'(z^2) = ({s1}, {s2})$. What is $\delta^2_2$, the second component of $((w^3)^T \delta^3) \odot \sigma'(z^2)$?`,
      zh: r`在第 2 层，$(w^3)^T \delta^3 = ({u1}, {u2})$，$\sigma'(z^2) = ({s1}, {s2})$。$((w^3)^T \delta^3) \odot \sigma'(z^2)$ 的第二个分量 $\delta^2_2$ 是多少？`,
    },
    tags: ['ignoresSigmaPrime', 'dotNotHadamard'],
    params: 'a 1–2–1 sigmoid network: w^2 ±0.5…2, w^3 ±1…3, biases ±0.1…1.5',
  },
  {
    id: 'bp1-value',
    concept: 'bp1',
    recipe: 'bp1Value',
    format: 'numeric',
    tolerance: ROUNDED,
    prompt: {
      en: r`An output neuron has $a^L_1 = {a}$, target $y_1 = {y}$ and $\sigma'(z^L_1) = {sp}$ (quadratic cost). What is $\delta^L_1$?`,
      zh: r`一个输出神经元 $a^L_1 = {a}$，目标 $y_1 = {y}$，$\sigma'(z^L_1) = {sp}$（二次代价）。$\delta^L_1$ 是多少？`,
    },
    tags: ['ignoresSigmaPrime', 'flippedError', 'sigmaForSigmaPrime'],
    params: 'z^L ±0.2…2.5, target 0 or 1',
  },
  {
    id: 'bp1-sign',
    concept: 'bp1',
    recipe: 'bp1Sign',
    format: 'choice',
    prompt: {
      en: r`A sigmoid output neuron has $a^L_1 = {a}$ and target $y_1 = {y}$; $\delta$ is hidden. Which nudge of $z^L_1$ lowers the cost?`,
      zh: r`一个 sigmoid 输出神经元 $a^L_1 = {a}$，目标 $y_1 = {y}$；$\delta$ 不显示。对 $z^L_1$ 的哪个推动能降低代价？`,
    },
    labels: sign('z'),
    tags: ['alongDelta'],
    params: 'z^L ±0.2…2, target 0.1…0.9 with |a − y| ≥ 0.1, ε 0.1…0.3',
  },
  {
    id: 'bp1-predict',
    concept: 'bp1',
    recipe: 'bp1Predict',
    format: 'numeric',
    tolerance: SMALL,
    prompt: {
      en: r`An output neuron has $a^L_1 = {a}$, $y_1 = {y}$, $\sigma'(z^L_1) = {sp}$. A demon adds $\Delta z = {+dz}$ to $z^L_1$. To first order, what is $\Delta C$?`,
      zh: r`一个输出神经元 $a^L_1 = {a}$，$y_1 = {y}$，$\sigma'(z^L_1) = {sp}$。小恶魔给 $z^L_1$ 加上 $\Delta z = {+dz}$。按一阶近似，$\Delta C$ 是多少？`,
    },
    tags: ['ignoresSigmaPrime', 'flippedError', 'deltaIsDeltaC'],
    params: 'z^L ±0.2…2, target 0 or 1, Δz ±0.05…0.2',
  },
  {
    id: 'saturation-pick',
    concept: 'saturation',
    recipe: 'saturationPick',
    format: 'choice',
    prompt: {
      en: r`Three sigmoid output neurons: $z^L = ({z1}, {z2}, {z3})$, $a^L = ({a1}, {a2}, {a3})$, targets $y = ({y1}, {y2}, {y3})$. Which neuron has the largest $|\delta^L_j|$?`,
      zh: r`三个 sigmoid 输出神经元：$z^L = ({z1}, {z2}, {z3})$，$a^L = ({a1}, {a2}, {a3})$，目标 $y = ({y1}, {y2}, {y3})$。哪个神经元的 $|\delta^L_j|$ 最大？`,
    },
    labels: {
      n1: { en: 'neuron $j = 1$', zh: '神经元 $j = 1$' },
      n2: { en: 'neuron $j = 2$', zh: '神经元 $j = 2$' },
      n3: { en: 'neuron $j = 3$', zh: '神经元 $j = 3$' },
    },
    tags: ['ignoresSigmaPrime', 'largeActivation'],
    params:
      'roles shuffled: asleep (z −6…−4.5, y = 1), awake (|z| ≤ 0.5), large a (z 1.5…2.5, y just below a)',
  },
  {
    id: 'saturation-dc',
    concept: 'saturation',
    recipe: 'saturationDeltaC',
    format: 'numeric',
    tolerance: { abs: 0.002, rel: 0.1 },
    prompt: {
      en: r`A sigmoid output neuron sits at $z^L_1 = {z}$, so $a^L_1 = {a}$, while its target is $y_1 = {y}$. A demon adds $\Delta z = {+dz}$. To first order, what is $\Delta C$?`,
      zh: r`一个 sigmoid 输出神经元 $z^L_1 = {z}$，于是 $a^L_1 = {a}$，而目标是 $y_1 = {y}$。小恶魔加上 $\Delta z = {+dz}$。按一阶近似，$\Delta C$ 是多少？`,
    },
    tags: ['ignoresSigmaPrime'],
    params: '|z^L| 4…6 on the wrong side of its target, Δz 0.3…0.8 toward it',
  },
  {
    id: 'saturation-hidden',
    concept: 'saturation',
    recipe: 'saturationHidden',
    format: 'choice',
    prompt: {
      en: r`Three sigmoid neurons of layer 2 feed one output with $\delta^3_1 = {d3}$ through $w^3_{1j} = ({w1}, {w2}, {w3})$. Their $z^2 = ({z1}, {z2}, {z3})$ and $a^2 = ({a1}, {a2}, {a3})$. Which has the largest $|\delta^2_j|$?`,
      zh: r`第 2 层的三个 sigmoid 神经元经 $w^3_{1j} = ({w1}, {w2}, {w3})$ 连到一个输出，$\delta^3_1 = {d3}$。它们的 $z^2 = ({z1}, {z2}, {z3})$，$a^2 = ({a1}, {a2}, {a3})$。哪个的 $|\delta^2_j|$ 最大？`,
    },
    labels: {
      n1: { en: 'neuron $j = 1$', zh: '神经元 $j = 1$' },
      n2: { en: 'neuron $j = 2$', zh: '神经元 $j = 2$' },
      n3: { en: 'neuron $j = 3$', zh: '神经元 $j = 3$' },
    },
    tags: ['ignoresSigmaPrime', 'largeActivation'],
    params:
      'roles shuffled: asleep (z −7…−5, |w| 2…3), awake (|z| ≤ 0.5, |w| 1…1.8), large a (z 1.5…2.5, |w| 0.3…0.6)',
  },
  {
    id: 'bp2-value',
    concept: 'bp2',
    recipe: 'bp2Value',
    format: 'numeric',
    tolerance: ROUNDED,
    prompt: {
      en: r`Neuron 1 of layer 2 feeds the output through $w^3_{11} = {w}$; the output's error is $\delta^3_1 = {d3}$. The hidden neuron has $a^2_1 = {a2}$ and $\sigma'(z^2_1) = {sp}$. What is $\delta^2_1$?`,
      zh: r`第 2 层的神经元 1 经 $w^3_{11} = {w}$ 连到输出；输出误差 $\delta^3_1 = {d3}$。这个隐藏神经元 $a^2_1 = {a2}$，$\sigma'(z^2_1) = {sp}$。$\delta^2_1$ 是多少？`,
    },
    tags: ['ignoresSigmaPrime', 'sigmaForSigmaPrime'],
    params: 'a 1–1–1 chain: w^3 ±0.5…3, z^2 ±0.2…1.5, b^3 ±0.1…1, target 0 or 1',
  },
  {
    id: 'bp2-sign-w',
    concept: 'bp2',
    recipe: 'bp2SignThroughW',
    format: 'choice',
    prompt: {
      en: r`A hidden neuron feeds the output through $w^3_{11} = {w}$; $\delta^3_1 = {d3}$ and $\sigma'(z^2_1) = {sp}$. $\delta^2_1$ is hidden. Which nudge of $z^2_1$ lowers the cost?`,
      zh: r`一个隐藏神经元经 $w^3_{11} = {w}$ 连到输出；$\delta^3_1 = {d3}$，$\sigma'(z^2_1) = {sp}$。$\delta^2_1$ 不显示。对 $z^2_1$ 的哪个推动能降低代价？`,
    },
    labels: sign('z^2_1'),
    tags: ['hiddenSignIgnored', 'alongDelta', 'weightSignNotDelta'],
    params: 'w^3 −2…−0.5 (negative), δ^3 either sign, ε 0.05…0.2',
  },
  {
    id: 'bp2-sign-delta',
    concept: 'bp2',
    recipe: 'bp2SignNotWeight',
    format: 'choice',
    prompt: {
      en: r`A hidden neuron feeds the output through $w^3_{11} = {w}$; $\delta^3_1 = {d3}$ and $\sigma'(z^2_1) = {sp}$. Which nudge of $z^2_1$ lowers the cost?`,
      zh: r`一个隐藏神经元经 $w^3_{11} = {w}$ 连到输出；$\delta^3_1 = {d3}$，$\sigma'(z^2_1) = {sp}$。对 $z^2_1$ 的哪个推动能降低代价？`,
    },
    labels: sign('z^2_1'),
    tags: ['weightSignNotDelta', 'alongDelta', 'hiddenSignIgnored'],
    params: 'w^3 ±0.5…2, δ^3 negative (target 1), ε 0.05…0.2',
  },
  {
    id: 'bp2-two-paths',
    concept: 'bp2',
    recipe: 'bp2TwoPaths',
    format: 'numeric',
    tolerance: ROUNDED,
    prompt: {
      en: r`Layer 2 has two neurons, the output layer 3 two: $w^3 = \begin{pmatrix} {w11} & {w12} \\ {w21} & {w22} \end{pmatrix}$ ($w^3_{jk}$ from neuron $k$ to neuron $j$), $\delta^3 = ({d1}, {d2})$, $\sigma'(z^2) = ({s1}, {s2})$. What is $\delta^2_1$?`,
      zh: r`第 2 层有两个神经元，输出层 3 也有两个：$w^3 = \begin{pmatrix} {w11} & {w12} \\ {w21} & {w22} \end{pmatrix}$（$w^3_{jk}$ 从神经元 $k$ 到神经元 $j$），$\delta^3 = ({d1}, {d2})$，$\sigma'(z^2) = ({s1}, {s2})$。$\delta^2_1$ 是多少？`,
    },
    tags: ['swappedIndices', 'onePathOnly', 'ignoresSigmaPrime'],
    params: 'a 1–2–2 sigmoid network: w^3 ±0.5…2, z^2 ±0.2…1.5, targets 0 or 1',
  },
  {
    id: 'bp3-output',
    concept: 'bp3',
    recipe: 'bp3Output',
    format: 'numeric',
    tolerance: ROUNDED,
    prompt: {
      en: r`An output neuron gets $a^1_1 = {x}$ and gives $a^2_1 = {a}$ with $\sigma'(z^2_1) = {sp}$; its target is $y = {y}$ (quadratic cost, layer 2 is the output). What is $\partial C / \partial b^2_1$?`,
      zh: r`一个输出神经元接收 $a^1_1 = {x}$，给出 $a^2_1 = {a}$，$\sigma'(z^2_1) = {sp}$；目标 $y = {y}$（二次代价，第 2 层为输出层）。$\partial C / \partial b^2_1$ 是多少？`,
    },
    tags: ['biasTimesActivation', 'ignoresSigmaPrime'],
    params: 'input 0.2…0.9, weight ±0.5…2, bias ±0.1…1, target 0 or 1',
  },
  {
    id: 'bp3-nudge-bias',
    concept: 'bp3',
    recipe: 'bp3NudgeIsBias',
    format: 'choice',
    prompt: {
      en: r`In a 2–2–1 network a demon adds $\Delta z = {dz}$ to $z^2_{{j}}$ for every sample of the batch. Which change has exactly the same effect on $C$?`,
      zh: r`在一个 2–2–1 网络中，小恶魔对这一批的每个样本都给 $z^2_{{j}}$ 加上 $\Delta z = {dz}$。哪个改变对 $C$ 的影响完全相同？`,
    },
    labels: {
      bias: { en: r`$\Delta b^2_{{j}} = {dz}$`, zh: r`$\Delta b^2_{{j}} = {dz}$` },
      weight: { en: r`$\Delta w^2_{{j}1} = {dz}$`, zh: r`$\Delta w^2_{{j}1} = {dz}$` },
      act: { en: r`$\Delta a^2_{{j}} = {dz}$`, zh: r`$\Delta a^2_{{j}} = {dz}$` },
    },
    tags: ['nudgeNotBias', 'zForA'],
    params: 'a random 2–2–1 sigmoid network, three samples, neuron j 1 or 2, Δz 0.1…0.5',
  },
  {
    id: 'bp3-batch',
    concept: 'bp3',
    recipe: 'bp3Batch',
    format: 'numeric',
    tolerance: { abs: 0.001, rel: 0.03 },
    prompt: {
      en: r`Over a batch of three samples the output neuron's errors are $\delta^L_1(x) = {d1}, {d2}, {d3}$. What is $\partial C / \partial b^L_1$ for the batch?`,
      zh: r`在一批三个样本上，输出神经元的误差为 $\delta^L_1(x) = {d1}, {d2}, {d3}$。这一批的 $\partial C / \partial b^L_1$ 是多少？`,
    },
    tags: ['sumNotMean', 'oneSampleForBatch'],
    params: 'a 1–1 sigmoid network, inputs ±0.2…1, weight ±1…3, targets 0 or 1',
  },
  {
    id: 'bp4-value',
    concept: 'bp4',
    recipe: 'bp4Value',
    format: 'numeric',
    tolerance: ROUNDED,
    prompt: {
      en: r`In a 1–2–1 network: $a^2 = ({a1}, {a2})$, the output $a^3_1 = {a3}$ and $\delta^3_1 = {d3}$. What is $\partial C / \partial w^3_{12}$?`,
      zh: r`在一个 1–2–1 网络中：$a^2 = ({a1}, {a2})$，输出 $a^3_1 = {a3}$，$\delta^3_1 = {d3}$。$\partial C / \partial w^3_{12}$ 是多少？`,
    },
    tags: ['deltaForGradient', 'outputActivation', 'swappedIndices'],
    params: 'a 1–2–1 sigmoid network, weights ±0.5…2, biases ±0.1…1, target 0 or 1',
  },
  {
    id: 'bp4-inactive',
    concept: 'bp4',
    recipe: 'bp4Inactive',
    format: 'choice',
    optionTex: r`$\Delta C \approx {v}$`,
    prompt: {
      en: r`A neuron of layer 2 gets the inputs $a^1_1 = 0$ and $a^1_2 = {x2}$; its error is $\delta^2_1 = {d}$. To first order, by how much does $C$ change when $w^2_{11}$ grows by $\Delta w = {dw}$?`,
      zh: r`第 2 层的一个神经元接收输入 $a^1_1 = 0$ 和 $a^1_2 = {x2}$；它的误差 $\delta^2_1 = {d}$。按一阶近似，$w^2_{11}$ 增加 $\Delta w = {dw}$ 时 $C$ 改变多少？`,
    },
    tags: ['deltaForGradient', 'swappedIndices'],
    params: 'a 2–1 sigmoid network with input 1 at 0, input 2 0.5…1, Δw 0.2…0.5',
  },
  {
    id: 'bp4-sign',
    concept: 'bp4',
    recipe: 'bp4Sign',
    format: 'choice',
    prompt: {
      en: r`The input $a^1_1 = {x}$ feeds neuron 1 of layer 2, whose error is $\delta^2_1 = {d}$. Which change of $w^2_{11}$ lowers the cost?`,
      zh: r`输入 $a^1_1 = {x}$ 连到第 2 层的神经元 1，它的误差 $\delta^2_1 = {d}$。$w^2_{11}$ 的哪个改变能降低代价？`,
    },
    labels: sign('w^2_{11}'),
    tags: ['weightIgnoresActivation'],
    params: 'input −1…−0.3 (negative), weight ±0.5…2, target 0 or 1, ε 0.1…0.3',
  },
  {
    id: 'bp4-batch',
    concept: 'bp4',
    recipe: 'bp4Batch',
    format: 'numeric',
    tolerance: { abs: 0.001, rel: 0.03 },
    prompt: {
      en: r`Two samples $x_1, x_2$: the input is $a^1_1(x_1) = {x1}$, $a^1_1(x_2) = {x2}$ and the error $\delta^2_1(x_1) = {d1}$, $\delta^2_1(x_2) = {d2}$. What is $\partial C / \partial w^2_{11}$ for the batch?`,
      zh: r`两个样本 $x_1, x_2$：输入 $a^1_1(x_1) = {x1}$，$a^1_1(x_2) = {x2}$，误差 $\delta^2_1(x_1) = {d1}$，$\delta^2_1(x_2) = {d2}$。这一批的 $\partial C / \partial w^2_{11}$ 是多少？`,
    },
    tags: ['productOfMeans', 'oneSampleForBatch', 'sumNotMean'],
    params: 'inputs 0.2…1 and −1…−0.2, weight ±1…3, targets 0 or 1',
  },
  {
    id: 'linear-hunt',
    concept: 'linear',
    recipe: 'linearHunt',
    format: 'choice',
    prompt: {
      en: r`Two output neurons have $\delta^L_1 = {d1}$ and $\delta^L_2 = {d2}$. A demon may move one of them by at most $\varepsilon = {eps}$. Which move lowers $C$ most?`,
      zh: r`两个输出神经元 $\delta^L_1 = {d1}$，$\delta^L_2 = {d2}$。小恶魔可以把其中一个推动最多 $\varepsilon = {eps}$。哪一步让 $C$ 下降最多？`,
    },
    labels: {
      best: { en: r`$\Delta z^L_{{jb}} = {+mb}$`, zh: r`$\Delta z^L_{{jb}} = {+mb}$` },
      along: { en: r`$\Delta z^L_{{jb}} = {+ma}$`, zh: r`$\Delta z^L_{{jb}} = {+ma}$` },
      small: { en: r`$\Delta z^L_{{js}} = {+ms}$`, zh: r`$\Delta z^L_{{js}} = {+ms}$` },
    },
    tags: ['alongDelta', 'signOnly'],
    params: 'z^L ±0.2…1.5, targets 0 or 1, one |δ| at least twice the other, ε 0.05…0.15',
  },
  {
    id: 'linear-bound',
    concept: 'linear',
    recipe: 'linearBound',
    format: 'choice',
    optionTex: r`$\Delta C = {v}$`,
    prompt: {
      en: r`An output neuron: $z^L_1 = {z}$, $a^L_1 = {a}$, $y = {y}$, so $C = {c}$. For $\Delta z = {+dz}$ the line $\delta\Delta z$ predicts $\Delta C = {p}$. What is the exact $\Delta C$?`,
      zh: r`一个输出神经元：$z^L_1 = {z}$，$a^L_1 = {a}$，$y = {y}$，所以 $C = {c}$。对 $\Delta z = {+dz}$，直线 $\delta\Delta z$ 预测 $\Delta C = {p}$。精确的 $\Delta C$ 是多少？`,
    },
    tags: ['linearAlways'],
    params: 'z^L ±0.5…2 on the far side of its target 0 or 1, |Δz| 3…5 toward it',
  },
  {
    id: 'linear-best',
    concept: 'linear',
    recipe: 'linearBest',
    format: 'choice',
    optionTex: r`$\Delta z = {+v}$`,
    prompt: {
      en: r`An output neuron: $z^L_1 = {z}$, $a^L_1 = {a}$, target $y = {y}$. A demon may use any $\Delta z$ with $|\Delta z| \le {eps}$. Which $\Delta z$ lowers $C$ most?`,
      zh: r`一个输出神经元：$z^L_1 = {z}$，$a^L_1 = {a}$，目标 $y = {y}$。小恶魔可以取任意满足 $|\Delta z| \le {eps}$ 的 $\Delta z$。哪个 $\Delta z$ 让 $C$ 下降最多？`,
    },
    tags: ['linearAlways', 'alongDelta'],
    params: 'z^L ±0.5…2, target 0.2…0.8, ε 3…5 (the best |Δz| is below 0.8ε)',
  },
  {
    id: 'linear-small',
    concept: 'linear',
    recipe: 'linearSmall',
    format: 'numeric',
    tolerance: { abs: 0.0002, rel: 0.05 },
    prompt: {
      en: r`Neuron {j} of layer 2 has $\delta^2_{{j}} = {d}$. A demon adds $\Delta z = {+dz}$ to $z^2_{{j}}$. About how much does $C$ change?`,
      zh: r`第 2 层的神经元 {j} 有 $\delta^2_{{j}} = {d}$。小恶魔给 $z^2_{{j}}$ 加上 $\Delta z = {+dz}$。$C$ 大约改变多少？`,
    },
    tags: ['deltaIsDeltaC'],
    params: 'a 1–2–1 sigmoid network, weights ±0.5…3, |Δz| 0.02…0.1 (exact ΔC within 2 % of δΔz)',
  },
  {
    id: 'vanish-chain',
    concept: 'vanishing',
    recipe: 'vanishChain',
    format: 'numeric',
    tolerance: { abs: 0.0002, rel: 0.05 },
    prompt: {
      en: r`A chain of sigmoid neurons, layers 1 to 4 (output): $\delta^4_1 = {d4}$, $w^4_{11} = {w4}$, $w^3_{11} = {w3}$, $\sigma'(z^3_1) = {s3}$, $\sigma'(z^2_1) = {s2}$. What is $\delta^2_1$?`,
      zh: r`一条 sigmoid 神经元链，第 1 层到第 4 层（输出）：$\delta^4_1 = {d4}$，$w^4_{11} = {w4}$，$w^3_{11} = {w3}$，$\sigma'(z^3_1) = {s3}$，$\sigma'(z^2_1) = {s2}$。$\delta^2_1$ 是多少？`,
    },
    tags: ['ignoresSigmaPrime', 'deltaKeepsSize', 'shrinksOnce'],
    params: 'a 1–1–1–1 sigmoid chain, weights ±0.5…2, biases ±0.1…1, target 0 or 1',
  },
  {
    id: 'vanish-bound',
    concept: 'vanishing',
    recipe: 'vanishBound',
    format: 'choice',
    prompt: {
      en: r`A chain of sigmoid neurons with every $|w| \le {wmax}$ ends in an output error $|\delta^L| = {d}$. At most, how large can $|\delta^{L-{k}}|$ be, $k = {k}$ layers back?`,
      zh: r`一条 sigmoid 神经元链，每个 $|w| \le {wmax}$，输出误差 $|\delta^L| = {d}$。往回 $k = {k}$ 层，$|\delta^{L-{k}}|$ 最大能有多大？`,
    },
    tags: ['ignoresSigmaPrime', 'shrinksOnce', 'deltaKeepsSize'],
    params: 'w_max 1, 1.5 or 2; k 2…4 layers back; |δ^L| 0.1…0.5',
  },
  {
    id: 'vanish-which',
    concept: 'vanishing',
    recipe: 'vanishWhich',
    format: 'choice',
    prompt: {
      en: r`A chain of sigmoid neurons, layers 1 to 5 (output, target $y = {y}$): $w = ({w2}, {w3}, {w4}, {w5})$, $z = ({z2}, {z3}, {z4}, {z5})$, $a = ({a2}, {a3}, {a4}, {a5})$ for layers 2–5. A nudge $\Delta z = 0.1$ in which layer changes $C$ most?`,
      zh: r`一条 sigmoid 神经元链，第 1 层到第 5 层（输出，目标 $y = {y}$）：第 2–5 层 $w = ({w2}, {w3}, {w4}, {w5})$，$z = ({z2}, {z3}, {z4}, {z5})$，$a = ({a2}, {a3}, {a4}, {a5})$。在哪一层推动 $\Delta z = 0.1$ 对 $C$ 影响最大？`,
    },
    labels: {
      best: { en: 'layer {lb}', zh: '第 {lb} 层' },
      first: { en: 'layer {lf}', zh: '第 {lf} 层' },
      bigA: { en: 'layer {la}', zh: '第 {la} 层' },
    },
    tags: ['deltaKeepsSize', 'largeActivation'],
    params: 'a 1–1–1–1–1 sigmoid chain, weights ±0.5…1.5, layer 3 or 4 with bias 2.5…3.5',
  },
];
