import { ErrorCode, MOVE_GRACE_MS, Phase } from '#shared/protocol/codes';
import type { MovePayload } from '#shared/protocol/schemas';
import type { MoveResult, Status } from '#shared/protocol/views';
import type { SessionRow } from '../persistence/store.ts';
import { refuse } from './errors.ts';
import { openUntil, ownDeadline, ownLimitSeconds } from './extraTime.ts';
import { statusOf } from './messages.ts';
import { type Command, elapsedSeconds } from './phase.ts';
import { RoomPlayers } from './roomPlayers.ts';
import type { RoomDeps } from './roomTypes.ts';
import { checkMove, scoreRoundMove } from './roundMath.ts';

/** A move processed this long after the grace is refused even if the timer has not fired. */
const LATE_LIMIT_MS = 2000;
/** How often the host hears who has moved while moves pour in: four lists a second tick a projector smoothly. */
const PROGRESS_MS = 250;

/**
 * The room's second layer: the moves of the open round — each scored and
 * written before its ack — and the check that closes a round once everyone
 * has moved, and the host removing a player (whose move then no longer counts).
 */
export abstract class RoomMoves extends RoomPlayers {
  private cancelProgress: (() => void) | null = null;
  private lastProgress = Number.NEGATIVE_INFINITY;
  /** Players who moved since the last progress message of the open round: the next one names them. */
  private movedSince: string[] = [];
  /** Set while a command's plan is being written: moves wait for it. */
  private holding: Promise<void> | null = null;
  /** Moves scored in memory whose commit has not settled yet. */
  private readonly writing = new Set<Promise<unknown>>();

  protected constructor(deps: RoomDeps, row: SessionRow) {
    super(deps, row);
  }

  /** The timer and "everyone moved" may race the host: a refused one is simply dropped. */
  protected abstract tryCommand(cmd: Command): void;
  /** The round's closing time changed (extra time given, a player with more time moved). */
  protected abstract reschedule(): void;

  /** The factors of the players still to move: a round waits for those with more time. */
  private *pendingFactors(): Iterable<number> {
    for (const q of this.players.values())
      if (!q.row.kicked && q.timeFactor !== 1 && !this.moves.has(q.row.id)) yield q.timeFactor;
  }

  /** When the open round closes at the latest, players with more time counted (null: paused or closed). */
  roundClosesAt(): number | null {
    const c = this.state.clock;
    return this.state.phase === Phase.Question && c ? openUntil(c, this.pendingFactors()) : null;
  }

  /**
   * The host gives one player more time (×1.5, ×2) or takes it back (×1):
   * from now on, and in the open round too. Their phone hears it at once and
   * shows its own clock; the round stays open for them until their deadline.
   */
  async extraTime(playerId: string, factor: number): Promise<Status> {
    const p = this.players.get(playerId);
    if (!p || p.row.kicked) refuse(ErrorCode.NoSuchPlayer, 'no such player in this session');
    // Written before anyone hears of it: a restart or a takeover keeps the player's time.
    const timeFactors = { ...this.state.timeFactors };
    if (factor === 1) delete timeFactors[playerId];
    else timeFactors[playerId] = factor;
    const state = { ...this.state, timeFactors };
    await this.deps.store.saveState(this.id, state, this.row.endedAt);
    this.state = state;
    p.timeFactor = factor;
    this.lastActive = this.deps.now();
    this.out?.toPlayer?.(playerId, 'player:time', { factor });
    this.deps.log('player_time', { sessionId: this.id, playerId, factor });
    this.sendPlayers();
    this.reschedule();
    return statusOf(this);
  }

  /** A player's move, scored by the engine and written before the ack. */
  async move(playerId: string, m: MovePayload): Promise<MoveResult> {
    while (this.holding) await this.holding;
    const s = this.state;
    const now = this.deps.now();
    const p = this.players.get(playerId);
    if (!p || p.row.kicked)
      refuse(ErrorCode.Kicked, 'the host removed this player from the session');
    // A retry of a move already taken (its ack lost, or its node gone): the stored answer again.
    const last = p.lastMove;
    if (m.moveId !== undefined && last?.moveId === m.moveId) {
      await last.saved;
      return last.result;
    }
    if (m.round === s.round && this.moves.has(playerId))
      refuse(ErrorCode.AlreadyMoved, 'one move per round: you have moved');
    if (s.phase === Phase.Paused) refuse(ErrorCode.RoundClosed, 'the round is paused');
    if (s.phase !== Phase.Question || !s.clock || !this.math || m.round !== s.round)
      refuse(ErrorCode.RoundClosed, `round ${m.round} is not open for moves`);
    // The timer closes the round; this only catches a timer held up far past its time, or a
    // player whose own time is up while the round stays open for a classmate with more.
    const mine = ownDeadline(s.clock, p.timeFactor);
    const closes = this.roundClosesAt();
    if (mine !== null && closes !== null && closes > mine && now > mine + MOVE_GRACE_MS)
      refuse(ErrorCode.RoundClosed, 'your time is up for this round');
    if (closes !== null && now > closes + MOVE_GRACE_MS + LATE_LIMIT_MS)
      refuse(ErrorCode.RoundClosed, 'time is up for this round');
    const check = checkMove(this.math, m);
    if (!check.ok) refuse(check.code, check.message);
    if (this.settings.predict && !m.prediction)
      refuse(ErrorCode.BadPayload, 'prediction: this round asks for the sign and size of ΔC first');
    const timing = {
      seconds: elapsedSeconds(s.clock, now),
      limit: ownLimitSeconds(s.clock, p.timeFactor),
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
      moveId: m.moveId ?? null,
    });
    if (m.moveId !== undefined) p.lastMove = { moveId: m.moveId, result, saved };
    this.moves.set(playerId, result);
    p.points.set(round, result.points);
    p.score += result.points;
    this.movedSince.push(playerId);
    this.writing.add(saved);
    this.sendProgress();
    // A player with more time has moved: the round may now close sooner.
    if (p.timeFactor !== 1) this.reschedule();
    this.closeIfAllMoved();
    try {
      await saved;
    } catch (e) {
      // Not in the store, so not counted: take it back before anyone is told.
      if (this.moves.get(playerId) === result) this.moves.delete(playerId);
      if (p.lastMove?.result === result) delete p.lastMove;
      if (p.points.get(round) === result.points) {
        p.points.delete(round);
        p.score -= result.points;
      }
      throw e;
    } finally {
      this.writing.delete(saved);
    }
    return result;
  }

  /**
   * Runs `step` (decide, persist, announce) while new moves wait: none is
   * scored against a round a plan has just closed in the store but not yet in memory.
   */
  protected async holdingMoves<T>(step: () => Promise<T>): Promise<T> {
    const done = this.hold();
    try {
      return await step();
    } finally {
      done();
    }
  }

  /** Moves wait until the returned function is called (a plan is being written). */
  private hold(): () => void {
    let release = () => {};
    const held = new Promise<void>((r) => {
      release = r;
    });
    this.holding = held;
    return () => {
      if (this.holding === held) this.holding = null;
      release();
    };
  }

  /** Settles once every move being written has committed or been taken back. */
  protected async settled(): Promise<void> {
    while (this.writing.size) await Promise.allSettled([...this.writing]);
  }

  /** The host removes a player: they cannot come back to this session. */
  async kick(playerId: string): Promise<Status> {
    const p = this.players.get(playerId);
    if (!p || p.row.kicked) refuse(ErrorCode.NoSuchPlayer, 'no such player in this session');
    await this.deps.store.kickPlayer(this.id, playerId);
    if (p.row.kicked) return statusOf(this);
    p.row.kicked = true;
    this.moves.delete(playerId);
    this.out?.kick(playerId, 'the host removed you from the session');
    this.deps.log('player_kicked', { sessionId: this.id, playerId });
    this.sendPlayers();
    if (this.moves.size) this.closeIfAllMoved();
    return statusOf(this);
  }

  /**
   * Every joined, not-kicked player has moved: the round closes (in its turn,
   * after the current acks). A player who is away — a phone asleep, a wifi
   * drop, a server restart — still counts as pending: only the timer or the
   * host closes a round without them.
   */
  protected closeIfAllMoved(): void {
    if (this.state.phase !== Phase.Question) return;
    // Runs on every move: a plain scan, no array of the class built each time.
    for (const q of this.players.values()) if (!q.row.kicked && !this.moves.has(q.row.id)) return;
    this.tryCommand({ type: 'allMoved' });
  }

  /**
   * Who has moved, at most every PROGRESS_MS while moves pour in: the first at
   * once, the rest gathered into one at the end of the interval, each naming
   * only the players who moved since the one before (300 moves cost a few
   * dozen short lists, not 300 copies of the class). Only while the round is
   * open: a message that would land after the round's reveal is dropped (the
   * reveal carries the final count).
   */
  private sendProgress(): void {
    if (this.cancelProgress) return;
    const now = this.deps.now();
    const round = this.state.round;
    const send = () => {
      if (this.state.phase !== Phase.Question || this.state.round !== round) return;
      this.lastProgress = this.deps.now();
      // A move taken back (its write failed) or a player kicked since is not named.
      const moved = this.movedSince.filter((id) => this.moves.has(id));
      this.movedSince = [];
      this.out?.toHosts('round:progress', {
        round,
        answered: this.moves.size,
        players: this.activePlayers().length,
        moved,
      });
    };
    const wait = this.lastProgress + PROGRESS_MS - now;
    if (wait <= 0) {
      send();
      return;
    }
    this.cancelProgress = this.clock.after(wait, () => {
      this.cancelProgress = null;
      send();
    });
  }

  /** The round closed: a pending count is for a round that is over. */
  protected dropProgress(): void {
    this.cancelProgress?.();
    this.cancelProgress = null;
    this.movedSince = [];
  }
}
