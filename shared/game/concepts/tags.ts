import type { LevelId } from '../levels.ts';

/** Text a person reads, in both languages the game ships in. KaTeX between $…$. */
export interface Bilingual {
  en: string;
  zh: string;
}

/** The chapter's ideas the concept check covers, one code each (book order). */
export const Concept = {
  Forward: 'forward',
  CostMean: 'costMean',
  Hadamard: 'hadamard',
  Bp1: 'bp1',
  Saturation: 'saturation',
  Bp2: 'bp2',
  Bp3: 'bp3',
  Bp4: 'bp4',
  Linear: 'linear',
  Vanishing: 'vanishing',
} as const;
export type Concept = (typeof Concept)[keyof typeof Concept];
export const CONCEPTS: readonly Concept[] = Object.values(Concept);

export interface ConceptInfo {
  title: Bilingual;
  /** The equation the concept rests on, as KaTeX (book numbering). */
  tex: string;
  /** The campaign level that practises it: where a weak concept sends the player. */
  level: LevelId;
}

export const CONCEPT_INFO: Record<Concept, ConceptInfo> = {
  forward: {
    title: { en: 'Forward pass (eq. 1–3)', zh: '前向传播（式 1–3）' },
    tex: 'z^l = w^l a^{l-1} + b^l,\\; a^l = \\sigma(z^l)',
    level: 'outputDemon',
  },
  costMean: {
    title: { en: 'The cost is a mean over samples (eq. 4–5)', zh: '代价是样本的平均（式 4–5）' },
    tex: 'C = \\tfrac{1}{n}\\sum_x C_x,\\; C_x = \\tfrac12\\lVert y(x) - a^L(x)\\rVert^2',
    level: 'manySamples',
  },
  hadamard: {
    title: { en: 'The Hadamard product (eq. 6)', zh: 'Hadamard 乘积（式 6）' },
    tex: '(s \\odot t)_j = s_j t_j',
    level: 'predictSign',
  },
  bp1: {
    title: { en: 'BP1: the output error and its sign', zh: 'BP1：输出层误差及其符号' },
    tex: "\\delta^L = \\nabla_a C \\odot \\sigma'(z^L)",
    level: 'predictSign',
  },
  saturation: {
    title: { en: 'Saturation: σ′ ≈ 0', zh: '饱和：σ′ ≈ 0' },
    tex: "\\sigma'(z) = \\sigma(z)(1 - \\sigma(z)) \\approx 0 \\text{ for large } |z|",
    level: 'asleepAtEdges',
  },
  bp2: {
    title: { en: 'BP2: the error one layer back', zh: 'BP2：向后一层的误差' },
    tex: "\\delta^l = ((w^{l+1})^T \\delta^{l+1}) \\odot \\sigma'(z^l)",
    level: 'oneLayerBack',
  },
  bp3: {
    title: { en: 'BP3: the bias gradient is δ', zh: 'BP3：偏置的梯度就是 δ' },
    tex: '\\partial C / \\partial b^l_j = \\delta^l_j',
    level: 'biasLever',
  },
  bp4: {
    title: { en: 'BP4: weight gradients and inactive inputs', zh: 'BP4：权重梯度与不活跃的输入' },
    tex: '\\partial C / \\partial w^l_{jk} = a^{l-1}_k \\delta^l_j',
    level: 'weightsToo',
  },
  linear: {
    title: { en: 'ΔC ≈ δΔz, and where it fails', zh: 'ΔC ≈ δΔz 及其失效之处' },
    tex: '\\Delta C \\approx \\delta^l_j \\Delta z^l_j',
    level: 'lineLies',
  },
  vanishing: {
    title: { en: 'Vanishing δ in deep sigmoid networks', zh: '深层 sigmoid 网络中 δ 的消失' },
    tex: '|\\delta^{l}| \\le |w^{l+1}|\\,\\tfrac14\\,|\\delta^{l+1}|',
    level: 'deepTrouble',
  },
};

/**
 * What a wrong answer or a wrong move reveals: one code per misconception,
 * shared by the concept check's distractors and the tags on scored moves.
 */
export const Misconception = {
  /** Δz with the sign of δ: "nudges along δ". */
  AlongDelta: 'alongDelta',
  /** Takes δ^l_j for ∂C/∂w^l_jk, forgetting a^{l−1}_k. */
  DeltaForGradient: 'deltaForGradient',
  /** Leaves out the factor σ′(z). */
  IgnoresSigmaPrime: 'ignoresSigmaPrime',
  /** Uses σ(z) where σ′(z) belongs. */
  SigmaForSigmaPrime: 'sigmaForSigmaPrime',
  /** Uses one sample's value for the batch's mean. */
  OneSampleForBatch: 'oneSampleForBatch',
  /** Sums over samples where the chapter takes the mean. */
  SumNotMean: 'sumNotMean',
  /** Mean of a product taken as the product of the means. */
  ProductOfMeans: 'productOfMeans',
  /** Reads the weight's sign, not δ's. */
  WeightSignNotDelta: 'weightSignNotDelta',
  /** Right sign at the output, wrong at a hidden layer: BP2's sign comes through w. */
  HiddenSignIgnored: 'hiddenSignIgnored',
  /** Picks a large activation rather than a large |δ|. */
  LargeActivation: 'largeActivation',
  /** Overshoots where curvature matters: a shorter move does better. */
  Overshoot: 'overshoot',
  /** Trusts δΔz far from Δz = 0: the line does not bend in their picture. */
  LinearAlways: 'linearAlways',
  /** A weight move that ignores a_k. */
  WeightIgnoresActivation: 'weightIgnoresActivation',
  /** Leaves out the bias b in z = wa + b. */
  NoBias: 'noBias',
  /** Gives z = wa + b when a = σ(z) is asked (or the reverse). */
  ZForA: 'zForA',
  /** Reads w_jk as w_kj (row and column swapped). */
  SwappedIndices: 'swappedIndices',
  /** Leaves out the ½ of the quadratic cost. */
  NoHalf: 'noHalf',
  /** Uses the length ‖y − a‖ where its square belongs. */
  NormNotSquare: 'normNotSquare',
  /** Takes s ⊙ t for the dot product s·t. */
  DotNotHadamard: 'dotNotHadamard',
  /** Adds where ⊙ multiplies. */
  AddsNotMultiplies: 'addsNotMultiplies',
  /** (y − a) where BP1 has (a − y). */
  FlippedError: 'flippedError',
  /** Keeps one path of BP2's sum over the next layer. */
  OnePathOnly: 'onePathOnly',
  /** Multiplies the bias gradient by an activation, as if BP3 were BP4. */
  BiasTimesActivation: 'biasTimesActivation',
  /** Thinks a nudge of z is a change of a weight or an activation, not of the bias. */
  NudgeNotBias: 'nudgeNotBias',
  /** Uses a^l_j (the neuron's own output) where BP4 has a^{l−1}_k (its input). */
  OutputActivation: 'outputActivation',
  /** Takes δ itself for ΔC, forgetting the factor Δz. */
  DeltaIsDeltaC: 'deltaIsDeltaC',
  /** Thinks the sign alone matters, not the size of |δ|. */
  SignOnly: 'signOnly',
  /** Thinks δ keeps its size going back through a sigmoid network. */
  DeltaKeepsSize: 'deltaKeepsSize',
  /** Counts σ′ ≤ ¼ once instead of once per layer. */
  ShrinksOnce: 'shrinksOnce',
} as const;
export type Misconception = (typeof Misconception)[keyof typeof Misconception];
export const MISCONCEPTIONS: readonly Misconception[] = Object.values(Misconception);

/** A short name for each misconception, for reports and the "what I know" view. */
export const MISCONCEPTION_LABEL: Record<Misconception, Bilingual> = {
  alongDelta: { en: 'nudges along δ', zh: '顺着 δ 的符号推' },
  deltaForGradient: { en: 'takes δ for ∂C/∂w', zh: '把 δ 当成 ∂C/∂w' },
  ignoresSigmaPrime: { en: 'ignores σ′', zh: '忽略 σ′' },
  sigmaForSigmaPrime: { en: 'uses σ for σ′', zh: '把 σ 当成 σ′' },
  oneSampleForBatch: { en: 'uses one sample for the batch', zh: '用一个样本代替整批' },
  sumNotMean: { en: 'sums where the cost takes the mean', zh: '求和而不是求平均' },
  productOfMeans: { en: 'multiplies the means', zh: '把平均值相乘' },
  weightSignNotDelta: { en: "reads the weight's sign, not δ's", zh: '看权重的符号而不是 δ 的符号' },
  hiddenSignIgnored: { en: "BP2's sign through w ignored", zh: '忽略了 BP2 中经由 w 的符号' },
  largeActivation: {
    en: 'takes a large activation for a large |δ|',
    zh: '把大的激活值当成大的 |δ|',
  },
  overshoot: { en: 'overshoots where the curve bends', zh: '在曲线弯曲处推过头' },
  linearAlways: { en: 'trusts δΔz far from Δz = 0', zh: '在远离 Δz = 0 处仍相信 δΔz' },
  weightIgnoresActivation: { en: 'a weight move that ignores a_k', zh: '调权重时忽略了 a_k' },
  noBias: { en: 'forgets the bias', zh: '忘了偏置' },
  zForA: { en: 'confuses z and a = σ(z)', zh: '混淆 z 与 a = σ(z)' },
  swappedIndices: { en: 'reads w_jk as w_kj', zh: '把 w_jk 读成 w_kj' },
  noHalf: { en: 'forgets the ½ of the cost', zh: '忘了代价中的 ½' },
  normNotSquare: { en: 'uses ‖y − a‖ for its square', zh: '用 ‖y − a‖ 代替其平方' },
  dotNotHadamard: { en: 'takes ⊙ for the dot product', zh: '把 ⊙ 当成点积' },
  addsNotMultiplies: { en: 'adds where ⊙ multiplies', zh: '把 ⊙ 当成加法' },
  flippedError: { en: 'uses y − a for a − y', zh: '用 y − a 代替 a − y' },
  onePathOnly: { en: "keeps one path of BP2's sum", zh: '只取 BP2 求和中的一条路径' },
  biasTimesActivation: { en: 'multiplies ∂C/∂b by an activation', zh: '给 ∂C/∂b 多乘了激活值' },
  nudgeNotBias: { en: 'does not see a nudge as a bias change', zh: '没看出推动 z 就是改偏置' },
  outputActivation: { en: 'uses a_j for a_k in BP4', zh: 'BP4 中用 a_j 代替 a_k' },
  deltaIsDeltaC: { en: 'takes δ for ΔC', zh: '把 δ 当成 ΔC' },
  signOnly: { en: 'looks at the sign, not |δ|', zh: '只看符号不看 |δ|' },
  deltaKeepsSize: { en: 'thinks δ keeps its size going back', zh: '以为 δ 向后传播时大小不变' },
  shrinksOnce: { en: 'counts σ′ ≤ ¼ once, not per layer', zh: '只算一次 σ′ ≤ ¼，而非每层一次' },
};
