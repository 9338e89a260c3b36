import type { CheckSheet } from '#shared/protocol/check';
import { Phase } from '#shared/protocol/codes';
import type { Timer } from '#shared/protocol/views';
import { PhaseCues, secondCue } from '../../audio/phaseCues.ts';
import { t } from '../../i18n/index.ts';
import { el } from '../../ui/format.ts';
import { whenIdle } from '../../ui/idle.ts';
import { Countdown, ownTimer } from '../clock.ts';
import { inRound, myEntry, ownReveal, playerScreen, type SessionState } from '../session.ts';
import { rankChange, ranked } from '../standings.ts';
import type { PlayerBoard, SubmitMove } from './board.ts';
import { sheetDone, sheetOnScreen } from './checkState.ts';
import type { JoinForm } from './joinForm.ts';
import { endScreen, kickedScreen, lobbyScreen, roundCard } from './screens.ts';

/** What the player's page holds besides the session: its own requests in flight and the last notice. */
export interface PlayerUi {
  /** The join form may show (no seat to resume, or the seat is gone). */
  formOpen: boolean;
  /** A move is on its way to the server. */
  sending: boolean;
  /** The round whose move the server refused as closed: no second try in it. */
  closedRound: number;
  /** An error or a retry countdown, shown instead of the phase's own line. */
  note: string;
  /** The concept check sitting the server gave this phone, with the answers kept so far. */
  sheet: CheckSheet | null;
  /** A check answer is on its way. */
  checkSending: boolean;
  /** Why the last check answer was not kept. */
  checkNote: string;
}

export const initialUi: PlayerUi = {
  formOpen: false,
  sending: false,
  closedRound: 0,
  note: '',
  sheet: null,
  checkSending: false,
  checkNote: '',
};

/**
 * The player's screens, drawn from the session state and the page's own
 * requests: nothing here decides a phase or talks to the server.
 */
export class PlayerView {
  private readonly lobby = el('section', { class: 'player-lobby card', 'aria-live': 'polite' });
  private readonly roundTitle = el('h1', { class: 'round-title' });
  private readonly countdown = new Countdown();
  private readonly cues = new PhaseCues();
  private readonly scoreLine = el('p', { class: 'my-score' });
  private readonly nameTag = el('p', { class: 'my-name' });
  private readonly notice = el('p', { class: 'player-notice', role: 'status' });
  private readonly boardHost = el('div', { class: 'board-host' });
  private readonly end = el('section', { class: 'player-end' });
  /** Before the first welcome, when there is no form to show: what the page waits for. */
  private readonly wait = el('section', { class: 'player-wait card', role: 'status' });
  /** The concept check, one question a screen (before the game, after it). */
  private readonly check = el('section', { class: 'player-check-host' });
  private readonly game: HTMLElement;
  private readonly screens: Record<
    'form' | 'wait' | 'lobby' | 'game' | 'end' | 'check',
    HTMLElement
  >;
  private boardPromise: Promise<PlayerBoard> | null = null;
  private preloaded = false;
  private latest: { s: SessionState; ui: PlayerUi } | null = null;
  /** The class's timer and this player's own, worked out once per message (its serverNow is of then). */
  private own: { from: Timer | null; factor: number; timer: Timer | null } | null = null;
  private readonly extra = el('p', { class: 'my-time' });

  constructor(
    main: HTMLElement,
    private readonly form: JoinForm,
    private readonly onSubmit: SubmitMove,
    private readonly onCheckAnswer: (itemId: string, response: string | number) => void,
  ) {
    this.countdown.onSecond = (sec) => secondCue(sec, false);
    this.game = el(
      'section',
      { class: 'player-game' },
      el(
        'div',
        { class: 'play-head' },
        this.roundTitle,
        this.countdown.root,
        this.extra,
        this.nameTag,
        this.scoreLine,
      ),
      this.notice,
      this.boardHost,
    );
    this.screens = {
      form: form.root,
      wait: this.wait,
      lobby: this.lobby,
      game: this.game,
      end: this.end,
      check: this.check,
    };
    main.append(...Object.values(this.screens));
    this.show(null);
  }

  /**
   * While the lobby waits: the play view's code fetched and KaTeX run once,
   * when the phone is idle, so round 1 neither waits for a download nor pays
   * for KaTeX's cold first formula when its result comes back.
   */
  private preload(): void {
    if (this.preloaded) return;
    this.preloaded = true;
    idleImport(() => import('./board.ts'));
    idleImport(() => import('../../ui/math.ts').then((m) => m.warmTex()));
  }

  /** The play view, loaded with the first round (it brings Phaser and KaTeX). */
  board(): Promise<PlayerBoard> {
    this.boardPromise ??= import('./board.ts').then(({ PlayerBoard }) => {
      const b = new PlayerBoard(this.onSubmit);
      this.boardHost.append(b.root);
      return b;
    });
    return this.boardPromise;
  }

  private show(name: keyof typeof this.screens | null): void {
    for (const [k, node] of Object.entries(this.screens)) node.hidden = k !== name;
  }

  /** The player's own clock: the class's, later by their extra time. */
  private ownClock(s: SessionState): Timer | null {
    const from = s.status?.timer ?? null;
    if (this.own?.from !== from || this.own.factor !== s.timeFactor)
      this.own = { from, factor: s.timeFactor, timer: ownTimer(from, s.timeFactor) };
    return this.own.timer;
  }

  render(s: SessionState, ui: PlayerUi): void {
    this.latest = { s, ui };
    const screen = playerScreen(s);
    const phase = s.status?.phase;
    this.cues.see(phase, s.status?.round ?? 0);
    if (inRound(phase)) this.countdown.show(this.ownClock(s));
    else this.countdown.stop();
    this.extra.textContent = s.timeFactor !== 1 ? t('cls.time.mine', { f: s.timeFactor }) : '';
    this.extra.hidden = s.timeFactor === 1 || !inRound(phase);
    const sheet = screen === 'kicked' || screen === 'join' ? null : sheetOnScreen(s, ui.sheet);
    if (sheet) {
      void this.renderCheck(sheet, ui);
      this.show('check');
      return;
    }
    const checked = ui.sheet && sheetDone(ui.sheet) ? ui.sheet.kind : null;
    switch (screen) {
      case 'kicked':
        this.end.replaceChildren(...kickedScreen());
        this.show('end');
        return;
      case 'join':
        // The form writes its own checks there; a note from the server replaces them.
        if (ui.note) this.form.message.textContent = ui.note;
        this.wait.textContent = ui.note;
        this.show(ui.formOpen ? 'form' : ui.note ? 'wait' : null);
        return;
      case Phase.Lobby:
        this.preload();
        this.lobby.replaceChildren(...lobbyScreen(s.me?.nickname ?? '', s.code));
        if (checked === 'pre')
          this.lobby.append(el('p', { class: 'check-done' }, t('check.done.pre')));
        this.show('lobby');
        return;
      case Phase.Ended:
        if (s.final) this.end.replaceChildren(...endScreen(s.final, s.me?.playerId));
        if (checked === 'post')
          this.end.prepend(el('p', { class: 'check-done card' }, t('check.done.post')));
        this.show('end');
        return;
      default:
        this.show('game');
        this.renderHead(s);
        this.countdown.root.hidden = !inRound(phase);
        this.setNotice(
          ui.note ||
            (phase === Phase.Paused
              ? t('cls.player.paused')
              : phase === Phase.Question && s.myMove
                ? t('cls.player.moved')
                : checked === 'post'
                  ? t('check.done.post')
                  : ''),
        );
        void this.renderBoard();
    }
  }

  /** The check's question, drawn once its module (with KaTeX) has loaded, if it is still the one to show. */
  private async renderCheck(sheet: CheckSheet, ui: PlayerUi): Promise<void> {
    const { checkPanel } = await import('./checkPanel.ts');
    if (this.latest?.ui.sheet !== sheet || this.latest.ui !== ui) return;
    this.check.replaceChildren(
      checkPanel(sheet, ui.checkSending, ui.checkNote, this.onCheckAnswer),
    );
    this.check.querySelector<HTMLElement>('.check-number, .check-option')?.focus({
      preventScroll: true,
    });
  }

  private setNotice(text: string): void {
    this.notice.textContent = text;
    this.notice.hidden = !text;
  }

  private renderHead(s: SessionState): void {
    if (s.round)
      this.roundTitle.textContent = t('cls.round.title', {
        n: s.round.round,
        total: s.round.rounds,
      });
    this.nameTag.textContent = s.me?.nickname ?? '';
    const mine = myEntry(s);
    this.scoreLine.replaceChildren(t('cls.player.score', { n: s.score }));
    if (mine && s.reveal) {
      this.scoreLine.append(
        ' · ',
        t('cls.player.rank', {
          r: mine.rank ?? '–',
          n: ranked(s.reveal.leaderboard, s.reveal.demon).length,
        }),
        ' ',
        rankChange(mine.rankChange),
      );
    }
  }

  /** The play view, synced with the latest state once it has loaded (it may load after several events). */
  private async renderBoard(): Promise<void> {
    const b = await this.board();
    await b.mount();
    const latest = this.latest;
    if (!latest || !inPlay(latest.s)) return;
    const { s, ui } = latest;
    const phase = s.status?.phase;
    b.render(s, phase !== Phase.Question || ui.sending || ui.closedRound === (s.round?.round ?? 0));
    const reveal = ownReveal(s);
    if (phase === Phase.Reveal && reveal && s.me)
      b.extra.replaceChildren(
        roundCard(reveal, s.me.playerId, s.myMove !== null, s.score, s.myMove?.prediction),
      );
    else b.extra.replaceChildren();
  }
}

/** A module fetched once the page is idle; a failure here is retried by the real import later. */
function idleImport(load: () => Promise<unknown>): void {
  whenIdle(() => void load().catch(() => {}));
}

/** The session is in a round or its reveal: the play view is the screen. */
function inPlay(s: SessionState): boolean {
  const screen = playerScreen(s);
  return screen === Phase.Question || screen === Phase.Paused || screen === Phase.Reveal;
}
