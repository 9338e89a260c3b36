import type { CheckKind } from '#shared/game/concepts/index';
import type {
  CheckAnswered,
  CheckAnswerPayload,
  CheckPlan,
  CheckSheet,
  ClassCheck,
} from '#shared/protocol/check';
import { checkOpen } from '#shared/protocol/checkOpen';
import { ErrorCode } from '#shared/protocol/codes';
import type { CheckAnswerRow } from '../persistence/store.ts';
import { CheckSheets, toWire } from './checkSheets.ts';
import {
  type AnswerBook,
  answerBook,
  bookAnswer,
  checkPlanOf,
  classCheckOf,
} from './checkSummary.ts';
import { refuse } from './errors.ts';
import type { RoomPlayers } from './roomPlayers.ts';

/** The host hears the class's check at most this often while answers pour in. */
const SUMMARY_MS = 500;

/**
 * A room's concept check: each student's sheet, their answers — each one
 * checked against the student's own items, written, then acknowledged (never
 * with right or wrong: the check measures, it does not teach) — and the
 * class's results for the host, sent as answers come in.
 */
export class RoomCheck {
  readonly plan: CheckPlan;
  private readonly sheets: CheckSheets;
  private readonly book: AnswerBook;
  private cancelSummary: (() => void) | null = null;
  private lastSummary = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly room: Pick<RoomPlayers, 'deps' | 'id' | 'settings' | 'state' | 'players'> & {
      activePlayers: RoomPlayers['activePlayers'];
    },
    rows: readonly CheckAnswerRow[],
    private readonly notify: (c: ClassCheck) => void,
    private readonly after: (ms: number, job: () => void) => () => void,
  ) {
    this.plan = checkPlanOf(room.settings);
    this.sheets = new CheckSheets(room.settings.seed, room.id);
    this.book = answerBook(rows);
  }

  get any(): boolean {
    return this.plan.pre || this.plan.post;
  }

  private open(kind: CheckKind): boolean {
    const s = this.room.state;
    return checkOpen(this.plan, kind, s.phase, s.round, this.room.settings.rounds);
  }

  private given(playerId: string, kind: CheckKind): Record<string, string | number> {
    const mine = this.book.get(playerId)?.[kind] ?? {};
    return mine as Record<string, string | number>;
  }

  private player(playerId: string) {
    const p = this.room.players.get(playerId);
    if (!p || p.row.kicked)
      refuse(ErrorCode.Kicked, 'the host removed this player from the session');
    return p;
  }

  /** A student's sitting: the items and the answers kept (a refresh or a restart takes it up again). */
  sheet(playerId: string, kind: CheckKind): CheckSheet {
    this.player(playerId);
    if (!this.plan[kind]) refuse(ErrorCode.CheckClosed, `this session has no ${kind} check`);
    return {
      kind,
      open: this.open(kind),
      items: this.sheets.items(playerId, kind).map(toWire),
      answers: { ...this.given(playerId, kind) },
    };
  }

  /** One answer, final once kept. */
  async answer(playerId: string, a: CheckAnswerPayload): Promise<CheckAnswered> {
    this.player(playerId);
    if (!this.plan[a.kind]) refuse(ErrorCode.CheckClosed, `this session has no ${a.kind} check`);
    if (!this.open(a.kind))
      refuse(
        ErrorCode.CheckClosed,
        a.kind === 'pre'
          ? 'the check before round 1 closed when the game started'
          : 'the check after the game opens once the last round has closed',
      );
    const items = this.sheets.items(playerId, a.kind);
    const item = items.find((i) => i.id === a.itemId);
    if (!item) refuse(ErrorCode.NoSuchItem, `item ${a.itemId} is not on your check`);
    const want = item.format === 'choice' ? 'string' : 'number';
    if (typeof a.response !== want)
      refuse(
        ErrorCode.BadPayload,
        `item ${a.itemId} takes ${want === 'string' ? "an option's key" : 'a number'}`,
      );
    if (item.format === 'choice' && !item.options.some((o) => o.key === a.response))
      refuse(ErrorCode.NoSuchItem, `item ${a.itemId} has no option ${String(a.response)}`);
    const mine = this.given(playerId, a.kind);
    if (Object.hasOwn(mine, a.itemId))
      refuse(ErrorCode.AlreadyAnswered, 'that question already has your answer');
    // Held in memory first, so that a second answer in flight is refused; taken back if the store fails.
    bookAnswer(this.book, playerId, a.kind, a.itemId, a.response);
    try {
      await this.room.deps.store.addCheckAnswer({
        sessionId: this.room.id,
        playerId,
        kind: a.kind,
        itemId: a.itemId,
        response: a.response,
        createdAt: this.room.deps.now(),
      });
    } catch (e) {
      delete this.book.get(playerId)![a.kind][a.itemId];
      throw e;
    }
    this.sendSummary();
    const answered = Object.keys(this.given(playerId, a.kind)).length;
    return { kind: a.kind, answered, total: items.length };
  }

  /** The class's results now: the players not kicked. */
  summary(): ClassCheck {
    const students = this.room
      .activePlayers()
      .map((p) => ({ id: p.row.id, nickname: p.row.nickname }));
    return classCheckOf(this.plan, students, this.book, (id, kind) => this.sheets.items(id, kind));
  }

  /** The results to the host: at once, or gathered into one at the end of SUMMARY_MS. */
  sendSummary(): void {
    if (this.cancelSummary || !this.any) return;
    const send = () => {
      this.lastSummary = this.room.deps.now();
      this.notify(this.summary());
    };
    const wait = this.lastSummary + SUMMARY_MS - this.room.deps.now();
    if (wait <= 0) {
      send();
      return;
    }
    this.cancelSummary = this.after(wait, () => {
      this.cancelSummary = null;
      send();
    });
  }
}
