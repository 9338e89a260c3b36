import { Phase } from '#shared/protocol/codes';
import { PhaseCues } from '../../audio/phaseCues.ts';
import { t } from '../../i18n/index.ts';
import { checkCsvUrl } from '../../net/api.ts';
import { el } from '../../ui/format.ts';
import { hostSession, type SessionState } from '../session.ts';
import { ClassCheckView } from './classCheckView.ts';
import { clickerAction } from './clicker.ts';
import { endView } from './endView.ts';
import { type GameActions, GameScreen } from './gameScreen.ts';
import { type LobbyActions, LobbyView } from './lobbyView.ts';
import { HostNetwork } from './network.ts';

/** The host's link back to this session from any browser: the token rides in the fragment, never sent to a server. */
export function hostUrl(code: string, token: string): string {
  return `${location.origin}/host.html?code=${code}#token=${encodeURIComponent(token)}`;
}

/**
 * The projector's screens, drawn from the session state: the lobby, a round
 * or its reveal, and once the session has ended its report (which stays, the
 * session is no longer live).
 */
export class HostView {
  private readonly lobby: LobbyView;
  private readonly game: GameScreen;
  /** The ended session whose report is on screen; null while the session runs. */
  private endedId: string | null = null;
  private state: SessionState | null = null;
  /** What the class learnt (the concept check), shown on the end screen. */
  private readonly check = new ClassCheckView(() =>
    this.state?.sessionId ? checkCsvUrl(this.state.sessionId, this.token) : null,
  );
  private readonly cues = new PhaseCues();

  constructor(
    private readonly root: HTMLElement,
    private readonly token: string,
    actions: LobbyActions & GameActions,
  ) {
    this.lobby = new LobbyView(actions);
    this.game = new GameScreen(actions);
    window.addEventListener('keydown', (e) => this.onKey(e));
  }

  /** A clicker's key: the primary action of the screen on show (clicker.ts). */
  private onKey(e: KeyboardEvent): void {
    const action = clickerAction(e);
    if (!action || !this.root.isConnected || this.endedId !== null) return;
    let done = false;
    if (this.lobby.root.isConnected) {
      if (action === 'next' && !this.lobby.primary.disabled) {
        this.lobby.primary.click();
        done = true;
      }
    } else if (this.game.root.isConnected) done = this.game.press(action);
    if (done) e.preventDefault();
  }

  render(state: SessionState): void {
    this.state = state;
    if (state.check) this.check.update(state.check);
    const s = hostSession(state);
    if (!s || this.endedId !== null) return;
    this.cues.see(s.status.phase, s.status.round);
    document.title = `${s.code} · ${t('cls.hostTitle')}`;
    switch (s.status.phase) {
      case Phase.Lobby:
        this.lobby.update(
          s.code,
          s.joinUrl,
          hostUrl(s.code, this.token),
          s.status,
          s.players,
          s.settings,
        );
        this.lobby.extra.replaceChildren(...ClassCheckView.lobbyLine(s.check));
        if (this.lobby.root.parentElement !== this.root) {
          this.root.replaceChildren(this.lobby.root);
          HostNetwork.preload();
        }
        return;
      case Phase.Ended:
        this.showEnd(s.sessionId);
        return;
      default:
        if (this.game.root.parentElement !== this.root) this.root.replaceChildren(this.game.root);
        void this.game.update(s);
    }
  }

  /** Who has moved: the count and the ticks, not a whole screen (it comes up to 4 times a second). */
  progress(state: SessionState): void {
    this.state = state;
    const s = hostSession(state);
    if (s && this.endedId === null) this.game.progress(s);
  }

  /** The network trained after the reveal: the loss curve's new point. */
  trained(state: SessionState): void {
    this.state = state;
    if (state.trained) this.game.trained(state.lossCurve, state.trained.sgdSteps);
  }

  /** The session is over (ended now, or found ended in the database): its report from then on. */
  showEnd(sessionId: string): void {
    if (this.endedId !== null) return;
    this.endedId = sessionId;
    this.game.stop();
    this.drawEnd();
  }

  relabel(): void {
    this.game.relabel();
    this.check.relabel();
    if (this.endedId !== null) this.drawEnd();
    else if (this.state) this.render(this.state);
  }

  get ended(): boolean {
    return this.endedId !== null;
  }

  private drawEnd(): void {
    const box = el('div', { class: 'host-end' });
    this.root.replaceChildren(box);
    void endView(box, this.endedId ?? '', this.token, this.state?.final ?? null, this.check);
  }
}
