import type { ClientToServerEvents } from '#shared/protocol/events';
import { cleanCode } from '#shared/protocol/joinCode';
import type { SessionSettingsInput } from '#shared/protocol/schemas';
import { Progress } from '#shared/protocol/views';
import { onLangChange, t } from '../../i18n/index.ts';
import { createSession } from '../../net/api.ts';
import { type AckError, GameLink } from '../../net/socket.ts';
import { hostRecord, rememberHostSession } from '../../net/tokens.ts';
import { el } from '../../ui/format.ts';
import { errorCode, errorText } from '../errors.ts';
import { classroomShell, showLinkState } from '../page.ts';
import { applyEvent, initialSession, type SessionEvent, type SessionState } from '../session.ts';
import { CreateForm } from './createView.ts';
import { pastSessions } from './endView.ts';
import { HostView } from './hostView.ts';

/** The host page: create a session, or take control of one (again) by its code and this browser's token. */
export function hostApp(app: HTMLElement): void {
  const { main, link } = classroomShell(app);
  const query = new URLSearchParams(location.search);
  const code = cleanCode(query.get('code') ?? '');
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
  const form = new CreateForm((s) => void create(s));
  const title = el('h1', {});
  const past = el('section', { class: 'past card' });
  main.replaceChildren(title, form.root, past);
  const render = () => {
    title.textContent = t('cls.hostTitle');
    form.relabel();
    if (token) void pastSessions(past, token);
    else past.hidden = true;
  };
  const create = async (s: SessionSettingsInput) => {
    form.button.disabled = true;
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
      form.message.textContent = errorText(e);
      form.button.disabled = false;
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
  const box = el('div', { class: 'host-view' });
  main.replaceChildren(message, box);

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

  const view = new HostView(box, token ?? '', {
    kick: (playerId) => void command('host:kick', { playerId }),
    extraTime: (playerId, factor) => void command('host:extraTime', { playerId, factor }),
    lock: (locked) => void command(locked ? 'host:lock' : 'host:unlock', {}),
    start: () => void command('host:start', {}),
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

  // Everything the projector shows, worked out from the server's events by the shared reducer.
  let state: SessionState = initialSession;
  const dispatch = (e: SessionEvent) => {
    state = applyEvent(state, e);
    if (e.type === 'round:progress') view.progress(state);
    else if (e.type === 'round:trained') view.trained(state);
    else view.render(state);
  };

  net.onConnect(() => {
    if (view.ended) return;
    if (!token) {
      message.textContent = t('cls.err.UNAUTHORIZED');
      return;
    }
    net
      .request('host:join', { code, token })
      .then((w) => {
        rememberHostSession(token, w.code, w.sessionId);
        dispatch({ type: 'host:welcome', data: w });
      })
      .catch((e: AckError) => {
        // An ended session is no longer live: show its report from the database.
        const id = sessionHint ?? hostRecord()?.sessions[code];
        if ((e.code === 'NOT_FOUND' || e.code === 'SESSION_ENDED') && id) view.showEnd(id);
        else message.textContent = errorText(e);
      });
  });

  net.onEvent((e) => {
    // Four times a second while moves pour in: checked against its schema before it ticks a name.
    if (e.type === 'round:progress' && !Progress.safeParse(e.data).success) return;
    dispatch(e);
    if (e.type === 'server:restarting') message.textContent = t('cls.err.SHUTTING_DOWN');
  });
  onLangChange(() => view.relabel());
}
