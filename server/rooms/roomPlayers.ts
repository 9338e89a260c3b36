import { ErrorCode, Phase } from '#shared/protocol/codes';
import { checkNickname, type SessionSettings } from '#shared/protocol/schemas';
import type { Final, MoveResult, Reveal } from '#shared/protocol/views';
import type { PlayerRow, SessionRow, SessionState } from '../persistence/store.ts';
import { RoomClock } from './clock.ts';
import { refuse } from './errors.ts';
import { playerListOf } from './messages.ts';
import { DEMON_KEY, nicknameKey } from './nickname.ts';
import type { PlayerMem, RoomDeps, RoomOutput } from './roomTypes.ts';
import type { RoundMath } from './roundMath.ts';
import { hashToken, newId, newToken } from './secrets.ts';

/** The host hears the player list at most this often. */
const PLAYERS_MS = 250;

/**
 * The room's first layer: the session's state, and its players — joining,
 * resuming with a token, coming and going — with the host token check.
 */
export abstract class RoomPlayers {
  readonly row: SessionRow;
  state: SessionState;
  readonly players = new Map<string, PlayerMem>();
  private readonly byToken = new Map<string, string>();
  private readonly byKey = new Map<string, string>();
  /** Nickname keys of joins still being written: a second join with the same one is refused. */
  private readonly joining = new Set<string>();
  math: RoundMath | null = null;
  /** Moves of the current round. */
  readonly moves = new Map<string, MoveResult>();
  readonly botPoints = new Map<number, number>();
  lastReveal: Reveal | null = null;
  final: Final | null = null;
  protected out: RoomOutput | null = null;
  /** The room's own timers, cleared when the room goes (onDispose). */
  protected readonly clock = new RoomClock();
  private playersQueued = false;
  private lastPlayers = Number.NEGATIVE_INFINITY;
  /** When someone last joined, resumed, came or went, or the host commanded: idle lobbies expire. */
  lastActive: number;

  protected constructor(
    readonly deps: RoomDeps,
    row: SessionRow,
  ) {
    this.row = row;
    this.state = row.state;
    this.lastActive = row.createdAt;
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

  protected addPlayerMem(row: PlayerRow): PlayerMem {
    this.lastActive = Math.max(this.lastActive, row.joinedAt);
    const p: PlayerMem = { row, points: new Map(), score: 0, connections: 0, timeFactor: 1 };
    this.players.set(row.id, p);
    this.byToken.set(row.tokenHash, row.id);
    // Keyed by today's rule, whatever rule the stored key was made with.
    this.byKey.set(nicknameKey(row.nickname), row.id);
    return p;
  }

  /** onJoin: a new player with a nickname; answers the player and their resume token. */
  async onJoin(rawNickname: string): Promise<{ player: PlayerMem; token: string }> {
    const s = this.state;
    if (s.phase === Phase.Ended) refuse(ErrorCode.SessionEnded, 'the session has ended');
    if (s.locked) refuse(ErrorCode.LobbyLocked, 'the host has locked the lobby');
    if (s.phase !== Phase.Lobby && !this.settings.lateJoin)
      refuse(ErrorCode.LateJoinClosed, 'the game has started and late join is off');
    const nick = checkNickname(rawNickname);
    if (!nick.ok) refuse(ErrorCode.NicknameInvalid, nick.message);
    const key = nicknameKey(nick.nickname);
    const holder = this.byKey.get(key);
    if (holder && this.players.get(holder)?.row.kicked)
      refuse(ErrorCode.Kicked, 'the host removed this player from the session');
    if (holder || this.joining.has(key))
      refuse(ErrorCode.NicknameTaken, 'another player has that nickname');
    if (key.startsWith(DEMON_KEY))
      refuse(ErrorCode.NicknameTaken, 'that nickname is the gradient demon’s');
    const token = newToken();
    const row: PlayerRow = {
      sessionId: this.id,
      id: newId(),
      nickname: nick.nickname,
      nicknameKey: key,
      tokenHash: hashToken(token),
      joinedAt: this.deps.now(),
      kicked: false,
    };
    this.joining.add(key);
    try {
      await this.deps.store.addPlayer(row);
    } finally {
      this.joining.delete(key);
    }
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

  /** A player's connection opened (join or resume) or closed: away players stay, shown as away. */
  connected(playerId: string, delta: 1 | -1): void {
    const p = this.players.get(playerId);
    if (!p) return;
    p.connections = Math.max(0, p.connections + delta);
    this.lastActive = this.deps.now();
    this.sendPlayers();
  }

  /** The host came (or came back): the session is in use. */
  touch(): void {
    this.lastActive = this.deps.now();
  }

  /** onLeave is a closed connection; the player stays in the session. */
  onLeave(playerId: string): void {
    this.connected(playerId, -1);
  }

  activePlayers(): PlayerMem[] {
    return [...this.players.values()].filter((p) => !p.row.kicked);
  }

  /**
   * The player list to the host, coalesced: at once if none went out in the
   * last PLAYERS_MS, else one list at the end of the interval for every join,
   * leave and resume in it — a class coming back after a restart costs a few
   * lists, not one per phone.
   */
  sendPlayers(): void {
    if (this.playersQueued) return;
    const send = () => {
      this.lastPlayers = this.deps.now();
      this.out?.toHosts('session:players', {
        players: playerListOf(this),
        answered: this.moves.size,
      });
    };
    const wait = this.lastPlayers + PLAYERS_MS - this.deps.now();
    if (wait <= 0) {
      send();
      return;
    }
    this.playersQueued = true;
    this.clock.after(wait, () => {
      this.playersQueued = false;
      send();
    });
  }
}
