import {
  type Batch,
  cloneNetwork,
  type Network,
  networkFromJSON,
  networkToJSON,
} from '#shared/engine/index';
import { buildPuzzle, type Puzzle, puzzleFromJSON } from '#shared/game/puzzle';
import { ErrorCode, MOVE_GRACE_MS, Phase, type RoundEnd } from '#shared/protocol/codes';
import type { ServerToClientEvents } from '#shared/protocol/events';
import { checkNickname, type MovePayload, type SessionSettings } from '#shared/protocol/schemas';
import type { Final, MoveResult, Reveal, Status } from '#shared/protocol/views';
import type { Log } from '../log.ts';
import type {
  LoadedSession,
  PlayerRow,
  SessionRow,
  SessionState,
  Store,
} from '../persistence/store.ts';
import { refuse } from './errors.ts';
import { later } from './later.ts';
import { GRADIENT_DEMON_NAME, leaderboard } from './leaderboard.ts';
import {
  type Command,
  type Effect,
  elapsedSeconds,
  pauseClock,
  resumeClock,
  transition,
} from './phase.ts';
import {
  checkMove,
  classMoves,
  datasetLoss,
  deltaBars,
  gradientScore,
  nextPuzzle,
  openRoundMath,
  type RoundMath,
  scoreRoundMove,
  toNudge,
  trainAfterRound,
} from './round.ts';
import { applyPresetScale, puzzleSettings } from './settings.ts';
import {
  competitorsOf,
  finalStandingsOf,
  playerListOf,
  roundStartOf,
  statusOf,
} from './snapshot.ts';
import { hashToken, newId, newToken } from './tokens.ts';

type Emit = <E extends keyof ServerToClientEvents>(
  event: E,
  ...args: Parameters<ServerToClientEvents[E]>
) => void;

/** Where a room's messages go: the socket layer scopes each to this session. */
export interface RoomOutput {
  toAll: Emit;
  toHosts: Emit;
  /** Tells the player's connections they were kicked and closes them. */
  kick(playerId: string, message: string): void;
}

export interface RoomDeps {
  store: Store;
  log: Log;
  now: () => number;
}

export interface PlayerMem {
  row: PlayerRow;
  /** points[r] of each round moved. */
  points: Map<number, number>;
  score: number;
  connections: number;
}

/** A move processed this long after the grace is refused even if the timer has not fired. */
const LATE_LIMIT_MS = 2000;
/** How often the host hears the answered count while moves pour in. */
const PROGRESS_MS = 100;

/**
 * A classroom session in memory: its players, the open round and the phase.
 * Lifecycle hooks onCreate / onRestore / onJoin / onLeave / onDispose; every
 * change is written to the store before the caller acknowledges it.
 */
export class Room {
  readonly row: SessionRow;
  state: SessionState;
  readonly players = new Map<string, PlayerMem>();
  private readonly byToken = new Map<string, string>();
  private readonly byKey = new Map<string, string>();
  /** The network the next round starts from. */
  private network: Network;
  private readonly data: Batch;
  /** Round 1's puzzle: the settings' network and batch (a preset's own). */
  private readonly firstPuzzle: Puzzle;
  math: RoundMath | null = null;
  /** Moves of the current round. */
  readonly moves = new Map<string, MoveResult>();
  readonly botPoints = new Map<number, number>();
  lastReveal: Reveal | null = null;
  final: Final | null = null;
  private timer: NodeJS.Timeout | null = null;
  /** The next round, prepared during the reveal. */
  private prepared: RoundMath | null = null;
  /** A closed round whose SGD steps have not run yet. */
  private pendingTraining: number | null = null;
  private progressTimer: NodeJS.Timeout | null = null;
  private out: RoomOutput | null = null;

  private constructor(
    readonly deps: RoomDeps,
    row: SessionRow,
    network: Network | null,
  ) {
    this.row = row;
    this.state = row.state;
    const built = buildPuzzle(puzzleSettings(row.settings));
    applyPresetScale(row.settings, built.puzzle.network);
    this.data = built.data;
    this.firstPuzzle = built.puzzle;
    this.network = network ?? cloneNetwork(built.puzzle.network);
  }

  get id(): string {
    return this.row.id;
  }
  get code(): string {
    return this.row.code;
  }
  get settings(): SessionSettings {
    return this.row.settings;
  }

  /** onCreate: a new session in the lobby, written to the store. */
  static onCreate(
    deps: RoomDeps,
    id: string,
    code: string,
    hostId: string,
    settings: SessionSettings,
  ): Room {
    const state: SessionState = {
      phase: Phase.Lobby,
      round: 0,
      locked: false,
      clock: null,
      lossCurve: [],
    };
    const row: SessionRow = {
      id,
      code,
      hostId,
      settings,
      createdAt: deps.now(),
      endedAt: null,
      state,
    };
    const room = new Room(deps, row, null);
    deps.store.createSession(row);
    deps.log('session_created', {
      sessionId: id,
      code,
      preset: settings.preset,
      sizes: settings.sizes,
    });
    return room;
  }

  /** onRestore: a session brought back after a restart, with its round, moves and scores. */
  static onRestore(deps: RoomDeps, loaded: LoadedSession): Room {
    const { session } = loaded;
    const room = new Room(deps, session, loaded.network ? networkFromJSON(loaded.network) : null);
    for (const p of loaded.players) room.addPlayerMem(p);
    for (const m of loaded.moves) {
      const p = room.players.get(m.playerId);
      if (!p) continue;
      p.points.set(m.round, m.result.points);
      p.score += m.result.points;
      if (m.round === session.state.round) room.moves.set(m.playerId, m.result);
    }
    for (const r of loaded.rounds) {
      if (r.reveal) {
        room.botPoints.set(r.round, r.reveal.gradient.points);
        room.lastReveal = r.reveal;
      }
      if (r.round === session.state.round)
        room.math = openRoundMath(r.round, puzzleFromJSON(r.puzzle));
    }
    const s = room.state;
    if (s.phase === Phase.Ended) room.final = finalStandingsOf(room);
    // Stopped between a reveal and its training: train again (the same seed gives the same steps).
    if (s.phase === Phase.Reveal && s.lossCurve.length === s.round) room.pendingTraining = s.round;
    if (s.phase === Phase.Question && s.clock) {
      // A clock frozen at shutdown runs on from where it stopped.
      room.state = { ...s, clock: resumeClock(s.clock, deps.now()) };
      deps.store.saveState(room.id, room.state, null);
    }
    deps.log('session_restored', { sessionId: room.id, phase: s.phase, round: s.round });
    return room;
  }

  /** Connects the room to its sockets and starts its timer. */
  attach(out: RoomOutput): void {
    this.out = out;
    this.schedule();
    if (this.pendingTraining !== null) later(() => this.trainSafely());
  }

  /** onDispose: stops timers; with `freeze`, an open round's clock is saved stopped, to run on after a restart. */
  onDispose(freeze = false): void {
    if (freeze && this.state.phase === Phase.Question && this.state.clock) {
      this.state = { ...this.state, clock: pauseClock(this.state.clock, this.deps.now()) };
      this.deps.store.saveState(this.id, this.state, null);
    }
    if (this.timer) clearTimeout(this.timer);
    if (this.progressTimer) clearTimeout(this.progressTimer);
    this.timer = null;
    this.progressTimer = null;
  }

  private addPlayerMem(row: PlayerRow): PlayerMem {
    const p: PlayerMem = { row, points: new Map(), score: 0, connections: 0 };
    this.players.set(row.id, p);
    this.byToken.set(row.tokenHash, row.id);
    this.byKey.set(row.nicknameKey, row.id);
    return p;
  }

  /** onJoin: a new player with a nickname; answers the player and their resume token. */
  onJoin(rawNickname: string): { player: PlayerMem; token: string } {
    const s = this.state;
    if (s.phase === Phase.Ended) refuse(ErrorCode.SessionEnded, 'the session has ended');
    if (s.locked) refuse(ErrorCode.LobbyLocked, 'the host has locked the lobby');
    if (s.phase !== Phase.Lobby && !this.settings.lateJoin)
      refuse(ErrorCode.LateJoinClosed, 'the game has started and late join is off');
    const nick = checkNickname(rawNickname);
    if (!nick.ok) refuse(ErrorCode.NicknameInvalid, nick.message);
    const holder = this.byKey.get(nick.key);
    if (holder && this.players.get(holder)?.row.kicked)
      refuse(ErrorCode.Kicked, 'the host removed this player from the session');
    if (
      holder ||
      nick.key === GRADIENT_DEMON_NAME.toLowerCase() ||
      nick.key.startsWith('gradient demon')
    )
      refuse(ErrorCode.NicknameTaken, 'another player has that nickname');
    const token = newToken();
    const row: PlayerRow = {
      sessionId: this.id,
      id: newId(),
      nickname: nick.nickname,
      nicknameKey: nick.key,
      tokenHash: hashToken(token),
      joinedAt: this.deps.now(),
      kicked: false,
    };
    this.deps.store.addPlayer(row);
    return { player: this.addPlayerMem(row), token };
  }

  /** A player coming back with their resume token. */
  onResume(token: string): PlayerMem {
    const id = this.byToken.get(hashToken(token));
    const p = id ? this.players.get(id) : undefined;
    if (!p) refuse(ErrorCode.BadToken, 'this session does not know that resume token');
    if (p.row.kicked) refuse(ErrorCode.Kicked, 'the host removed this player from the session');
    return p;
  }

  checkHostToken(token: string, hostTokenHash: string | undefined): void {
    if (hashToken(token) !== hostTokenHash)
      refuse(ErrorCode.BadToken, 'that is not this session’s host token');
  }

  /** A player's connection opened (join or resume) or closed: away players stay, shown as away. */
  connected(playerId: string, delta: 1 | -1): void {
    const p = this.players.get(playerId);
    if (!p) return;
    p.connections = Math.max(0, p.connections + delta);
    this.sendPlayers();
  }

  /** onLeave is a closed connection; the player stays in the session. */
  onLeave(playerId: string): void {
    this.connected(playerId, -1);
  }

  activePlayers(): PlayerMem[] {
    return [...this.players.values()].filter((p) => !p.row.kicked);
  }

  /** A player's move, scored by the engine and written before the ack. */
  async move(playerId: string, m: MovePayload): Promise<MoveResult> {
    const s = this.state;
    const now = this.deps.now();
    const p = this.players.get(playerId);
    if (!p || p.row.kicked)
      refuse(ErrorCode.Kicked, 'the host removed this player from the session');
    if (m.round === s.round && this.moves.has(playerId))
      refuse(ErrorCode.AlreadyMoved, 'one move per round: you have moved');
    if (s.phase === Phase.Paused) refuse(ErrorCode.RoundClosed, 'the round is paused');
    if (s.phase !== Phase.Question || !s.clock || !this.math || m.round !== s.round)
      refuse(ErrorCode.RoundClosed, `round ${m.round} is not open for moves`);
    // The timer closes the round; this only catches a timer held up far past its time.
    if (s.clock.deadline !== null && now > s.clock.deadline + MOVE_GRACE_MS + LATE_LIMIT_MS)
      refuse(ErrorCode.RoundClosed, 'time is up for this round');
    const check = checkMove(this.math, m);
    if (!check.ok) refuse(check.code, check.message);
    const timing = {
      seconds: elapsedSeconds(s.clock, now),
      limit: s.clock.limitMs / 1000,
      speedScoring: this.settings.speedScoring,
    };
    const result = scoreRoundMove(this.math, m, timing, p.score);
    const round = s.round;
    const saved = this.deps.store.addMove({
      sessionId: this.id,
      round,
      playerId,
      result,
      createdAt: now,
    });
    this.moves.set(playerId, result);
    p.points.set(round, result.points);
    p.score += result.points;
    this.sendProgress();
    this.closeIfAllMoved();
    try {
      await saved;
    } catch (e) {
      // Not in the store, so not counted: take it back before anyone is told.
      if (this.moves.get(playerId) === result) this.moves.delete(playerId);
      if (p.points.get(round) === result.points) {
        p.points.delete(round);
        p.score -= result.points;
      }
      throw e;
    }
    return result;
  }

  /** Every online player has moved: the round closes (after the current acks). */
  private closeIfAllMoved(): void {
    if (this.state.phase !== Phase.Question) return;
    const waiting = this.activePlayers().some(
      (q) => q.connections > 0 && !this.moves.has(q.row.id),
    );
    if (!waiting) later(() => this.tryCommand({ type: 'allMoved' }));
  }

  /** A host command (or the timer): the phase moves on, effects are written, then sent. */
  command(cmd: Command): Status {
    this.train();
    const now = this.deps.now();
    const t = transition(this.phaseState(), cmd, now, this.settings.secondsPerRound);
    if (!t.ok) refuse(t.code, t.message);
    const lossCurve = [...this.state.lossCurve];
    let reveal: Reveal | null = null;
    let opened: RoundMath | null = null;
    let trained: { network: Network; steps: number } | null = null;
    const ended = t.effects.some((e) => e.type === 'endSession');
    for (const e of t.effects) {
      if (e.type === 'closeRound') reveal = this.closeRound(e, lossCurve);
      if (reveal && !trained && e.type !== 'closeRound')
        trained = this.trainRound(reveal.round, lossCurve);
      if (e.type === 'openRound')
        opened = this.openRound(e.round, trained?.network ?? this.network, lossCurve);
    }
    const state: SessionState = {
      phase: t.state.phase,
      round: t.state.round,
      locked: t.state.locked,
      clock: t.state.clock,
      lossCurve,
    };
    const endedAt = ended ? now : null;
    this.deps.store.transaction(() => {
      if (reveal) this.deps.store.endRound(this.id, reveal.round, reveal, now);
      if (trained) this.deps.store.saveNetwork(this.id, networkToJSON(trained.network));
      if (opened)
        this.deps.store.startRound({
          sessionId: this.id,
          round: opened.round,
          puzzle: opened.wire,
          startedAt: now,
          endedAt: null,
          reveal: null,
        });
      this.deps.store.saveState(this.id, state, endedAt);
    });
    this.state = state;
    this.row.endedAt = endedAt;
    if (trained) this.network = trained.network;
    if (reveal) {
      this.botPoints.set(reveal.round, reveal.gradient.points);
      this.lastReveal = reveal;
      this.out?.toAll('round:ended', reveal);
      if (trained)
        this.out?.toHosts('round:trained', {
          round: reveal.round,
          lossCurve: [...lossCurve],
          sgdSteps: trained.steps,
        });
      else this.scheduleTraining(reveal.round);
      this.deps.log('round_ended', {
        sessionId: this.id,
        round: reveal.round,
        endedBy: reveal.endedBy,
        answered: reveal.classMoves.answered,
      });
    }
    if (opened) {
      this.math = opened;
      this.moves.clear();
      this.out?.toAll('round:started', roundStartOf(this)!);
      this.deps.log('round_started', { sessionId: this.id, round: opened.round });
    }
    if (ended) {
      this.final = finalStandingsOf(this);
      this.out?.toAll('session:ended', this.final);
      this.deps.log('session_ended', { sessionId: this.id, rounds: this.state.round });
    }
    const status = statusOf(this);
    // round:started, round:ended and session:ended tell players the phase; the rest needs a status.
    const told = reveal || opened || ended;
    if (told) this.out?.toHosts('session:status', status);
    else this.out?.toAll('session:status', status);
    this.schedule();
    return status;
  }

  /**
   * Training after a reveal waits for the next turn of the event loop, so that
   * many rooms ending at once do not hold up moves still arriving in others.
   */
  private scheduleTraining(round: number): void {
    this.pendingTraining = round;
    later(() => this.trainSafely());
  }

  private trainSafely(): void {
    try {
      this.train();
    } catch (e) {
      this.deps.log('error', { sessionId: this.id, where: 'train', message: (e as Error).message });
    }
  }

  /** Runs a pending round's k SGD steps, writes the network and the loss curve, tells everyone. */
  train(): void {
    const round = this.pendingTraining;
    if (round === null) return;
    this.pendingTraining = null;
    const lossCurve = [...this.state.lossCurve];
    const { network, steps } = this.trainRound(round, lossCurve);
    const state = { ...this.state, lossCurve };
    this.deps.store.transaction(() => {
      this.deps.store.saveNetwork(this.id, networkToJSON(network));
      this.deps.store.saveState(this.id, state, this.row.endedAt);
    });
    this.state = state;
    this.network = network;
    this.out?.toHosts('round:trained', { round, lossCurve: [...lossCurve], sgdSteps: steps });
    if (round < this.settings.rounds) later(() => this.prepare(round + 1));
    this.deps.log('round_trained', { sessionId: this.id, round, steps, loss: lossCurve.at(-1) });
  }

  /** k SGD steps on a copy of the round's network; the loss on the data set joins the curve. */
  private trainRound(round: number, lossCurve: number[]): { network: Network; steps: number } {
    const network = cloneNetwork(this.math!.puzzle.network);
    const steps = trainAfterRound(this.settings, network, this.data, round);
    lossCurve.push(datasetLoss(network, this.data));
    return { network, steps };
  }

  /** The timer and "everyone moved" may race the host: a refused one is simply dropped. */
  private tryCommand(cmd: Command): void {
    try {
      if (this.state.phase === Phase.Question) this.command(cmd);
    } catch (e) {
      this.deps.log('error', {
        sessionId: this.id,
        where: cmd.type,
        message: (e as Error).message,
      });
    }
  }

  private openRound(round: number, network: Network, lossCurve: number[]): RoundMath {
    if (round === 1) {
      lossCurve.push(datasetLoss(this.firstPuzzle.network, this.data));
      return openRoundMath(1, this.firstPuzzle);
    }
    const ready = this.prepared;
    this.prepared = null;
    if (ready?.round === round && network === this.network) return ready;
    return openRoundMath(round, nextPuzzle(this.settings, network, this.data, round));
  }

  /** The next round's puzzle and key, worked out during the reveal so that "next" is quick. */
  private prepare(round: number): void {
    const s = this.state;
    if (s.phase !== Phase.Reveal || s.round !== round - 1 || this.pendingTraining !== null) return;
    this.prepared = openRoundMath(round, nextPuzzle(this.settings, this.network, this.data, round));
  }

  private closeRound(e: Extract<Effect, { type: 'closeRound' }>, lossCurve: number[]): Reveal {
    const m = this.math!;
    const players = this.activePlayers();
    const moves = players.map((p) => this.moves.get(p.row.id)).filter((x): x is MoveResult => !!x);
    const gradient = gradientScore(m);
    const bot = new Map(this.botPoints).set(e.round, gradient.points);
    return {
      round: e.round,
      rounds: this.settings.rounds,
      endedBy: e.endedBy as RoundEnd,
      deltaBar: deltaBars(m),
      cost: m.cost,
      best: toNudge(m.key.best),
      gradient,
      classMoves: classMoves(m, moves, players.length),
      leaderboard: leaderboard(competitorsOf(this, bot), e.round),
      lossCurve: [...lossCurve],
    };
  }

  /** The host removes a player: they cannot come back to this session. */
  kick(playerId: string): Status {
    const p = this.players.get(playerId);
    if (!p || p.row.kicked) refuse(ErrorCode.NoSuchPlayer, 'no such player in this session');
    this.deps.store.kickPlayer(this.id, playerId);
    p.row.kicked = true;
    this.moves.delete(playerId);
    this.out?.kick(playerId, 'the host removed you from the session');
    this.deps.log('player_kicked', { sessionId: this.id, playerId });
    this.sendPlayers();
    if (this.moves.size) this.closeIfAllMoved();
    return statusOf(this);
  }

  private phaseState() {
    const s = this.state;
    return {
      phase: s.phase,
      round: s.round,
      rounds: this.settings.rounds,
      locked: s.locked,
      clock: s.clock,
    };
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const c = this.state.clock;
    if (this.state.phase !== Phase.Question || !c || c.deadline === null || !this.out) return;
    const wait = Math.max(0, c.deadline + MOVE_GRACE_MS - this.deps.now());
    // Closing in its turn (after the poll phase) lets the moves already read from the sockets count first.
    this.timer = setTimeout(() => later(() => this.tryCommand({ type: 'timeout' })), wait);
  }

  private sendProgress(): void {
    if (this.progressTimer) return;
    this.progressTimer = setTimeout(() => {
      this.progressTimer = null;
      if (this.state.phase === Phase.Ended) return;
      this.out?.toHosts('round:progress', {
        round: this.state.round,
        answered: this.moves.size,
        players: this.activePlayers().length,
      });
    }, PROGRESS_MS);
  }

  sendPlayers(): void {
    this.out?.toHosts('session:players', {
      players: playerListOf(this),
      answered: this.moves.size,
    });
  }
}
