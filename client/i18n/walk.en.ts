/** English strings of the backprop step-through and the demon; every key also exists in walk.zhCN.ts. */
export const walkEn = {
  'walk.open': 'Watch backprop',
  'walk.openExample': 'Watch backprop on an example',
  'walk.title': 'Watch backprop, step by step',
  'walk.play': 'Play',
  'walk.pause': 'Pause',
  'walk.next': 'Step',
  'walk.back': 'Back',
  'walk.close': 'Close',
  'walk.speed': 'Speed',
  'walk.numbers': 'Numbers of',
  'walk.mean': 'batch mean (n = {n})',
  'walk.sample': 'sample {x}',
  'walk.steps': 'Steps of the pass',
  'walk.example':
    'A worked example on a network like this level’s. Your puzzle starts when you close it.',
  'walk.toPuzzle': 'To the puzzle',
  'walk.step.forward': 'Forward · layer {l}',
  'walk.step.bp1': 'BP1 · output layer L',
  'walk.step.bp2': 'BP2 · layer {l}',
  'walk.step.bp3': 'BP3 · ∂C/∂b',
  'walk.step.bp4': 'BP4 · ∂C/∂w',
  'walk.step.demon': 'The demon nudges',
  'walk.say.forward':
    'Each neuron of layer {l} weighs the activations of layer {lp}, adds its bias to get z, and squashes z into a = σ(z).',
  'walk.say.bp1':
    'The error starts at the output: how fast C changes with a, times how fast a changes with z.',
  'walk.say.bp2':
    'δ of layer {l} comes back from layer {ln}: the δ there flows along the weights, then σ′(z) here scales it.',
  'walk.say.bp3': 'A bias adds straight to z, so its gradient is δ itself.',
  'walk.say.bp4':
    'A weight’s gradient is the activation it carries times the δ it feeds: weights out of quiet neurons barely learn.',
  'walk.say.demon':
    'The demon sits where |δ| is largest and adds Δz against its sign: the cost moves by about δ·Δz.',
  'walk.focus': 'Written out for {what}.',
  'demon.label': 'The demon',
  'demon.happy': 'The demon is pleased: the cost fell.',
  'demon.grimace': 'The demon winces: the cost rose.',
} as const;

export type WalkKey = keyof typeof walkEn;
