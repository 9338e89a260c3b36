import { Phase } from '#shared/protocol/codes';
import type { Reveal } from '#shared/protocol/views';
import { secondCue } from '../../audio/phaseCues.ts';
import { type MessageKey, t } from '../../i18n/index.ts';
import { compareList } from '../../ui/compareList.ts';
import { el, num } from '../../ui/format.ts';
import { Countdown } from '../clock.ts';
import { spacedCode } from '../page.ts';
import { type HostSession, inRound, ownReveal } from '../session.ts';
import { leaderboardTable } from '../standings.ts';
import { classPicture } from './classPicture.ts';
import { LossChart } from './lossChart.ts';
import { HostNetwork } from './network.ts';

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
  private readonly who = el('ul', { class: 'moved-list' });
  private readonly ticks = el('input', { type: 'checkbox', class: 'ticks-toggle' });
  private readonly ticksLabel = el('span', {});
  private revealShown = 0;
  private last: HostSession | null = null;

  constructor(actions: GameActions) {
    const controls = el('div', { class: 'game-controls' });
    for (const name of Object.keys(LABELS) as ButtonName[]) {
      const b = el('button', { type: 'button', class: `ctl-${name}` });
      b.addEventListener('click', () => actions[name]());
      this.buttons[name] = b;
      controls.append(b);
    }
    controls.append(this.ticksToggle());
    this.countdown.onSecond = (sec) => secondCue(sec, this.ticks.checked);
    this.buttons.next.classList.add('primary');
    this.buttons.end.classList.add('danger');
    this.relabel();
    window.addEventListener('keydown', (e) => this.onKey(e));
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
    this.progress(s.answered, s.players.length);
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
    b.next.textContent = t(lastRound ? 'cls.reveal.finish' : 'cls.reveal.next');
    b.next.title = t('cls.reveal.nextKeys');
    b.pause.title = t('cls.round.pauseKeys');
    b.resume.title = t('cls.round.pauseKeys');
    const reveal = phase === Phase.Reveal ? ownReveal(s) : null;
    if (r) this.network.load(r, reveal);
    if (reveal) {
      if (this.revealShown !== reveal.round) this.showReveal(s, reveal);
    } else {
      this.revealShown = 0;
      this.loss.set(s.lossCurve, s.settings.rounds);
      this.renderWho(s);
      this.under.replaceChildren();
      const late =
        s.settings.lateJoin && !s.status.locked
          ? el('p', { class: 'late-join' }, t('cls.round.lateJoin', { code: spacedCode(s.code) }))
          : '';
      this.side.replaceChildren(
        el('p', { class: 'how-to' }, t('cls.round.howTo')),
        late,
        this.who,
        this.loss.root,
      );
    }
    if (r) await this.network.mount();
  }

  /** Who has moved, by name only: nothing of the move itself before the reveal. */
  private renderWho(s: HostSession): void {
    this.who.setAttribute('aria-label', t('cls.lobby.players', { n: s.players.length }));
    this.who.replaceChildren(
      ...s.players.map((p) =>
        el(
          'li',
          { class: `moved-chip${p.answered ? ' done' : ''}${p.online ? '' : ' away'}` },
          el('span', { class: 'tick', 'aria-hidden': 'true' }, p.answered ? '✓' : '○'),
          el('span', { class: 'nick' }, p.nickname),
        ),
      ),
    );
  }

  /** A presenter's clicker sends Page Down or →: the next round; P or Space pauses and resumes. */
  private onKey(e: KeyboardEvent): void {
    if (!this.root.isConnected || e.altKey || e.ctrlKey || e.metaKey) return;
    const tag = (e.target as HTMLElement | null)?.tagName;
    if (tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA') return;
    // A focused button answers Space and Enter itself.
    if (tag === 'BUTTON' && (e.key === ' ' || e.key === 'Enter')) return;
    const phase = this.last?.status.phase;
    const name: ButtonName | null =
      phase === Phase.Reveal && ['PageDown', 'ArrowRight', 'n', 'N'].includes(e.key)
        ? 'next'
        : phase === Phase.Question && ['p', 'P', ' '].includes(e.key)
          ? 'pause'
          : phase === Phase.Paused && ['p', 'P', ' '].includes(e.key)
            ? 'resume'
            : null;
    if (!name || this.buttons[name].hidden) return;
    e.preventDefault();
    this.buttons[name].click();
  }

  progress(answered: number, players: number): void {
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
    // The leaderboard right under the answer: its top five must be in view on a 1080p projector.
    this.side.replaceChildren(
      compare,
      leaderboardTable(r.leaderboard, 5, undefined, r.demon ?? s.demon),
      classPicture(r, s.round?.puzzle.eps ?? s.settings.eps),
    );
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
