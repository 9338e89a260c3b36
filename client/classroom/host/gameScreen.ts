import { Phase } from '#shared/protocol/codes';
import type { Reveal } from '#shared/protocol/views';
import { secondCue } from '../../audio/phaseCues.ts';
import { type MessageKey, t } from '../../i18n/index.ts';
import { compareList } from '../../ui/compareList.ts';
import { el, num } from '../../ui/format.ts';
import { Countdown } from '../clock.ts';
import { spacedCode } from '../page.ts';
import { revealMisconception } from '../revealMisconception.ts';
import { revealPredictions } from '../revealPredictions.ts';
import { type HostSession, inRound, ownReveal } from '../session.ts';
import { leaderboardTable, ranked } from '../standings.ts';
import { classPicture } from './classPicture.ts';
import type { ClickerAction } from './clicker.ts';
import { LossChart } from './lossChart.ts';
import { HostNetwork } from './network.ts';
import { WhoMoved } from './whoMoved.ts';

/** Leaderboard rows beside the class picture at a reveal: the rest read their rank on their phones. */
const REVEAL_TOP = 8;

export interface GameActions {
  pause(): void;
  resume(): void;
  extend(): void;
  skip(): void;
  endRound(): void;
  next(): void;
  end(): void;
}

type ButtonName = keyof GameActions;
const LABELS: Record<ButtonName, MessageKey> = {
  pause: 'cls.round.pause',
  resume: 'cls.round.resume',
  extend: 'cls.round.extend',
  skip: 'cls.round.skip',
  endRound: 'cls.round.endRound',
  next: 'cls.reveal.next',
  end: 'cls.round.endSession',
};

/** A round and its reveal on the projector: the network large, the clock, the count, the controls. */
export class GameScreen {
  readonly root: HTMLElement;
  private readonly network = new HostNetwork();
  private readonly countdown = new Countdown();
  private readonly title = el('h1', { class: 'round-title' });
  private readonly moved = el('p', { class: 'moved-count', 'aria-live': 'polite' });
  private readonly facts = el('p', { class: 'round-facts' });
  private readonly buttons = {} as Record<ButtonName, HTMLButtonElement>;
  private readonly side = el('aside', { class: 'game-side' });
  private readonly loss = new LossChart();
  private readonly training = el('p', { class: 'training', 'aria-live': 'polite' });
  private readonly under = el('div', { class: 'net-under' });
  private readonly ticks = el('input', { type: 'checkbox', class: 'ticks-toggle' });
  private readonly ticksLabel = el('span', {});
  private readonly who = new WhoMoved();
  private readonly keyHint = el('span', { class: 'key-hint' });
  private readonly walkButton = el('button', { type: 'button', class: 'walk-open' });
  private revealShown = 0;
  private last: HostSession | null = null;

  constructor(actions: GameActions) {
    const controls = el('div', { class: 'game-controls' });
    for (const name of Object.keys(LABELS) as ButtonName[]) {
      const b = el('button', { type: 'button', class: `ctl-${name}` });
      b.addEventListener('click', () => actions[name]());
      this.buttons[name] = b;
      controls.append(b);
      // The clicker's keys beside the button they press.
      if (name === 'next') controls.append(this.keyHint);
    }
    controls.append(this.ticksToggle());
    this.countdown.onSecond = (sec) => secondCue(sec, this.ticks.checked);
    // At the reveal: the round's network, backprop step by step, for the class to watch.
    this.walkButton.addEventListener('click', () => {
      this.side.prepend(this.network.passPanel.root);
      this.network.walk.start(true);
    });
    controls.append(this.walkButton);
    this.buttons.next.classList.add('primary');
    this.buttons.end.classList.add('danger');
    this.relabel();
    this.root = el(
      'section',
      { class: 'host-game' },
      el(
        'div',
        { class: 'game-head' },
        this.title,
        this.countdown.root,
        this.moved,
        this.facts,
        controls,
      ),
      el(
        'div',
        { class: 'game-body' },
        el('div', { class: 'net-col' }, this.network.root, this.under),
        this.side,
      ),
    );
  }

  /** Countdown ticks in a round's last 5 seconds, for a room that wants to hear them; remembered on this projector. */
  private ticksToggle(): HTMLLabelElement {
    this.ticks.checked = readTicks();
    this.ticks.addEventListener('change', () => saveTicks(this.ticks.checked));
    return el('label', { class: 'motion-toggle ticks' }, this.ticks, this.ticksLabel);
  }

  relabel(): void {
    this.ticksLabel.textContent = t('cls.ticks');
    for (const [name, key] of Object.entries(LABELS) as [ButtonName, MessageKey][])
      this.buttons[name].textContent = t(key);
    this.walkButton.textContent = t('walk.open');
    this.revealShown = 0;
  }

  async update(s: HostSession): Promise<void> {
    this.last = s;
    const phase = s.status.phase;
    const r = s.round;
    const open = inRound(phase);
    const lastRound = s.status.round >= s.status.rounds;
    this.title.textContent = t(phase === Phase.Reveal ? 'cls.reveal.title' : 'cls.round.title', {
      n: s.status.round,
      total: s.status.rounds,
    });
    this.countdown.root.hidden = !open;
    if (open) this.countdown.show(s.status.timer);
    else this.countdown.stop();
    this.root.dataset['phase'] = phase;
    this.showCount(s.answered, s.players.length);
    this.moved.hidden = !open;
    if (r)
      this.facts.textContent = `${t('cls.round.cost', { c: num(r.cost, 4) })} · ${t('cls.round.budget', { e: num(r.puzzle.eps, 2) })}`;
    const b = this.buttons;
    b.pause.hidden = phase !== Phase.Question;
    b.resume.hidden = phase !== Phase.Paused;
    b.extend.hidden = !open;
    b.skip.hidden = !open;
    b.endRound.hidden = !open;
    b.next.hidden = phase !== Phase.Reveal;
    this.walkButton.hidden = phase !== Phase.Reveal;
    if (phase !== Phase.Reveal) this.network.walk.close();
    b.next.textContent = t(lastRound ? 'cls.reveal.finish' : 'cls.reveal.next');
    b.next.title = t('cls.reveal.nextKeys');
    this.keyHint.textContent = t('cls.keys.next');
    this.keyHint.hidden = phase !== Phase.Reveal;
    b.pause.title = t('cls.round.pauseKeys');
    b.resume.title = t('cls.round.pauseKeys');
    const reveal = phase === Phase.Reveal ? ownReveal(s) : null;
    if (r) this.network.load(r, reveal);
    if (reveal) {
      if (this.revealShown !== reveal.round) this.showReveal(s, reveal);
    } else {
      this.revealShown = 0;
      this.loss.set(s.lossCurve, s.settings.rounds);
      this.who.render(s.players);
      // The loss curve under the network, so the side keeps its height for the class.
      this.under.replaceChildren(this.loss.root);
      const late =
        s.settings.lateJoin && !s.status.locked
          ? el('p', { class: 'late-join' }, t('cls.round.lateJoin', { code: spacedCode(s.code) }))
          : '';
      this.side.replaceChildren(
        el('p', { class: 'how-to' }, t('cls.round.howTo')),
        late,
        this.who.root,
      );
    }
    if (r) await this.network.mount();
  }

  /** The primary action a clicker key asks for on this screen, pressed if it is showing. */
  press(action: ClickerAction): boolean {
    const phase = this.last?.status.phase;
    const name: ButtonName | null =
      action === 'next'
        ? phase === Phase.Reveal
          ? 'next'
          : null
        : phase === Phase.Question
          ? 'pause'
          : phase === Phase.Paused
            ? 'resume'
            : null;
    if (!name || this.buttons[name].hidden) return false;
    this.buttons[name].click();
    return true;
  }

  /** Moves came in: the count and the ticks, nothing else redrawn. */
  progress(s: HostSession): void {
    this.last = s;
    this.showCount(s.answered, s.players.length);
    if (inRound(s.status.phase)) this.who.render(s.players);
  }

  private showCount(answered: number, players: number): void {
    this.moved.textContent = t('cls.round.moved', { n: answered, total: players });
  }

  trained(curve: number[], steps: number): void {
    this.loss.set(curve, this.last?.settings.rounds ?? curve.length);
    const last = curve[curve.length - 1];
    this.training.textContent = t('cls.reveal.trained', {
      n: steps,
      c: last === undefined ? '' : num(last, 4),
    });
  }

  stop(): void {
    this.countdown.stop();
  }

  private showReveal(s: HostSession, r: Reveal): void {
    this.revealShown = r.round;
    const compare = compareList(r.best, r.gradient);
    compare.classList.add('reveal-compare');
    const trainedAlready = s.lossCurve.length > r.round;
    this.training.textContent = trainedAlready
      ? t('cls.reveal.trained', {
          n: s.settings.sgdSteps,
          c: num(s.lossCurve[s.lossCurve.length - 1]!, 4),
        })
      : t('cls.reveal.training', { n: s.settings.sgdSteps });
    this.loss.set(s.lossCurve, s.settings.rounds);
    this.under.replaceChildren(this.training, this.loss.root);
    // The leaderboard's top beside the class picture: both in view on a 1366×768 projector.
    const demon = r.demon ?? s.demon;
    const rest = ranked(r.leaderboard, demon).length - REVEAL_TOP;
    this.side.replaceChildren(
      compare,
      el(
        'div',
        { class: 'reveal-pair' },
        el(
          'div',
          { class: 'reveal-board' },
          leaderboardTable(r.leaderboard, REVEAL_TOP, undefined, demon),
          rest > 0 ? el('p', { class: 'board-more' }, t('cls.more', { n: rest })) : '',
          rest > 0 ? el('p', { class: 'own-rank' }, t('cls.reveal.ownRank')) : '',
        ),
        classPicture(r, s.round?.puzzle.eps ?? s.settings.eps),
      ),
      // The round's most common slip and the class's predictions, under the board and the picture.
      revealMisconception(r) ?? '',
      revealPredictions(r) ?? '',
    );
    if (this.network.walk.open) this.side.prepend(this.network.passPanel.root);
  }
}

const TICKS_KEY = 'bd.ticks';

function readTicks(): boolean {
  try {
    return localStorage.getItem(TICKS_KEY) === '1';
  } catch {
    return false;
  }
}

function saveTicks(on: boolean): void {
  try {
    localStorage.setItem(TICKS_KEY, on ? '1' : '0');
  } catch {
    // the choice then lasts for this page only
  }
}
