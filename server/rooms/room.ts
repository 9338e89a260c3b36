import { type Network, networkFromJSON, networkToJSON } from '#shared/engine/index';
import { puzzleFromJSON } from '#shared/game/puzzle';
import { ErrorCode, MOVE_GRACE_MS, Phase } from '#shared/protocol/codes';
import type { SessionSettings } from '#shared/protocol/schemas';
import type { Reveal, Status } from '#shared/protocol/views';
import type { LoadedSession, SessionRow, SessionState } from '../persistence/store.ts';
import { refuse } from './errors.ts';
import { later } from './later.ts';
import { type Command, pauseClock, resumeClock, transition } from './phase.ts';
import { RoomRounds } from './roomRounds.ts';
import type { RoomDeps, RoomOutput } from './roomTypes.ts';
import { openRoundMath, type RoundMath } from './round.ts';
import { finalStandingsOf, roundStartOf, statusOf } from './snapshot.ts';

export type { PlayerMem, RoomDeps, RoomOutput } from './roomTypes.ts';

/**
 * A classroom session in memory: its players, the open round and the phase.
 * Lifecycle hooks onCreate / onRestore / onJoin / onLeave / onDispose; every
 * change is written to the store before the caller acknowledges it. Layered by
 * concern: players (roomPlayers.ts), rounds and moves (roomRounds.ts), and here
 * creation, restore after a restart and the host's commands.
 */
export class Room extends RoomRounds {
  private timer: NodeJS.Timeout | null = null;

  private constructor(deps: RoomDeps, row: SessionRow, network: Network | null) {
    super(deps, row, network);
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

  /** The timer and "everyone moved" may race the host: a refused one is simply dropped. */
  protected tryCommand(cmd: Command): void {
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
}
