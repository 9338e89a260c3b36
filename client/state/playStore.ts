import {
  analyse,
  type Batch,
  batchFromJSON,
  depth,
  type Network,
  networkFromJSON,
  type Trace,
} from '#shared/engine/index';
import type { PuzzleJSON, Show } from '#shared/game/puzzle';
import { SATURATION_THRESHOLD } from '#shared/game/scoring';
import { layoutNetwork, type NetLayout } from './layout.ts';
import type { PassWalk } from './passWalk.ts';
import {
  type MoveResultView,
  type NeuronRef,
  PickMode,
  type Pulse,
  type WeightRef,
} from './playTypes.ts';
import { sampleValue } from './samples.ts';

export {
  type MoveMark,
  type MoveResultView,
  type NeuronRef,
  PickMode,
  type Pulse,
  type WeightRef,
} from './playTypes.ts';

/** Milliseconds the forward pass (or δ's way back) takes to cross one layer. */
export const PULSE_MS_PER_LAYER = 380;

/**
 * The one state of the play view: the network and batch on show, their trace,
 * the player's selection and Δz, and the last move's result. Scenes and DOM
 * overlays read it and subscribe; nothing here knows about Phaser or the DOM.
 */
export class PlayStore {
  network!: Network;
  batch!: Batch;
  trace!: Trace;
  eps = 1;
  show: Show = 'delta';
  mode: PickMode = PickMode.Neuron;
  selected: NeuronRef | null = null;
  selectedWeight: WeightRef | null = null;
  /** Δz (or Δw in weight mode), always within ±ε. */
  dz = 0;
  result: MoveResultView | null = null;
  /** A class round before its reveal: the result shows the player's own move, not the best or the gradient demon's, and hidden δ stays hidden. */
  answerHidden = false;
  /** True after a move, until the next puzzle or move opens. */
  locked = false;
  /** Neurons whose δ must be worked out by hand before a move (hand-backprop level). */
  marked: NeuronRef | null = null;
  /** Layers the player may pick from (all of 1…L when null). */
  allowedLayers: readonly number[] | null = null;
  /** A neuron looked at after a move: inspectable, not movable; the move stays on `selected`. */
  inspected: NeuronRef | null = null;
  pulses: Pulse[] = [];
  /** The backprop step-through over this network, when the view offers one. */
  walk: PassWalk | null = null;
  layout: NetLayout = layoutNetwork([1, 1], 320, 240);
  private size = { width: 320, height: 240 };
  /** Bumped on every change, so views redraw only when something moved. */
  version = 0;
  private readonly listeners = new Set<() => void>();

  subscribe(f: () => void): () => void {
    this.listeners.add(f);
    return () => this.listeners.delete(f);
  }

  protected changed(): void {
    this.version++;
    for (const f of this.listeners) f();
  }

  /** Shows a puzzle as it comes over the wire (or from a level). */
  setPuzzle(json: PuzzleJSON): void {
    const net = networkFromJSON(json.network);
    const sizes = net.sizes;
    this.load(
      net,
      batchFromJSON(json.batch, sizes[0]!, sizes[sizes.length - 1]!),
      json.eps,
      json.show,
    );
  }

  load(network: Network, batch: Batch, eps: number, show: Show): void {
    this.network = network;
    this.batch = batch;
    this.eps = eps;
    this.show = show;
    this.trace = analyse(network, batch);
    this.layout = layoutNetwork(network.sizes, this.size.width, this.size.height);
    this.selected = null;
    this.selectedWeight = null;
    this.dz = 0;
    this.result = null;
    this.locked = false;
    this.marked = null;
    this.inspected = null;
    // A walk through the old network's pass would show numbers of another network.
    this.walk?.close();
    this.pulse('forward');
    this.changed();
  }

  /** The stage changed size: lay the network out again. */
  resize(width: number, height: number): void {
    this.size = { width, height };
    if (this.network) this.layout = layoutNetwork(this.network.sizes, width, height);
    this.changed();
  }

  /** Runs the trace again after the network changed in place (SGD, a kept nudge). */
  refresh(): void {
    this.trace = analyse(this.network, this.batch);
    this.changed();
  }

  get L(): number {
    return depth(this.network);
  }

  /** Whether δ of layer l is on show. */
  deltaVisible(l: number): boolean {
    if (l < 1) return false;
    if (this.result && !this.answerHidden) return true;
    if (this.show === 'delta') return true;
    return this.show === 'nextLayer' && l === this.L;
  }

  /** Neuron (Δz) or weight (Δw) moves; switching clears the pick and Δz. */
  setMode(mode: PickMode): void {
    this.mode = mode;
    this.selected = null;
    this.selectedWeight = null;
    this.dz = 0;
    this.changed();
  }

  /** Whether neurons of layer l may be picked (neuron j of it, when given: it must exist). */
  pickable(l: number, j?: number): boolean {
    if (!(l >= 1 && l <= this.L) || (this.allowedLayers && !this.allowedLayers.includes(l)))
      return false;
    return j === undefined || (j >= 0 && j < this.network.sizes[l]!);
  }

  select(l: number, j: number): void {
    if (this.locked || !this.pickable(l, j) || j < 0 || j >= this.network.sizes[l]!) return;
    // A tap's pointerdown picks and its click picks again: the second changes nothing, so it draws nothing.
    const same = this.selected?.l === l && this.selected.j === j;
    if (same && !this.selectedWeight && !this.inspected) return;
    this.selected = { l, j };
    this.selectedWeight = null;
    this.inspected = null;
    this.changed();
  }

  /** Looks at a neuron without moving it: after a move, or one the level does not let you move. */
  inspect(l: number, j: number): void {
    if (!(l >= 1 && l <= this.L) || j < 0 || j >= this.network.sizes[l]!) return;
    this.inspected = this.selected?.l === l && this.selected.j === j ? null : { l, j };
    this.changed();
  }

  /** The neuron the inspector shows: the one looked at, else the one picked. */
  get focus(): NeuronRef | null {
    return this.inspected ?? this.selected;
  }

  selectWeight(l: number, j: number, k: number): void {
    if (this.locked || l < 1 || l > this.L) return;
    if (j < 0 || j >= this.network.sizes[l]! || k < 0 || k >= this.network.sizes[l - 1]!) return;
    this.selectedWeight = { l, j, k };
    this.selected = null;
    this.changed();
  }

  /** Arrow keys: up/down within a layer, left/right between layers 1…L. */
  moveSelection(dl: number, dj: number): void {
    if (this.locked) {
      this.moveInspection(dl, dj);
      return;
    }
    const layers = Array.from({ length: this.L }, (_, i) => i + 1).filter((l) => this.pickable(l));
    if (layers.length === 0) return;
    if (!this.selected) {
      const l = layers[layers.length - 1]!;
      const j = Array.from({ length: this.network.sizes[l]! }, (_, i) => i).find((i) =>
        this.pickable(l, i),
      );
      this.select(l, j ?? 0);
      return;
    }
    const cur = this.selected;
    const at = layers.indexOf(cur.l);
    const l = layers[Math.min(layers.length - 1, Math.max(0, at + dl))]!;
    const n = this.network.sizes[l]!;
    // Skip neurons the level does not let you move, in the direction of travel.
    const step = dj === 0 ? 1 : dj;
    let j = dl !== 0 ? Math.min(cur.j, n - 1) : (cur.j + dj + n) % n;
    for (let i = 0; i < n && !this.pickable(l, j); i++) j = (j + step + n) % n;
    this.select(l, j);
  }

  /** Arrow keys after a move: walk the inspector over every neuron of layers 1…L; nothing moves. */
  private moveInspection(dl: number, dj: number): void {
    const cur = this.focus ?? { l: this.L, j: 0 };
    const l = Math.min(this.L, Math.max(1, cur.l + dl));
    const n = this.network.sizes[l]!;
    const j = dl !== 0 ? Math.min(cur.j, n - 1) : (cur.j + dj + n) % n;
    this.inspect(l, j);
  }

  /**
   * Arrow keys in weight mode: up/down step through the weights into one
   * layer (w^l_jk in the order j, then k), left/right go to the layer before
   * or after; the first press picks the first weight into the output layer.
   */
  moveWeightSelection(dl: number, dk: number): void {
    const L = this.L;
    const cur = this.selectedWeight;
    if (!cur) {
      this.selectWeight(L, 0, 0);
      return;
    }
    const l = Math.min(L, Math.max(1, cur.l + dl));
    const nIn = this.network.sizes[l - 1]!;
    const count = this.network.sizes[l]! * nIn;
    const at = l === cur.l ? cur.j * nIn + cur.k : 0;
    const next = (((at + dk) % count) + count) % count;
    this.selectWeight(l, Math.floor(next / nIn), next % nIn);
  }

  setDz(v: number): void {
    if (this.locked || !Number.isFinite(v)) return;
    const dz = Math.min(this.eps, Math.max(-this.eps, v));
    if (dz === this.dz) return;
    this.dz = dz;
    this.changed();
  }

  /** + and −: a tenth of the budget at a time. */
  stepDz(sign: 1 | -1): void {
    this.setDz((Math.round((this.dz / this.eps + sign * 0.1) * 10) / 10) * this.eps);
  }

  /** δ̄ of a neuron from the trace. */
  deltaBar(l: number, j: number): number {
    return this.trace.deltaBar[l]![j]!;
  }

  /** Batch mean of a per-sample quantity of layer l (z, a, σ', δ). */
  mean(field: 'z' | 'a' | 'sp' | 'delta', l: number, j: number): number {
    const nl = this.network.sizes[l]!;
    const arr = this.trace[field][l]!;
    let s = 0;
    for (let x = 0; x < this.trace.n; x++) s += sampleValue(arr, nl, x, j);
    return s / this.trace.n;
  }

  /**
   * Whether a neuron is asleep: its mean σ′(z) is below the threshold *and*
   * σ′ enters its δ. It does not at a sigmoid output under cross-entropy,
   * where δ^L = a^L − y (BP1 with σ′ cancelled), nor for a linear layer.
   */
  asleep(l: number, j: number): boolean {
    const net = this.network;
    if (l < 1 || net.act[l] === 'linear') return false;
    if (l === this.L && net.cost === 'crossEntropy' && net.act[l] === 'sigmoid') return false;
    return this.mean('sp', l, j) < SATURATION_THRESHOLD;
  }

  /** Whether a^l_k = 0 on every sample: then ∂C/∂w = a_k δ_j = 0 for each weight it feeds (BP4). */
  inactiveInput(l: number, k: number): boolean {
    return this.zeroInputs(l, k) === this.trace.n;
  }

  /** Samples on which a^l_k = 0. */
  zeroInputs(l: number, k: number): number {
    const n = this.network.sizes[l]!;
    let zeros = 0;
    for (let x = 0; x < this.trace.n; x++)
      if (sampleValue(this.trace.a[l]!, n, x, k) === 0) zeros++;
    return zeros;
  }

  /** The movable neuron with the largest |δ̄|: what "a neuron with a bigger |δ̄|" refers to. */
  biggestDelta(): (NeuronRef & { d: number }) | null {
    let best: (NeuronRef & { d: number }) | null = null;
    for (let l = 1; l <= this.L; l++) {
      for (let j = 0; j < this.network.sizes[l]!; j++) {
        if (!this.pickable(l, j)) continue;
        const d = this.deltaBar(l, j);
        if (!best || Math.abs(d) > Math.abs(best.d)) best = { l, j, d };
      }
    }
    return best;
  }

  /** The preview δ̄Δz, where δ is on show. */
  preview(): number | null {
    const s = this.selected;
    if (!s || !this.deltaVisible(s.l)) return null;
    return this.deltaBar(s.l, s.j) * this.dz;
  }

  /** Shows a judged move: the view draws it, the best move and the gradient demon's. */
  showResult(r: MoveResultView): void {
    this.result = r;
    this.locked = true;
    this.pulse('backward');
    this.changed();
  }

  /** Opens the next move on the same puzzle (the network may have changed in place). */
  nextMove(): void {
    this.result = null;
    this.locked = false;
    this.inspected = null;
    this.dz = 0;
    this.trace = analyse(this.network, this.batch);
    this.pulse('forward');
    this.changed();
  }

  pulse(kind: Pulse['kind']): void {
    const now = globalThis.performance?.now() ?? 0;
    this.pulses =
      kind === 'forward' ? [{ kind, start: now }] : [...this.pulses, { kind, start: now }];
  }
}
