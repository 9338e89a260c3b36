/** English: the reference dictionary; every key here must exist in every language. Math between $…$ is typeset. */
export const en = {
  'app.title': 'Backprop Demon',
  'app.tagline':
    'Be the demon inside the network: nudge a neuron’s z and the cost moves by about δ·Δz.',
  'home.codeInvalid': 'A game code is 6 digits.',
  'home.solo': 'Play the solo campaign',
  'home.sandbox': 'Open the sandbox',
  'home.host': 'Host a class game',
  'home.offline': 'The campaign and the sandbox run in your browser, even offline.',
  'nav.home': 'Home',
  'nav.levels': 'Levels',
  'nav.sandbox': 'Sandbox',
  'motion.reduce': 'Reduce motion',
  'theme.label': 'Colours',
  'theme.standard': 'Standard colours',
  'theme.contrast': 'High contrast',
  'sound.mute': 'Mute',
  'campaign.title': 'Campaign',
  'campaign.locked': 'Locked: earn 1 star on the level before it to open it',
  'campaign.level': 'Level {n}',
  'campaign.start': 'Start',
  'campaign.next': 'Next level',
  'campaign.retry': 'Try again',
  'campaign.back': 'All levels',
  'campaign.recap': 'What you learned',
  'campaign.moveOf': 'Move {n} of {total}',
  'campaign.nextMove': 'Next move',
  'campaign.stars': '{n} of 3 stars',
  'campaign.finished': 'Level done',
  'campaign.meanQ': 'Mean quality {q}',
  'play.cost': 'Cost C = {c}',
  'play.budget': 'Budget ε = {e}',
  'play.pick': 'Pick a neuron: click or tap it.',
  'play.pickWeight': 'Pick a weight: click or tap the handle on a line.',
  'play.dz': 'Δz',
  'play.dw': 'Δw',
  'play.preview': 'Predicted ΔC ≈ δ̄·Δz = {v}',
  'play.previewW': 'Predicted ΔC ≈ (∂C/∂w)·Δw = {v}',
  'play.submit': 'Nudge',
  'play.keys': 'Keys: arrows pick a neuron, + and − set Δz, Enter nudges.',
  'play.neuron': 'neuron {j} of layer {l}',
  'play.weight': 'weight from neuron {k} of layer {lp} to neuron {j} of layer {l}',
  'play.outputs': 'Output a vs target y',
  'play.asleep': 'asleep',
  'inspect.title': 'Neuron {j} of layer {l}',
  'inspect.z': 'weighted input',
  'inspect.a': 'activation',
  'inspect.sp': 'mean slope',
  'inspect.b': 'bias',
  'inspect.delta': 'error',
  'inspect.hiddenDelta': 'δ is hidden in this level: work it out.',
  'hand.prompt':
    'Type {d}, the batch mean of {dx}(x) over the {n} samples (BP1 for each sample’s δ at the output, then BP2). Accepted within ±{rel} % of the true value, or ±{abs} when it is tiny.',
  'hand.answer': 'Your {d}',
  'hand.check': 'Check',
  'hand.right': 'Right: δ̄ = {d}. Now nudge.',
  'hand.wrong':
    'Not quite: {v} is off by more than the tolerance (try {n}). Check the sign and σ′(z), then try again.',
  'result.actual': 'Actual ΔC',
  'result.predicted': 'Predicted δ̄Δz',
  'result.quality': 'Quality q',
  'result.points': 'Points',
  'result.best': 'Best move: {who}, Δz = {dz}, ΔC = {dc}',
  'result.gradient': 'Gradient demon: {who}, Δz = {dz}, ΔC = {dc}',
  'result.legendBest': 'best move',
  'result.legendGradient': 'gradient demon',
  'reason.best': '{dn} = {d}, so ΔC ≈ δ̄Δz = {d}·({dz}) = {p} (actual {a}): as good as it gets.',
  'reason.wrongSign':
    '{dn} = {d}, so ΔC ≈ δ̄Δz = {d}·({dz}) = {p} (actual {a}). Nudge the other way: Δz against the sign of δ̄.',
  'reason.saturated':
    'Mean σ′(z) = {sp} here, so {dn} = {d} and ΔC ≈ δ̄Δz = {p} (actual {a}): this neuron is asleep, pick an awake one.',
  'reason.smallDelta':
    '{dn} = {d} gives ΔC ≈ δ̄Δz = {p} (actual {a}), but |{gn}| = {gabs} is larger: the same budget moves C more there.',
  'reason.overshoot':
    '{dn} = {d}: the line promised ΔC ≈ δ̄Δz = {p}, the curve gave {a}, so Δz = {dz} went past the dip; the best move was Δz = {bdz} at {bw} (ΔC = {bdc}).',
  'reason.undershoot':
    '{dn} = {d}, so ΔC ≈ δ̄Δz = {p} (actual {a}): right neuron and sign, but Δz = {bdz} would have given ΔC = {bdc}.',
  'reason.noMove':
    'Δz = 0 changes nothing: ΔC ≈ δ̄·0 = 0. Set Δz with the slider, by dragging the neuron, or with + and −.',
  'reason.weight':
    '∂C/∂{wn} = (1/n)Σₓ a·δ = {d}, so ΔC ≈ (∂C/∂w)Δw = {d}·({dz}) = {p} (actual {a}).',
  'race.you': 'Your total ΔC {you}',
  'race.gradient': 'Gradient demon total ΔC {g}',
  'samples.title': 'Each sample’s ΔCₓ after your move',
  'sandbox.title': 'Sandbox',
  'sandbox.dataset': 'Data set',
  'sandbox.layers': 'Hidden layers',
  'sandbox.activation': 'Activation',
  'sandbox.cost': 'Cost',
  'sandbox.eta': 'Learning rate η',
  'sandbox.eps': 'Budget ε',
  'sandbox.rebuild': 'New network',
  'sandbox.play': 'Play',
  'sandbox.pause': 'Pause',
  'sandbox.step': 'Step',
  'sandbox.steps': 'Steps {n}',
  'sandbox.loss': 'Loss {c}',
  'sandbox.lossCurve': 'Loss curve',
  'sandbox.boundary': 'Decision boundary',
  'sandbox.diverged': 'SGD diverged: lower η.',
  'sandbox.nudgeNeuron': 'Nudge neuron',
  'sandbox.nudgeWeight': 'Nudge weight',
  'sandbox.applied': 'Applied: ΔC = {dc}',
  'sandbox.badLayers': 'Hidden layers: numbers from 1 to 32, separated by commas.',
  'opt.quadratic': 'quadratic',
  'opt.crossEntropy': 'cross-entropy',
  'opt.sigmoid': 'sigmoid',
  'opt.tanh': 'tanh',
  'opt.relu': 'ReLU',
  'opt.linear': 'linear',
  'ds.and': 'AND',
  'ds.or': 'OR',
  'ds.xor': 'XOR',
  'ds.circle': 'circle',
  'ds.spirals': 'two spirals',
  'ds.clusters': 'two clusters',
  'ds.digits': '5×5 digits',
  'ds.mnist': 'MNIST (real handwriting): opens the lab',
  'level.outputDemon.title': 'The output demon',
  'level.outputDemon.intro':
    "You sit at the output neuron. Its error $\\delta^L = (a^L - y)\\,\\sigma'(z^L)$ (BP1) is shown. Adding $\\Delta z$ changes the cost by about $\\delta\\,\\Delta z$: pick the sign of $\\Delta z$ that makes it negative.",
  'level.outputDemon.recap':
    'The sign rule: $\\Delta C \\approx \\delta\\,\\Delta z$, so a good demon nudges against the sign of $\\delta$.',
  'level.predictSign.title': 'Predict the sign',
  'level.predictSign.intro':
    "Now δ is hidden. You see $a^L$, the target $y$ and $\\sigma'(z^L)$. BP1 gives $\\delta^L = (a^L - y)\\,\\sigma'(z^L)$; since $\\sigma' > 0$, the sign of $\\delta$ is the sign of $a^L - y$.",
  'level.predictSign.recap': 'Output above target: δ > 0, nudge down. Below: nudge up.',
  'level.asleepAtEdges.title': 'Asleep at the edges',
  'level.asleepAtEdges.intro':
    "Some hidden neurons have $|z|$ so large that $\\sigma'(z) \\approx 0$: they are saturated, marked “asleep”. Since $\\delta = (\\ldots)\\,\\sigma'(z)$, nudging them barely moves the cost. Find an awake neuron.",
  'level.asleepAtEdges.recap':
    "A saturated neuron learns slowly: its $\\sigma'(z)$ multiplies δ down to almost nothing.",
  'level.oneLayerBack.title': 'One layer back',
  'level.oneLayerBack.intro':
    "Hidden δ is hidden; the output δ and the weights are shown. BP2: $\\delta^l = ((w^{l+1})^T \\delta^{l+1}) \\odot \\sigma'(z^l)$. For a hidden neuron of [2,3,1], sample by sample: $\\delta^2_j = w^L_{1j}\\,\\delta^L_1\\,\\sigma'(z^2_j)$, and δ̄ is their mean. The best lever here is a hidden neuron.",
  'level.oneLayerBack.recap':
    "δ flows backwards: through the weight $w$, times the slope $\\sigma'(z)$.",
  'level.hunt.title': 'Hunt the biggest |δ|',
  'level.hunt.intro':
    'A whole network, a budget $|\\Delta z| \\le \\varepsilon$. With one move, the most you can gain is about $\\varepsilon\\,|\\delta|$: find the neuron with the largest $|\\delta|$.',
  'level.hunt.recap':
    'Under a small budget, the best demon is where $|\\delta|$ is largest: that is the steepest direction.',
  'level.lineLies.title': 'When the line lies',
  'level.lineLies.intro':
    'The budget is large: $\\varepsilon = 4$. $\\delta\\,\\Delta z$ is only a tangent line; the cost is a curve. Push too far and the output overshoots its targets: the full budget raises the cost here. Pick the largest $|\\delta|$, but spend about half of ε, then compare predicted and actual ΔC.',
  'level.lineLies.recap':
    '$\\Delta C \\approx \\delta\\,\\Delta z$ holds for small Δz only: it is the first term of a Taylor series.',
  'level.biasLever.title': 'Bias is the demon’s lever',
  'level.biasLever.intro':
    'A nudge of every sample’s $z^l_j$ by $\\Delta z$ is exactly $b^l_j \\to b^l_j + \\Delta z$, and BP3 says $\\partial C/\\partial b^l_j = \\delta^l_j$. Three moves: each one stays in the bias, and the head line adds up the Δb you kept. After each move δ̄ is new: read it again.',
  'level.biasLever.recap':
    'BP3: $\\partial C/\\partial b = \\delta$. The demon’s move is a bias change.',
  'level.weightsToo.title': 'Weights too',
  'level.weightsToo.intro':
    'Now nudge a weight instead. BP4: $\\partial C/\\partial w^l_{jk} = a^{l-1}_k\\,\\delta^l_j$, averaged over the samples. Pick a weight by its handle (or the arrow keys): the inspector shows $a^{l-1}_k$, $\\delta^l_j$ and their product. An input that is 0 (marked a = 0) makes every term 0: its weight cannot learn.',
  'level.weightsToo.recap':
    'BP4: a weight learns in proportion to the activation feeding it and the δ it feeds.',
  'level.manySamples.title': 'Many samples',
  'level.manySamples.intro':
    'The cost is a mean: $C = \\frac{1}{n}\\sum_x C_x$, and δ̄ is the mean of the samples’ δ. A nudge that helps one sample can hurt another; after your move the bars show each sample’s $\\Delta C_x$ and their mean.',
  'level.manySamples.recap':
    'Backprop runs per sample; the gradient of C is the average of the samples’ gradients.',
  'level.raceGradient.title': 'Race the gradient',
  'level.raceGradient.intro':
    'Three moves against the gradient demon, who always plays $\\Delta z = -\\varepsilon\\,\\mathrm{sign}(\\delta)$ at the largest $|\\delta|$. Each of your moves stays in the network; the demon plays its own copy from the same start. Stars come from the margin of your whole run against the demon’s: a tie earns 2, beating it by 5 % earns 3. Can you beat first-order thinking?',
  'level.raceGradient.recap':
    'The gradient is a fine guide for small steps; looking at the actual curve can beat it.',
  'level.deepTrouble.title': 'Deep trouble',
  'level.deepTrouble.intro':
    "Five sigmoid layers. Each step back multiplies δ by a weight and by $\\sigma'(z) \\le \\tfrac14$: δ vanishes in the early layers. Where is a nudge still worth anything?",
  'level.deepTrouble.recap':
    "Vanishing gradients: by BP2, each layer back multiplies δ by a weight and by $\\sigma'(z) \\le \\tfrac14$, so the early layers of a deep sigmoid net learn slowly. What helps: activations that do not saturate (ReLU), careful initialisation of the weights, and skip connections that carry δ back past layers (the chapter’s cross-layer connections, as in ResNet). Cross-entropy only removes σ′ from $\\delta^L$ at the output; the hidden layers’ σ′ stay.",
  'level.handBackprop.title': 'Hand backprop',
  'level.handBackprop.intro':
    "Only the forward pass is shown, with a table of every sample’s $a^L$, $y$ and $\\sigma'$ and the weights on the path. Compute δ̄ of the marked hidden neuron yourself: BP1 at the output for each sample, BP2 one layer back, then the mean over the samples. Then nudge with what you know.",
  'level.handBackprop.recap':
    'You did backpropagation by hand: BP1 for the output, BP2 to go back, BP3 and BP4 for the gradients.',
  'level.realDigits.title': 'The book’s network, real digits',
  'level.realDigits.intro':
    "The book’s own network, [784, 30, 10], trained for one epoch on 8,000 real MNIST digits: about 90 % of the test digits read right, but not this one. Layer 1 is the digit’s 784 pixels; you may nudge only the 30 hidden neurons of layer 2, three moves of $|\\Delta z| \\le 1$, each kept as a bias change. Which hidden neuron matters for this digit? BP1 gives the outputs’ error $\\delta^L = (a^L - y) \\odot \\sigma'(z^L)$: the misread digit’s output is too high, the written one’s too low. BP2 carries it back: $\\delta^2_j = \\sigma'(z^2_j)\\sum_d w^L_{dj}\\,\\delta^L_d$, large where neuron j feeds the wrong outputs strongly and is not asleep. Nudge the largest $|\\delta^2_j|$ against its sign, and read δ again after each move.",
  'level.realDigits.recap':
    '$\\delta^L$ says which outputs are wrong and by how much; BP2 turns it into each hidden neuron’s share of the blame for this one digit. Training does the same for all 8,000 digits at once: each SGD step moves every bias by $-\\eta\\,\\bar\\delta$ (BP3).',
  'campaign.unlockRule': 'A level opens once the level before it has at least 1 star.',
  'campaign.unlocked': 'With a star here, the next level is open.',
  'campaign.needStar': 'The next level opens at 1 star: try again.',
  'play.keysW': 'Keys: arrows pick a weight, + and − set Δw, Enter nudges.',
  'play.inspectOnly': 'look only: this neuron cannot be moved now',
  'play.inactive': 'Its input is 0 on every sample: ∂C/∂w = a·δ = 0, this weight cannot learn.',
  'inspect.titleOut': 'Neuron {j} of layer {l} (output layer L)',
  'inspect.titleW': 'Weight {w}: from neuron {k} of layer {lp} to neuron {j} of layer {l}',
  'inspect.meanOf': 'Batch means over the {n} samples (bar = mean)',
  'inspect.oneSample': 'One sample',
  'inspect.w': 'weight',
  'inspect.aIn': 'input activation',
  'inspect.wOut': 'weights to the next layer',
  'inspect.asleep':
    'Asleep: mean σ′(z) is below 0.02 and σ′ multiplies this δ, so nudging here barely moves C.',
  'inspect.eqBP1': 'BP1 for this neuron, with its numbers',
  'inspect.eqBP2': 'BP2 for this neuron, with its numbers',
  'inspect.perSample': 'Per sample ({n})',
  'inspect.sample': 'sample',
  'inspect.firstRows': 'The first {k} of {n} samples.',
  'inspect.inactive':
    '{a} = 0 on every sample: each term a·δ of ∂C/∂w is 0, so this weight cannot learn.',
  'result.predictedW': 'Predicted (∂C/∂w)Δw',
  'result.bestW': 'Best move: {who}, Δw = {dz}, ΔC = {dc}',
  'fb.atNeuron': 'neuron {j} of layer {l}',
  'reason.smallDeltaHidden':
    '{dn} = {d} gives ΔC ≈ δ̄Δz = {p} (actual {a}), but another neuron you could pick has a larger |δ̄|.',
  'reason.overshootHidden':
    '{dn} = {d}: the line promised ΔC ≈ δ̄Δz = {p}, the curve gave {a}, so Δz = {dz} went past the dip; a smaller |Δz| does better.',
  'reason.undershootHidden':
    '{dn} = {d}, so ΔC ≈ δ̄Δz = {p} (actual {a}): right neuron and sign, but a larger |Δz| would have lowered C further.',
  'reason.curvature':
    '{dn} = {d} is the largest |δ̄| you could pick and ΔC ≈ δ̄Δz = {p} (actual {a}), but over this budget ΔC is not linear in Δz: the best move was Δz = {bdz} at {bw} (ΔC = {bdc}).',
  'reason.curvatureHidden':
    '{dn} = {d} is the largest |δ̄| you could pick and ΔC ≈ δ̄Δz = {p} (actual {a}), but over this budget ΔC is not linear in Δz: the curve, not the line, decides the best move.',
  'reason.weightWrong':
    '∂C/∂{wn} = (1/n)Σₓ a·δ = {d}, so ΔC ≈ (∂C/∂w)Δw = {d}·({dz}) = {p} (actual {a}). Nudge the other way: Δw against the sign of ∂C/∂w.',
  'plot.title': 'The cost C against {x} for the one you moved',
  'plot.aria':
    'Plot of the cost C against the nudge, with the tangent line, your move and the best move',
  'plot.curve': 'C after {x} at {n}: the curve',
  'plot.tangent': 'tangent C + slope·{x}, slope {s}',
  'plot.move': 'your move, {x} = {v}',
  'plot.best': 'best move, {x} = {v}',
  'plot.other': 'C for the best move’s neuron, where it lies elsewhere',
  'samples.aria': 'Bars of ΔCₓ for {n} samples; batch mean {m}',
  'samples.legend':
    'Down (blue): the move helped that sample; up (vermillion): it hurt. Dashed line: the batch mean ΔC = (1/{n}) Σₓ ΔCₓ = {m}. Axis to ±{max}.',
  'bias.title': 'Kept in the biases so far (BP3):',
  'bias.kept': 'Δ{b} = {db} ({b}: {from} → {to})',
  'bias.none': 'Each move stays in its bias as Δb = Δz; none kept yet.',
  'hand.notNumber': '“{v}” is not a number: type a decimal such as −0.012.',
  'hand.hint':
    'Hint: for each sample, {dl}(x) = (a − y)·σ′(z) at the output (BP1), then {dx}(x) = w·{dl}(x)·σ′(z) (BP2); add the {n} results and divide by {n}.',
  'hand.workedTitle': 'Worked out, sample by sample:',
  'hand.quadratic': 'Cost: quadratic, C = ½(y − a)², so δᴸ = (a − y)·σ′(zᴸ).',
  'hand.crossEntropy': 'Cost: cross-entropy, so δᴸ = a − y.',
  'hand.weights': 'Weights on the path:',
  'campaign.raceMargin':
    'Your run against the gradient demon’s: {m} % (a tie earns 2 stars, +5 % earns 3).',
  'inspect.someZero':
    '{a} = 0 on {z} of the {n} samples: their terms a·δ are 0, so this weight learns nothing from them.',
  'inspect.zeroTerm': '0 (a = 0)',
  'play.onlyLayers':
    'This level lets you move neurons of layer {layers} only; the others can be inspected.',
} as const;

export type MessageKey = keyof typeof en;
