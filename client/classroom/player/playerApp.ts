import type {
  Final,
  MoveResult,
  PlayerWelcome,
  Reveal,
  RoundStart,
  Status,
} from '#shared/protocol/views';
import { onLangChange, t } from '../../i18n/index.ts';
import { type AckError, GameLink } from '../../net/socket.ts';
import { forgetPlayerSeat, playerSeat, savePlayerSeat } from '../../net/tokens.ts';
import { el } from '../../ui/format.ts';
import { Countdown } from '../clock.ts';
import { errorCode, errorText } from '../errors.ts';
import { classroomShell, showLinkState } from '../page.ts';
import { rankChange } from '../standings.ts';
import type { PlayerBoard } from './board.ts';
import { joinForm } from './joinForm.ts';
import { endScreen, kickedScreen, lobbyScreen, roundCard } from './screens.ts';

/** Codes after which a stored seat is useless: forget it and ask again. */
const SEAT_GONE = new Set(['BAD_TOKEN', 'NOT_FOUND', 'SESSION_ENDED']);

/** The player's page: join (or resume), the lobby, each round in the play view, the podium. */
export function playerApp(app: HTMLElement): void {
  const { main, link } = classroomShell(app);
  const query = new URLSearchParams(location.search);
  let code = (query.get('code') ?? '').replace(/\D/g, '').slice(0, 6);
  let autoName = (query.get('name') ?? '').trim();
  const net = new GameLink();
  net.onState((s) => showLinkState(link, s));
  showLinkState(link, net.state);

  let me: { playerId: string; nickname: string } | null = null;
  let status: Status | null = null;
  let round: RoundStart | null = null;
  let reveal: Reveal | null = null;
  let final: Final | null = null;
  let score = 0;
  let kicked = false;
  let joining = false;

  const form = joinForm(code, autoName, (c, n) => void join(c, n));
  const lobby = el('section', { class: 'player-lobby card', 'aria-live': 'polite' });
  const roundTitle = el('h1', { class: 'round-title' });
  const countdown = new Countdown();
  const scoreLine = el('p', { class: 'my-score' });
  const nameTag = el('p', { class: 'my-name' });
  const notice = el('p', { class: 'player-notice', role: 'status' });
  const boardHost = el('div', { class: 'board-host' });
  const game = el(
    'section',
    { class: 'player-game' },
    el('div', { class: 'play-head' }, roundTitle, countdown.root, nameTag, scoreLine),
    notice,
    boardHost,
  );
  const end = el('section', { class: 'player-end' });
  const screens = { form: form.root, lobby, game, end };
  main.append(...Object.values(screens));
  const show = (name: keyof typeof screens) => {
    for (const [k, node] of Object.entries(screens)) node.hidden = k !== name;
  };
  show('form');
  form.root.hidden = true;

  let boardPromise: Promise<PlayerBoard> | null = null;
  const board = (): Promise<PlayerBoard> => {
    boardPromise ??= import('./board.ts').then(({ PlayerBoard }) => {
      const b = new PlayerBoard((r, l, j, dz) => void submit(r, l, j, dz));
      boardHost.append(b.root);
      return b;
    });
    return boardPromise;
  };

  const setNotice = (text: string) => {
    notice.textContent = text;
    notice.hidden = !text;
  };

  const renderHead = () => {
    if (round)
      roundTitle.textContent = t('cls.round.title', { n: round.round, total: round.rounds });
    nameTag.textContent = me?.nickname ?? '';
    const mine = reveal?.leaderboard.find((e) => e.id === me?.playerId);
    scoreLine.replaceChildren(t('cls.player.score', { n: score }));
    if (mine) {
      scoreLine.append(
        ' · ',
        t('cls.player.rank', {
          r: mine.rank ?? '–',
          n: reveal!.leaderboard.filter((e) => !e.bot).length,
        }),
        ' ',
        rankChange(mine.rankChange),
      );
    }
  };

  const renderLobby = () => {
    lobby.replaceChildren(...lobbyScreen(me?.nickname ?? '', code));
  };

  const renderReveal = async () => {
    const b = await board();
    if (!reveal) {
      b.extra.replaceChildren();
      return;
    }
    b.reveal(reveal);
    b.extra.replaceChildren(roundCard(reveal, me?.playerId ?? '', b.moved, score));
  };

  const renderEnd = () => {
    if (final) end.replaceChildren(...endScreen(final, me?.playerId));
  };

  const renderKicked = () => {
    end.replaceChildren(...kickedScreen());
    show('end');
  };

  /** Draws the screen the session's phase asks for. */
  const render = async () => {
    if (kicked) return renderKicked();
    if (!me || !status) {
      form.render();
      show('form');
      return;
    }
    switch (status.phase) {
      case 'lobby':
        renderLobby();
        show('lobby');
        return;
      case 'ended':
        countdown.stop();
        renderEnd();
        show('end');
        return;
      default: {
        show('game');
        renderHead();
        const open = status.phase === 'question';
        countdown.root.hidden = !(status.phase === 'question' || status.phase === 'paused');
        const b = await board();
        await b.mount();
        if (status.phase === 'reveal') {
          setNotice('');
          await renderReveal();
        } else {
          b.extra.replaceChildren();
          setNotice(
            status.phase === 'paused'
              ? t('cls.player.paused')
              : b.moved
                ? t('cls.player.moved')
                : '',
          );
          b.setWaiting(!open);
        }
      }
    }
  };

  const welcome = async (w: PlayerWelcome) => {
    code = w.code;
    me = { playerId: w.playerId, nickname: w.nickname };
    if (w.resumeToken)
      savePlayerSeat(w.code, { token: w.resumeToken, nickname: w.nickname, playerId: w.playerId });
    status = w.status;
    round = w.round;
    reveal = w.reveal;
    final = w.final;
    score = w.score;
    countdown.set(w.status.timer);
    // Drop the nickname from the address: a refresh resumes by token, never joins twice.
    if (query.has('name')) {
      query.delete('name');
      query.set('code', w.code);
      history.replaceState(null, '', `?${query}`);
    }
    if (w.round && w.status.phase !== 'lobby' && w.status.phase !== 'ended') {
      const b = await board();
      b.load(w.round, w.myMove, w.reveal);
    }
    await render();
  };

  const join = async (c: string, name: string) => {
    if (joining) return;
    joining = true;
    form.busy(true);
    try {
      await welcome(await net.request('player:join', { code: c, nickname: name }));
    } catch (e) {
      form.message.textContent = errorText(e);
      show('form');
    } finally {
      joining = false;
      form.busy(false);
    }
  };

  const submit = async (r: number, l: number, j: number, dz: number) => {
    const b = await board();
    try {
      const result: MoveResult = await net.request('move:submit', { round: r, l, j, dz });
      score = result.score;
      b.showMine(result);
      setNotice(t('cls.player.moved'));
      renderHead();
    } catch (e) {
      setNotice(errorText(e));
      b.setWaiting(errorCode(e) === 'ROUND_CLOSED');
    }
  };

  // Every (re)connection is a new socket: resume by token, else join by the link's name.
  net.onConnect(() => {
    if (kicked) return;
    const seat = code ? playerSeat(code) : null;
    if (seat) {
      net
        .request('player:resume', { code, token: seat.token })
        .then((w) => welcome(w))
        .catch((e: AckError) => {
          if (e.code === 'KICKED') {
            // The seat stays stored: every reload shows the removal again instead of a fresh join form.
            kicked = true;
            void render();
          } else if (SEAT_GONE.has(e.code)) {
            forgetPlayerSeat(code);
            me = null;
            form.message.textContent = errorText(e);
            void render();
          }
        });
    } else if (code && autoName) {
      const name = autoName;
      autoName = '';
      void join(code, name);
    } else {
      void render();
      (code ? form.nickname : form.code).focus();
    }
  });

  net.on('session:status', (s) => {
    status = s;
    countdown.set(s.timer);
    void render();
  });
  net.on('round:started', async (r) => {
    round = r;
    status = {
      phase: 'question',
      round: r.round,
      rounds: r.rounds,
      locked: status?.locked ?? false,
      timer: r.timer,
    };
    countdown.set(r.timer);
    const b = await board();
    b.load(r, null, null);
    setNotice('');
    await render();
  });
  net.on('round:ended', (r) => {
    reveal = r;
    const mine = r.leaderboard.find((e) => e.id === me?.playerId);
    if (mine) score = mine.score;
    if (status) status = { ...status, phase: 'reveal', timer: null };
    countdown.stop();
    void render();
  });
  net.on('session:ended', (f) => {
    final = f;
    if (status) status = { ...status, phase: 'ended', timer: null };
    void render();
  });
  net.on('player:kicked', () => {
    kicked = true;
    renderKicked();
  });
  net.on('server:restarting', () => setNotice(t('cls.err.SHUTTING_DOWN')));

  onLangChange(() => void render());
}
