import { puzzleFromJSON } from '#shared/game/puzzle';
import { ErrorCode, MOVE_GRACE_MS, Phase } from '#shared/protocol/codes';
import type { SessionSettings } from '#shared/protocol/schemas';
import type { Status } from '#shared/protocol/views';
import type { AheadResult } from '../compute/work.ts';
import type {
  CheckAnswerRow,
  LoadedSession,
  SessionRow,
  SessionState,
} from '../persistence/store.ts';
import { refuse } from './errors.ts';
import { finalStandingsOf, roundStartOf, statusOf } from './messages.ts';
import { type Command, pauseClock, resumeClock } from './phase.ts';
import { decide, decideTrained, needsAhead, type Plan, preview, stepOf } from './plan.ts';
import { RoomCheck } from './roomCheck.ts';
import { RoomMoves } from './roomMoves.ts';
import type { RoomDeps, RoomOutput } from './roomTypes.ts';
import { openRoundMath } from './roundMath.ts';

export type { PlayerMem, RoomDeps, RoomOutput } from './roomTypes.ts';

/** A deadline the store could not write is tried again this often. */
const RETRY_MS = 500;

/**
 * A classroom session in memory: its players, the open round and the phase.
 * Lifecycle hooks onCreate / onRestore / onJoin / onLeave / onDispose. A
 * command runs in three steps — decide (pure, plan.ts) → persist → announce —
 * one command at a time, so that every change is in the store before anyone
 * hears of it. The heavy work (training, best-move searches) runs ahead in
 * `deps.work` while the round is played. Layered by concern: players
 * (roomPlayers.ts), moves and kicks (roomMoves.ts), and here the commands.
 */
export class Room extends RoomMoves {
  /** Commands run one after another: each waits for the one before. */
  private queue: Promise<unknown> = Promise.resolve();
  /** The heavy work past round `round`, started as soon as that round opens. */
  private ahead: { round: number; result: Promise<AheadResult> } | null = null;
  private cancelDeadline: (() => void) | null = null;
  /** The concept check before and after the game, if the host asked for it. */
  readonly check: RoomCheck;

  private constructor(deps: RoomDeps, row: SessionRow, answers: readonly CheckAnswerRow[] = []) {
    super(deps, row);
    this.check = new RoomCheck(
      this,
      answers,
      (c) => this.out?.toHosts('check:summary', c),
      (ms, job) => this.clock.after(ms, job),
    );
  }

  /** onCreate: a new session in the lobby, written to the store. */
  static async onCreate(
    deps: RoomDeps,
    id: string,
    code: string,
    hostId: string,
    settings: SessionSettings,
  ): Promise<Room> {
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
    await deps.store.createSession(row);
    const room = new Room(deps, row);
    deps.log('session_created', {
      sessionId: id,
      code,
      preset: settings.preset,
      sizes: settings.sizes,
    });
    return room;
  }

  /** onRestore: a session brought back after a restart, with its round, moves and scores. */
  static async onRestore(deps: RoomDeps, loaded: LoadedSession): Promise<Room> {
    const { session } = loaded;
    const room = new Room(deps, session, await deps.store.checkAnswers(session.id));
    for (const p of loaded.players) {
      const mem = room.addPlayerMem(p);
      mem.timeFactor = session.state.timeFactors?.[p.id] ?? 1;
    }
    for (const m of loaded.moves) {
      const p = room.players.get(m.playerId);
      if (!p) continue;
      p.points.set(m.round, m.result.points);
      p.score += m.result.points;
      if (m.moveId) p.lastMove = { moveId: m.moveId, result: m.result, saved: Promise.resolve() };
      // A kicked player's move stays in the store (the report shows it) but not in the round.
      if (m.round === session.state.round && !p.row.kicked) room.moves.set(m.playerId, m.result);
    }
    for (const r of loaded.rounds) {
      if (r.reveal) {
        room.botPoints.set(r.round, r.reveal.gradient.points);
        room.lastReveal = r.reveal;
      }
      // A round from an older file has no key kept: it is searched again here, once.
      if (r.round === session.state.round)
        room.math = openRoundMath(r.round, puzzleFromJSON(r.puzzle), r.key ?? undefined);
    }
    const s = room.state;
    if (s.phase === Phase.Ended) room.final = finalStandingsOf(room);
    if (s.phase === Phase.Question && s.clock) {
      // A clock frozen at shutdown runs on from where it stopped.
      const state = { ...s, clock: resumeClock(s.clock, deps.now()) };
      await deps.store.saveState(room.id, state, null);
      room.state = state;
    }
    deps.log('session_restored', { sessionId: room.id, phase: s.phase, round: s.round });
    return room;
  }

  /** Connects the room to its sockets, starts its timer and the work ahead. */
  attach(out: RoomOutput): void {
    this.out = out;
    this.schedule();
    const s = this.state;
    if (s.phase === Phase.Ended) return;
    // Stopped between a reveal and its training: train again (the same seed gives the same steps).
    if (s.phase === Phase.Reveal && s.lossCurve.length === s.round) this.queueTraining(s.round);
    else this.workAhead(s.round);
  }

  /**
   * onDispose: the room's clock stops; with `freeze`, an open round's clock
   * is saved stopped, to run on after a restart (settles once it is written).
   */
  async onDispose(freeze = false): Promise<void> {
    this.clock.clear();
    if (freeze && this.state.phase === Phase.Question && this.state.clock) {
      this.state = { ...this.state, clock: pauseClock(this.state.clock, this.deps.now()) };
      await this.deps.store.saveState(this.id, this.state, null);
    }
  }

  /** More time for one player, in its turn among the commands (both write the session's state). */
  override extraTime(playerId: string, factor: number): Promise<Status> {
    return this.inQueue(() => super.extraTime(playerId, factor));
  }

  /** A host command (or the timer): decided, written, then sent, in its turn. */
  command(cmd: Command): Promise<Status> {
    return this.inQueue(() => this.carryOut(cmd, false)) as Promise<Status>;
  }

  /** The timer and "everyone moved" may race the host: one that no longer fits is simply dropped. */
  protected tryCommand(cmd: Command): void {
    this.inQueue(() => this.carryOut(cmd, true)).catch((e: unknown) => {
      this.deps.log('error', {
        sessionId: this.id,
        where: cmd.type,
        message: e instanceof Error ? e.message : String(e),
      });
      // The store could not take the round's end (the database away): the timer tries again.
      if (cmd.type === 'timeout') this.clock.after(RETRY_MS, () => this.schedule());
    });
  }

  private inQueue<T>(step: () => Promise<T>): Promise<T> {
    const run = this.queue.then(step, step);
    this.queue = run.catch(() => {});
    return run;
  }

  private alive(): void {
    if (!this.clock.running)
      refuse(ErrorCode.ShuttingDown, 'the server is restarting: try again in a moment');
  }

  private async carryOut(cmd: Command, onlyIfOpen: boolean): Promise<Status | null> {
    this.lastActive = this.deps.now();
    // In its turn: moves already read from the sockets count first.
    await this.clock.turn();
    this.alive();
    if (onlyIfOpen && this.state.phase !== Phase.Question) return null;
    const t = preview(this, cmd, this.deps.now());
    if (!t.ok) refuse(t.code, t.message);
    const ahead = needsAhead(t.effects) ? await this.workAhead(this.state.round) : null;
    this.alive();
    if (onlyIfOpen && this.state.phase !== Phase.Question) return null;
    return this.holdingMoves(async () => {
      // Moves still being written are counted (or taken back) before the plan reads them.
      await this.settled();
      this.alive();
      if (onlyIfOpen && this.state.phase !== Phase.Question) return null;
      const d = decide(this, cmd, this.deps.now(), ahead);
      if (!d.ok) refuse(d.code, d.message);
      await this.persist(d.plan);
      this.announce(d.plan);
      return statusOf(this);
    });
  }

  /** The heavy work past `round`, started once and shared by whoever needs it. */
  private workAhead(round: number): Promise<AheadResult> {
    if (this.ahead?.round === round) return this.ahead.result;
    const network = round >= 1 ? this.math?.wire.network : undefined;
    const result = this.deps.work.ahead({
      settings: this.settings,
      round,
      ...(network ? { network } : {}),
    });
    const job = { round, result };
    this.ahead = job;
    result.catch((e: unknown) => {
      // A failed job is started again by the next command that needs it.
      if (this.ahead === job) this.ahead = null;
      this.deps.log('error', {
        sessionId: this.id,
        where: 'work',
        round,
        message: e instanceof Error ? e.message : String(e),
      });
    });
    return result;
  }

  /** After a reveal: the round's SGD steps land in the store and on the host's loss curve. */
  private queueTraining(round: number): void {
    this.inQueue(async () => {
      const ahead = await this.workAhead(round);
      if (!this.clock.running) return;
      await this.holdingMoves(async () => {
        const plan = decideTrained(this, round, ahead);
        if (!plan) return;
        await this.persist(plan);
        this.announce(plan);
      });
    }).catch((e: unknown) => {
      this.deps.log('error', {
        sessionId: this.id,
        where: 'training',
        round,
        message: e instanceof Error ? e.message : String(e),
      });
    });
  }

  private persist(plan: Plan): Promise<void> {
    return this.deps.store.saveStep(this.id, stepOf(this.id, plan, this.row.endedAt));
  }

  /** The plan, now in the store, becomes the room's memory and goes out to the session. */
  private announce(plan: Plan): void {
    const { reveal, trained, opened, final, state } = plan;
    const onlyTrained = trained && !reveal && !opened && !final;
    this.state = state;
    if (plan.endedAt !== null) this.row.endedAt = plan.endedAt;
    if (reveal) {
      this.dropProgress();
      this.botPoints.set(reveal.round, reveal.gradient.points);
      this.lastReveal = reveal;
      this.out?.toAll('round:ended', reveal);
      this.deps.log('round_ended', {
        sessionId: this.id,
        round: reveal.round,
        endedBy: reveal.endedBy,
        answered: reveal.classMoves.answered,
      });
    }
    if (trained) {
      this.out?.toHosts('round:trained', {
        round: trained.round,
        lossCurve: [...state.lossCurve],
        sgdSteps: trained.steps,
      });
      this.deps.log('round_trained', {
        sessionId: this.id,
        round: trained.round,
        steps: trained.steps,
        loss: state.lossCurve.at(-1),
      });
    } else if (reveal && !final) this.queueTraining(reveal.round);
    if (opened) {
      this.math = opened;
      this.moves.clear();
      this.out?.toAll('round:started', roundStartOf(this)!);
      this.deps.log('round_started', { sessionId: this.id, round: opened.round });
      this.workAhead(opened.round).catch(() => {});
    }
    if (final) {
      this.final = final;
      this.out?.toAll('session:ended', final);
      this.deps.log('session_ended', { sessionId: this.id, rounds: state.round });
      this.deps.onEnded?.(this.id);
    }
    if (!onlyTrained) {
      const status = statusOf(this);
      // round:started, round:ended and session:ended tell players the phase; the rest needs a status.
      if (reveal || opened || final) this.out?.toHosts('session:status', status);
      else this.out?.toAll('session:status', status);
    }
    // A sitting opens or closes with the phase: the projector's count follows.
    if (opened || reveal || final) this.check.sendSummary();
    this.schedule();
  }

  protected reschedule(): void {
    this.schedule();
  }

  /** The round's deadline on the room's clock (one at a time), later while a player with more time has not moved. */
  private schedule(): void {
    this.cancelDeadline?.();
    this.cancelDeadline = null;
    const closes = this.roundClosesAt();
    if (closes === null || !this.out) return;
    const wait = Math.max(0, closes + MOVE_GRACE_MS - this.deps.now());
    this.cancelDeadline = this.clock.after(wait, () => this.tryCommand({ type: 'timeout' }));
  }
}
