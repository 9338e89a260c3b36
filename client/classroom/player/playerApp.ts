import type { CheckKind } from '#shared/game/concepts/classCheck';
import type { Prediction } from '#shared/game/prediction';
import { cleanCode } from '#shared/protocol/joinCode';
import type { PlayerWelcome } from '#shared/protocol/views';
import { onLangChange, t } from '../../i18n/index.ts';
import { GameLink, RETRYABLE } from '../../net/socket.ts';
import { forgetPlayerSeat, playerSeat, savePlayerSeat } from '../../net/tokens.ts';
import { errorCode, errorText } from '../errors.ts';
import { classroomShell, showLinkState } from '../page.ts';
import { applyEvent, initialSession, type SessionEvent, type SessionState } from '../session.ts';
import { dueCheck } from './checkState.ts';
import { joinForm } from './joinForm.ts';
import { initialUi, type PlayerUi, PlayerView } from './playerView.ts';
import { Retry } from './retry.ts';

/** Codes after which a stored seat is useless: forget it and ask again. */
const SEAT_GONE = new Set(['BAD_TOKEN', 'NOT_FOUND', 'SESSION_ENDED']);

/**
 * The player's page: join (or resume), the lobby, each round in the play
 * view, the podium. The session state comes from the shared reducer; this
 * file only sends requests and dispatches what comes back.
 */
export function playerApp(app: HTMLElement): void {
  const { main, link } = classroomShell(app);
  const query = new URLSearchParams(location.search);
  let code = cleanCode(query.get('code') ?? '');
  let autoName = (query.get('name') ?? '').trim();
  const net = new GameLink();
  net.onState((s) => showLinkState(link, s));
  showLinkState(link, net.state);

  let state: SessionState = initialSession;
  let ui: PlayerUi = initialUi;
  let joining = false;
  const retry = new Retry();

  const form = joinForm({
    page: 'player',
    code,
    name: autoName,
    submit: (c, n) => void join(c, n),
  });
  const view = new PlayerView(
    main,
    form,
    (r, l, j, dz, prediction) => void submit(r, l, j, dz, prediction),
    (itemId, response) => void answerCheck(itemId, response),
  );
  /** The sitting asked for on this connection (once: a refusal is not asked again until the next welcome). */
  let askedCheck: CheckKind | null = null;
  const render = () => {
    view.render(state, ui);
    syncCheck();
  };
  /** The check that is open now, fetched once per connection: a refresh or a restart takes it up where it was. */
  const syncCheck = () => {
    const kind = dueCheck(state);
    if (!kind || askedCheck === kind || !state.me) return;
    askedCheck = kind;
    net.request('check:get', { kind }).then(
      (sheet) => setUi({ sheet, checkNote: '' }),
      (e: unknown) => setUi({ checkNote: errorText(e) }),
    );
  };
  const answerCheck = async (itemId: string, response: string | number) => {
    const sheet = ui.sheet;
    if (!sheet || ui.checkSending) return;
    setUi({ checkSending: true, checkNote: '' });
    try {
      await net.request('check:answer', { kind: sheet.kind, itemId, response });
      setUi({
        checkSending: false,
        sheet: { ...sheet, answers: { ...sheet.answers, [itemId]: response } },
      });
    } catch (e) {
      const c = errorCode(e);
      // The server's sheet is the truth: closed, or answered from another tab.
      if (c === 'CHECK_CLOSED' || c === 'ALREADY_ANSWERED') askedCheck = null;
      setUi({
        checkSending: false,
        checkNote: errorText(e),
        sheet: c === 'CHECK_CLOSED' ? { ...sheet, open: false } : sheet,
      });
    }
  };
  const dispatch = (e: SessionEvent) => {
    state = applyEvent(state, e);
    // A new word from the server replaces the last error or retry line.
    ui = { ...ui, note: '' };
    render();
  };
  const setUi = (next: Partial<PlayerUi>) => {
    ui = { ...ui, ...next };
    render();
  };

  const welcome = (w: PlayerWelcome) => {
    retry.reset();
    askedCheck = null;
    code = w.code;
    if (w.resumeToken)
      savePlayerSeat(w.code, { token: w.resumeToken, nickname: w.nickname, playerId: w.playerId });
    // Drop the nickname from the address: a refresh resumes by token, never joins twice.
    if (query.has('name')) {
      query.delete('name');
      query.set('code', w.code);
      history.replaceState(null, '', `?${query}`);
    }
    dispatch({ type: 'player:welcome', data: w });
  };

  /**
   * A join or a resume; "not now" (too many joins, no answer, a restart) waits
   * and tries again, saying so, instead of leaving the phone on a blank page.
   */
  const enter = async (ask: () => Promise<PlayerWelcome>, again: () => void): Promise<void> => {
    try {
      welcome(await ask());
    } catch (e) {
      const c = errorCode(e);
      if (c && RETRYABLE.has(c)) {
        const text = errorText(e);
        retry.schedule(again, (s) => setUi({ note: `${text} ${t('cls.player.retryIn', { s })}` }));
        return;
      }
      throw e;
    }
  };

  const join = async (c: string, name: string) => {
    if (joining) return;
    joining = true;
    form.busy(true);
    try {
      await enter(
        () => net.request('player:join', { code: c, nickname: name }),
        () => void join(c, name),
      );
    } catch (e) {
      setUi({ formOpen: true, note: errorText(e) });
    } finally {
      joining = false;
      form.busy(false);
    }
  };

  const resume = (token: string) => {
    enter(
      () => net.request('player:resume', { code, token }),
      () => resume(token),
    ).catch((e: unknown) => {
      const c = errorCode(e);
      if (c === 'KICKED') {
        // The seat stays stored: every reload shows the removal again instead of a fresh join form.
        dispatch({ type: 'player:kicked', data: { message: '' } });
      } else if (c && SEAT_GONE.has(c)) {
        forgetPlayerSeat(code);
        state = { ...state, me: null };
        setUi({ formOpen: true, note: errorText(e) });
      } else setUi({ note: errorText(e) });
    });
  };

  // One move id per round on this page: sending again after a timeout or a server taking over
  // the session is answered with the move already scored, never a second score.
  const moveNonce = Math.random().toString(36).slice(2, 10);
  const submit = async (
    r: number,
    l: number,
    j: number,
    dz: number,
    prediction: Prediction | null,
  ) => {
    setUi({ sending: true });
    try {
      const moveId = `${r}:${moveNonce}`;
      const result = await net.request('move:submit', {
        round: r,
        l,
        j,
        dz,
        moveId,
        ...(prediction ? { prediction } : {}),
      });
      ui = { ...ui, sending: false };
      dispatch({ type: 'move:scored', data: result });
    } catch (e) {
      setUi({
        sending: false,
        note: errorText(e),
        closedRound: errorCode(e) === 'ROUND_CLOSED' ? r : ui.closedRound,
      });
    }
  };

  // Every (re)connection is a new socket: resume by token, else join by the link's name.
  net.onConnect(() => {
    retry.cancel();
    if (state.kicked) return;
    const seat = code ? playerSeat(code) : null;
    if (seat) resume(seat.token);
    else if (code && autoName) {
      const name = autoName;
      autoName = '';
      void join(code, name);
    } else {
      setUi({ formOpen: true });
      (code ? form.nickname : form.code).focus();
    }
  });

  net.onEvent((e) => {
    dispatch(e);
    if (e.type === 'server:restarting') setUi({ note: t('cls.err.SHUTTING_DOWN') });
  });
  onLangChange(render);
}
