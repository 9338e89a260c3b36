import type { ClientToServerEvents } from '#shared/protocol/events';
import type { SessionSettingsInput } from '#shared/protocol/schemas';
import type { HostWelcome } from '#shared/protocol/views';
import { onLangChange, t } from '../../i18n/index.ts';
import { createSession } from '../../net/api.ts';
import { type AckError, GameLink } from '../../net/socket.ts';
import { hostRecord, rememberHostSession } from '../../net/tokens.ts';
import { el } from '../../ui/format.ts';
import { errorCode, errorText } from '../errors.ts';
import { classroomShell, showLinkState } from '../page.ts';
import { createForm, formMessage } from './createView.ts';
import { endView, pastSessions } from './endView.ts';
import { GameScreen } from './gameScreen.ts';
import { LobbyView } from './lobbyView.ts';

/** The host's link back to this session from any browser: the token rides in the fragment, never sent to a server. */
export function hostUrl(code: string, token: string): string {
  return `${location.origin}/host.html?code=${code}#token=${encodeURIComponent(token)}`;
}

/** The host page: create a session, or take control of one (again) by its code and this browser's token. */
export function hostApp(app: HTMLElement): void {
  const { main, link } = classroomShell(app);
  const query = new URLSearchParams(location.search);
  const code = (query.get('code') ?? '').replace(/\D/g, '').slice(0, 6);
  const hashToken = new URLSearchParams(location.hash.slice(1)).get('token');
  if (hashToken) {
    const prev = hostRecord();
    rememberHostSession(hashToken, code, prev?.sessions[code] ?? query.get('session') ?? '');
    history.replaceState(null, '', `${location.pathname}${location.search}`);
  }
  const token = hostRecord()?.token ?? null;
  if (!code) createScreen(main, token);
  else controlScreen(main, link, code, token, query.get('session'));
}

function createScreen(main: HTMLElement, token: string | null): void {
  const render = () => {
    const previous = main.querySelector<HTMLFormElement>('form.create-form') ?? undefined;
    const form = createForm((s) => void create(s, form), previous);
    const past = el('section', { class: 'past card' });
    main.replaceChildren(el('h1', {}, t('cls.hostTitle')), form, past);
    if (token) void pastSessions(past, token);
    else past.hidden = true;
  };
  const create = async (s: SessionSettingsInput, form: HTMLFormElement) => {
    const button = form.querySelector('button[type=submit]') as HTMLButtonElement;
    button.disabled = true;
    try {
      let created: Awaited<ReturnType<typeof createSession>>;
      try {
        created = await createSession(s, token ?? undefined);
      } catch (e) {
        // A token this server does not know (a new database): start afresh.
        if (errorCode(e) !== 'UNAUTHORIZED' || !token) throw e;
        created = await createSession(s);
      }
      rememberHostSession(created.hostToken, created.code, created.sessionId);
      location.href = `host.html?code=${created.code}`;
    } catch (e) {
      formMessage(form).textContent = errorText(e);
      button.disabled = false;
    }
  };
  render();
  onLangChange(render);
}

function controlScreen(
  main: HTMLElement,
  linkLine: HTMLElement,
  code: string,
  token: string | null,
  sessionHint: string | null,
): void {
  const net = new GameLink();
  net.onState((s) => showLinkState(linkLine, s));
  showLinkState(linkLine, net.state);
  const message = el('p', { class: 'host-message error-text', role: 'alert' });
  const view = el('div', { class: 'host-view' });
  main.replaceChildren(message, view);
  // Everything the projector shows, kept up to date from the server's events.
  let state: HostWelcome | null = null;
  let ended = false;

  const command = async <E extends keyof ClientToServerEvents>(
    event: E,
    payload: Parameters<ClientToServerEvents[E]>[0],
  ) => {
    message.textContent = '';
    try {
      return await net.request(event, payload);
    } catch (e) {
      message.textContent = errorText(e);
      return null;
    }
  };

  const lobby = new LobbyView({
    kick: (playerId) => void command('host:kick', { playerId }),
    lock: (locked) => void command(locked ? 'host:lock' : 'host:unlock', {}),
    start: () => void command('host:start', {}),
  });
  const game = new GameScreen({
    pause: () => void command('host:pause', {}),
    resume: () => void command('host:resume', {}),
    extend: () => void command('host:extend', { seconds: 15 }),
    skip: () => void command('host:skip', {}),
    endRound: () => void command('host:endRound', {}),
    next: () => void command('host:next', {}),
    end: () => {
      if (confirm(t('cls.round.confirmEnd'))) void command('host:end', {});
    },
  });

  let endedId = '';
  const drawEnd = () => {
    const box = el('div', { class: 'host-end' });
    view.replaceChildren(box);
    void endView(box, endedId, token ?? '', state?.final ?? null);
  };
  const showEnd = (sessionId: string) => {
    if (ended) return;
    ended = true;
    endedId = sessionId;
    game.stop();
    drawEnd();
  };

  const render = () => {
    if (!state || ended) return;
    const s = state;
    document.title = `${s.code} · ${t('cls.hostTitle')}`;
    switch (s.status.phase) {
      case 'lobby':
        lobby.update(
          s.code,
          s.joinUrl,
          hostUrl(s.code, token ?? ''),
          s.status,
          s.players,
          s.settings,
        );
        if (lobby.root.parentElement !== view) view.replaceChildren(lobby.root);
        return;
      case 'ended':
        showEnd(s.sessionId);
        return;
      default:
        if (game.root.parentElement !== view) view.replaceChildren(game.root);
        void game.update(s);
    }
  };

  net.onConnect(() => {
    if (ended) return;
    if (!token) {
      message.textContent = t('cls.err.UNAUTHORIZED');
      return;
    }
    net
      .request('host:join', { code, token })
      .then((w) => {
        state = w;
        rememberHostSession(token, w.code, w.sessionId);
        render();
      })
      .catch((e: AckError) => {
        // An ended session is no longer live: show its report from the database.
        const id = sessionHint ?? hostRecord()?.sessions[code];
        if ((e.code === 'NOT_FOUND' || e.code === 'SESSION_ENDED') && id) showEnd(id);
        else message.textContent = errorText(e);
      });
  });

  net.on('session:status', (st) => {
    if (!state) return;
    state = { ...state, status: st };
    render();
  });
  net.on('session:players', (u) => {
    if (!state) return;
    state = { ...state, players: u.players, answered: u.answered };
    render();
  });
  net.on('round:started', (r) => {
    if (!state) return;
    state = {
      ...state,
      round: r,
      reveal: null,
      answered: 0,
      status: { ...state.status, phase: 'question', round: r.round, timer: r.timer },
    };
    render();
  });
  net.on('round:progress', (p) => {
    if (!state || p.round !== state.round?.round) return;
    state = { ...state, answered: p.answered };
    game.progress(p.answered, p.players);
  });
  net.on('round:ended', (r) => {
    if (!state) return;
    state = {
      ...state,
      reveal: r,
      leaderboard: r.leaderboard,
      lossCurve: r.lossCurve,
      status: { ...state.status, phase: 'reveal', timer: null },
    };
    render();
  });
  net.on('round:trained', (tr) => {
    if (!state) return;
    state = { ...state, lossCurve: tr.lossCurve };
    game.trained(tr.lossCurve, tr.sgdSteps);
  });
  net.on('session:ended', (f) => {
    if (!state) return;
    state = { ...state, final: f, status: { ...state.status, phase: 'ended', timer: null } };
    render();
  });
  net.on('server:restarting', () => {
    message.textContent = t('cls.err.SHUTTING_DOWN');
  });
  onLangChange(() => {
    game.relabel();
    if (ended) drawEnd();
    else render();
  });
}
