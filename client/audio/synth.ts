import { muted } from '../state/mute.ts';
import { EFFECTS, type Effect } from './effects.ts';

/** Master volume: effects sit under speech and a teacher's voice. */
const VOLUME = 0.35;
/** Seconds of attack: short enough to click-free, long enough not to pop. */
const ATTACK = 0.008;

let ctx: AudioContext | null = null;
let master: GainNode | null = null;

/** Whether the page has had a click, tap or key press: browsers allow sound only after one. */
function activated(): boolean {
  const ua = (navigator as Navigator & { userActivation?: { hasBeenActive: boolean } })
    .userActivation;
  return ua ? ua.hasBeenActive : false;
}

/**
 * The audio context, created on the first effect after the page has had a
 * user gesture and never before, so nothing plays (and no browser warns)
 * until the player has touched the game.
 */
function context(): AudioContext | null {
  if (!ctx) {
    if (!activated() || typeof AudioContext === 'undefined') return null;
    try {
      ctx = new AudioContext();
    } catch {
      // no audio device or not allowed: the game plays silently
      return null;
    }
    master = ctx.createGain();
    master.gain.value = VOLUME;
    master.connect(ctx.destination);
  }
  if (ctx.state === 'suspended') void ctx.resume();
  return ctx;
}

/** Plays one effect now, unless muted or before any user gesture. Returns whether it was scheduled. */
export function play(effect: Effect): boolean {
  if (muted()) return false;
  const ac = context();
  if (!ac || !master) return false;
  const t0 = ac.currentTime + 0.01;
  for (const n of EFFECTS[effect]) {
    const osc = ac.createOscillator();
    const env = ac.createGain();
    osc.type = n.wave;
    osc.frequency.setValueAtTime(n.freq, t0 + n.at);
    if (n.to) osc.frequency.exponentialRampToValueAtTime(n.to, t0 + n.at + n.dur);
    // Attack, then an exponential fade to silence (exponential ramps cannot reach 0 itself).
    env.gain.setValueAtTime(0.0001, t0 + n.at);
    env.gain.exponentialRampToValueAtTime(n.gain, t0 + n.at + ATTACK);
    env.gain.exponentialRampToValueAtTime(0.0001, t0 + n.at + n.dur);
    osc.connect(env).connect(master);
    osc.start(t0 + n.at);
    osc.stop(t0 + n.at + n.dur + 0.02);
  }
  // Headless browsers have no speakers: an e2e test that set this list reads what played.
  (window as Window & { bdSounds?: Effect[] }).bdSounds?.push(effect);
  return true;
}
