import { image, type MnistData, testBatch, testIndex } from '#shared/data/mnist';
import {
  BOOK_CHAPTER,
  BOOK_EPOCHS,
  MNIST_BATCH,
  MNIST_ETA,
  MNIST_PRESETS,
  type MnistPresetName,
  type MnistRunSpec,
} from '#shared/data/mnistTraining';
import type { Batch } from '#shared/engine/batch';
import type { CostName } from '#shared/engine/costs';
import { createNetwork, type Network } from '#shared/engine/network';
import { Rng } from '#shared/engine/rng';
import { onLangChange } from '../i18n/index.ts';
import { el, setText } from '../ui/format.ts';
import { DemonPanel } from './demonPanel.ts';
import { digitCanvas, drawDigit } from './digitImage.ts';
import { Gallery } from './gallery.ts';
import { keepMnistTranslated, mt } from './i18n.ts';
import { NetworkView } from './networkView.ts';
import { ProgressPanel } from './progressPanel.ts';
import type { FromWorker, Params, ToWorker } from './protocol.ts';
import { type Reading, readDigit } from './readDigit.ts';

/**
 * The lab once the digits are here: settings, training in a worker, the
 * network reading one test digit, the demon's nudge, and the digits read
 * wrong. The page keeps a copy of the network that each snapshot overwrites,
 * and does only one digit's forward and backward pass per redraw.
 */
export class Lab {
  readonly root: HTMLElement;
  private readonly worker: Worker;
  private readonly test: Batch;
  private spec: MnistRunSpec = { preset: 'small', cost: 'quadratic', seed: 1 };
  private net!: Network;
  private t = 0;
  private j: number | undefined;
  private steps = 0;
  private running = false;
  private dirty = true;
  /** Bumped by every reset; reports about another run are dropped. */
  private run = 0;

  private readonly preset = el('select', { id: 'mnist-preset' });
  private readonly cost = el('select', { id: 'mnist-cost' });
  private readonly seed = el('input', { id: 'mnist-seed', type: 'number', min: '1', value: '1' });
  private readonly status = el('p', { class: 'mnist-status', 'aria-live': 'polite' });
  private readonly settings = el('p', { class: 'note' });
  private readonly progress = new ProgressPanel();
  private readonly digit = digitCanvas('mnist-digit');
  private readonly digitLine = el('p', { class: 'mnist-reading' });
  private readonly layers = el('p', { class: 'note' });
  private readonly netBox = el('div', { class: 'mnist-net-box' });
  private view!: NetworkView;
  private readonly demon: DemonPanel;
  private readonly gallery: Gallery;

  constructor(
    private readonly data: MnistData,
    bytes: Uint8Array<ArrayBuffer>,
  ) {
    this.test = testBatch(data);
    this.worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
    this.worker.onmessage = (e: MessageEvent<FromWorker>) => this.receive(e.data);
    this.send({ type: 'data', bytes: bytes.slice().buffer });
    this.demon = new DemonPanel(() => this.touch());
    this.gallery = new Gallery(data, (t) => this.pickDigit(t));
    const button = (key: Parameters<typeof mt>[0], f: () => void, cls = '') => {
      const b = el('button', { type: 'button', class: cls, 'data-mi18n': key });
      b.addEventListener('click', f);
      return b;
    };
    this.root = el(
      'div',
      { class: 'mnist-lab' },
      el(
        'div',
        { class: 'mnist-col' },
        el(
          'section',
          { class: 'mnist-controls' },
          el(
            'label',
            { class: 'field' },
            el('span', { 'data-mi18n': 'mnist.preset' }),
            this.preset,
          ),
          el('label', { class: 'field' }, el('span', { 'data-mi18n': 'mnist.cost' }), this.cost),
          el('label', { class: 'field' }, el('span', { 'data-mi18n': 'mnist.seed' }), this.seed),
          this.settings,
          el(
            'div',
            { class: 'actions' },
            button('mnist.newNetwork', () => this.reset()),
            button('mnist.trainOne', () => this.train(this.progress.epochCount + 1), 'primary'),
            button('mnist.trainAll', () => this.train(BOOK_EPOCHS)),
            button('mnist.pause', () => this.send({ type: 'pause' })),
          ),
          this.status,
        ),
        this.progress.root,
      ),
      el(
        'div',
        { class: 'mnist-col' },
        el(
          'section',
          { class: 'mnist-reader' },
          el('div', { class: 'mnist-picture' }, this.digit, this.netBox),
          this.digitLine,
          button('mnist.random', () =>
            this.pickDigit((this.t + 1 + Math.floor(Math.random() * 1999)) % 2000),
          ),
          this.layers,
        ),
        this.demon.root,
      ),
      this.gallery.root,
    );
    for (const s of [this.preset, this.cost, this.seed])
      s.addEventListener('change', () => this.reset());
    this.reset();
    keepMnistTranslated(this.root);
    this.renderText();
    onLangChange(() => this.renderText());
    const frame = () => {
      if (this.dirty) this.draw();
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  }

  private send(msg: ToWorker): void {
    this.worker.postMessage(msg);
  }

  private touch(): void {
    this.dirty = true;
  }

  private reset(): void {
    const preset = this.preset.value === 'large' ? 'large' : ('small' as MnistPresetName);
    const cost: CostName = this.cost.value === 'crossEntropy' ? 'crossEntropy' : 'quadratic';
    const seed = Math.max(1, Math.floor(Number(this.seed.value)) || 1);
    this.spec = { preset, cost, seed };
    // The same seed the worker uses: this copy's shape is right before the first snapshot.
    this.net = createNetwork({ sizes: MNIST_PRESETS[preset].sizes, cost }, new Rng(seed));
    if (this.view?.nHidden !== this.net.sizes[1]) {
      this.view = new NetworkView(this.net.sizes[1]!, (j) => this.pickNeuron(j));
      this.netBox.replaceChildren(this.view.root);
      this.j = undefined;
    }
    this.demon.setDz(0);
    this.steps = 0;
    this.progress.reset();
    this.gallery.set([], new Uint8Array(0));
    this.send({ type: 'reset', spec: this.spec, run: ++this.run });
    this.renderEpochs();
    this.renderStatus();
    this.touch();
  }

  private train(until: number): void {
    this.running = true;
    this.send({ type: 'train', until: Math.min(until, BOOK_EPOCHS * 10) });
    this.renderStatus();
  }

  private setParams(p: Params): void {
    for (let l = 1; l < this.net.sizes.length; l++) {
      this.net.w[l] = p.w[l]!;
      this.net.b[l] = p.b[l]!;
    }
  }

  private receive(msg: FromWorker): void {
    if (msg.type === 'error') {
      setText(this.status, msg.message);
      return;
    }
    // A report sent before the last reset reached the worker: another network's numbers.
    if (msg.run !== this.run) return;
    this.setParams(msg.params);
    if (msg.type === 'snapshot') {
      this.steps = msg.steps;
      this.running = msg.running;
      this.progress.addLosses(msg.losses);
    } else {
      this.progress.addEpoch(msg.epoch, msg.accuracy, msg.hash);
      this.gallery.set(msg.wrong, msg.predicted);
      this.renderEpochs();
    }
    this.renderStatus();
    this.touch();
  }

  private pickDigit(t: number): void {
    this.t = t;
    this.demon.setDz(0);
    this.touch();
    this.digit.scrollIntoView?.({ block: 'nearest' });
  }

  private pickNeuron(j: number): void {
    this.j = j;
    this.demon.setDz(0);
    this.touch();
  }

  /** One digit's forward and backward pass and the picture: at most once a frame. */
  private draw(): void {
    this.dirty = false;
    const reading: Reading = readDigit(this.net, this.test, this.t);
    drawDigit(this.digit, image(this.data, testIndex(this.data, this.t)));
    const move = this.demon.render(reading, this.j);
    this.view.update(reading, this.j, move && this.demon.dz !== 0 ? move.aL : undefined);
    setText(
      this.digitLine,
      mt('mnist.digit', {
        n: this.t + 1,
        total: this.data.nTest.toLocaleString('en-US'),
        y: reading.label,
        p: reading.predicted,
      }),
    );
    this.digitLine.dataset['predicted'] = String(reading.predicted);
    this.digitLine.dataset['label'] = String(reading.label);
  }

  /** Texts in the current language: option names and everything below. */
  private renderText(): void {
    const fill = (sel: HTMLSelectElement, opts: [string, string][]) => {
      const v = sel.value;
      sel.replaceChildren(...opts.map(([value, text]) => el('option', { value }, text)));
      sel.value = v || opts[0]![0];
    };
    fill(this.preset, [
      ['small', '[784, 30, 10]'],
      ['large', '[784, 100, 10]'],
    ]);
    fill(this.cost, [
      ['quadratic', mt('mnist.quadratic')],
      ['crossEntropy', mt('mnist.crossEntropy')],
    ]);
    this.renderEpochs();
    this.renderStatus();
    this.gallery.render();
    this.touch();
  }

  /** Texts that follow the epochs and the spec; data-* attributes carry the raw figures for tests. */
  private renderEpochs(): void {
    const { cost } = this.spec;
    this.progress.render(this.spec);
    const ch = BOOK_CHAPTER[cost];
    setText(this.settings, mt('mnist.settings', { eta: MNIST_ETA[cost].toFixed(1), ch }));
    setText(this.layers, mt('mnist.layers', { hidden: this.net.sizes[1]! }));
    const st = this.status.dataset;
    st['epoch'] = String(this.progress.epochCount);
    st['accuracy'] = String(this.progress.lastAccuracy ?? '');
    st['hash'] = this.progress.hash;
  }

  /** Epoch and step counter; data-* attributes carry the raw figures for tests. */
  private renderStatus(): void {
    const per = Math.floor(this.data.nTrain / MNIST_BATCH);
    const done = Math.floor(this.steps / per);
    setText(
      this.status,
      this.running
        ? mt('mnist.epochProgress', { n: done + 1, s: this.steps % per, total: per })
        : mt('mnist.trained', { n: done, s: this.steps }),
    );
    this.status.dataset['steps'] = String(this.steps);
    this.status.dataset['running'] = String(this.running);
  }
}
