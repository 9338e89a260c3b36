import { describe, expect, it } from 'vitest';
import { levelById, levelPuzzle } from '#shared/game/levels';
import { puzzleToJSON } from '#shared/game/puzzle';
import type { SessionSettings } from '#shared/protocol/schemas';
import type {
  DemonStanding,
  Final,
  HostWelcome,
  LeaderboardEntry,
  MoveResult,
  PlayerWelcome,
  Reveal,
  RoundStart,
  Status,
  Timer,
} from '#shared/protocol/views';
import {
  applyEvent,
  hostSession,
  initialSession,
  myEntry,
  ownReveal,
  playerScreen,
  type SessionEvent,
  type SessionState,
} from '../../client/classroom/session.ts';

// A session of two rounds as the server tells it, to the player Ada and to the host.

const puzzle = puzzleToJSON(levelPuzzle(levelById('outputDemon')!).puzzle);
const timer = (deadline: number | null): Timer => ({
  deadline,
  remainingMs: 30_000,
  limitMs: 30_000,
  serverNow: 1000,
});
const lobby: Status = { phase: 'lobby', round: 0, rounds: 2, locked: false, timer: null };
const roundStart = (round: number): RoundStart => ({
  round,
  rounds: 2,
  puzzle,
  cost: 0.2,
  timer: timer(31_000),
  training: {
    dataset: 'and',
    samples: 4,
    noise: 0,
    seed: 11,
    eta: 0.5,
    steps: 20,
    batchSize: 4,
  },
});
const entry = (id: string, score: number, rank: number, bot = false): LeaderboardEntry => ({
  id,
  nickname: id,
  bot,
  score,
  rank,
  rankChange: null,
  lastPoints: score,
  online: true,
});
const demon = (round: number, roundsBeaten: number): DemonStanding => ({
  id: 'gradient-demon',
  nickname: 'Gradient demon',
  score: 1000 * round,
  lastPoints: 1000,
  roundsBeaten,
  rounds: round,
  ranked: false,
});
const nudge = { l: 1, j: 0, dz: -0.5, deltaC: -0.01, predicted: -0.012 };
const reveal = (round: number, adaScore: number): Reveal => ({
  round,
  rounds: 2,
  endedBy: 'timer',
  deltaBar: [[0.024]],
  cost: 0.2,
  best: nudge,
  gradient: { ...nudge, quality: 1, points: 1000 },
  classMoves: {
    answered: 1,
    players: 1,
    rightSignShare: 1,
    counts: [[1]],
    moves: [{ ...nudge, rightSign: true }],
    meanQuality: 0.8,
  },
  leaderboard: [entry('p-ada', adaScore, 1)],
  demon: demon(round, 0),
  lossCurve: [0.3, 0.2].slice(0, round),
});
const move = (round: number, score: number): MoveResult => ({
  ...nudge,
  round,
  deltaBar: 0.024,
  sigmaPrime: 0.2,
  bestDeltaC: -0.0125,
  quality: 0.8,
  speed: 1,
  points: 800,
  wrongWay: false,
  rightSign: true,
  saturated: false,
  reason: 'best',
  seconds: 4,
  score,
});
const final: Final = {
  standings: [entry('p-ada', 1600, 1)],
  demon: demon(2, 0),
  lossCurve: [0.3, 0.2, 0.1],
  rounds: 2,
};
const welcome: PlayerWelcome = {
  sessionId: 's1',
  code: '123456',
  playerId: 'p-ada',
  resumeToken: 't'.repeat(32),
  nickname: 'Ada',
  score: 0,
  rank: null,
  status: lobby,
  speedScoring: true,
  round: null,
  myMove: null,
  reveal: null,
  final: null,
};

/** The events of the whole session, in the order the player's page gets them. */
const session: SessionEvent[] = [
  { type: 'player:welcome', data: welcome },
  { type: 'session:status', data: { ...lobby, locked: true } },
  { type: 'round:started', data: roundStart(1) },
  { type: 'session:status', data: { ...lobby, phase: 'paused', round: 1, timer: timer(null) } },
  { type: 'session:status', data: { ...lobby, phase: 'question', round: 1, timer: timer(40_000) } },
  { type: 'move:scored', data: move(1, 800) },
  { type: 'round:ended', data: reveal(1, 800) },
  { type: 'round:started', data: roundStart(2) },
  { type: 'round:ended', data: reveal(2, 800) },
  { type: 'session:ended', data: final },
];

const run = (events: SessionEvent[], from: SessionState = initialSession) =>
  events.reduce(applyEvent, from);

describe('the session reducer', () => {
  it('walks the player through lobby → rounds → reveal → end', () => {
    const states = session.map((_, i) => run(session.slice(0, i + 1)));
    expect(playerScreen(initialSession)).toBe('join');
    expect(states.map(playerScreen)).toEqual([
      'lobby',
      'lobby',
      'question',
      'paused',
      'question',
      'question',
      'reveal',
      'question',
      'reveal',
      'ended',
    ]);
    const [joined, locked, open1, , , moved, revealed1, open2, revealed2, ended] = states;
    expect(joined!.me).toEqual({ playerId: 'p-ada', nickname: 'Ada' });
    expect(locked!.status?.locked).toBe(true);
    // A round start keeps the lock and opens the round's clock.
    expect(open1!.status).toMatchObject({ round: 1, locked: true, timer: { deadline: 31_000 } });
    expect(moved!.myMove?.points).toBe(800);
    expect(moved!.score).toBe(800);
    // The reveal stops the clock, and the score is the leaderboard's.
    expect(revealed1!.status?.timer).toBeNull();
    expect(ownReveal(revealed1!)?.round).toBe(1);
    expect(myEntry(revealed1!)?.rank).toBe(1);
    expect(revealed1!.demon?.score).toBe(1000);
    // Round 2: no move yet; the last reveal still gives the rank but is not this round's answer.
    expect(open2!.myMove).toBeNull();
    expect(ownReveal(open2!)).toBeNull();
    expect(myEntry(open2!)?.rank).toBe(1);
    expect(revealed2!.myMove).toBeNull();
    expect(ended!.final?.standings).toHaveLength(1);
    expect(ended!.demon).toMatchObject({ score: 2000, rounds: 2 });
    expect(ended!.status?.timer).toBeNull();
  });

  it('is pure: the events leave the states they came from as they were', () => {
    const before = run(session.slice(0, 3));
    const copy = structuredClone(before);
    applyEvent(before, session[3]!);
    applyEvent(before, { type: 'round:ended', data: reveal(1, 0) });
    expect(before).toEqual(copy);
  });

  it('resumes mid-round with the move already made, and goes on from there', () => {
    // A reload after moving in round 2: the welcome carries the round, the move and round 1's reveal.
    const resumed = run([
      {
        type: 'player:welcome',
        data: {
          ...welcome,
          resumeToken: undefined,
          score: 1600,
          status: { ...lobby, phase: 'question', round: 2, timer: timer(61_000) },
          round: roundStart(2),
          myMove: move(2, 1600),
          reveal: reveal(1, 800),
        },
      },
    ]);
    expect(playerScreen(resumed)).toBe('question');
    expect(resumed.myMove?.round).toBe(2);
    expect(resumed.score).toBe(1600);
    // Round 1's answer is not shown on round 2's puzzle.
    expect(ownReveal(resumed)).toBeNull();
    const after = run(session.slice(8), resumed);
    expect(playerScreen(after)).toBe('ended');
    expect(after.myMove?.round).toBe(2);
    expect(after.score).toBe(800);
  });

  it('ignores the session’s events before a welcome, and a kick sticks', () => {
    const early = run(session.slice(2, 4));
    expect(early).toEqual(initialSession);
    const kicked = run([session[0]!, { type: 'player:kicked', data: { message: 'bye' } }]);
    expect(playerScreen(kicked)).toBe('kicked');
    expect(playerScreen(applyEvent(kicked, session[2]!))).toBe('kicked');
  });

  it('drops a progress count that belongs to another round', () => {
    const open = run(session.slice(0, 3));
    expect(
      applyEvent(open, {
        type: 'round:progress',
        data: { round: 1, answered: 3, players: 4, moved: [] },
      }).answered,
    ).toBe(3);
    expect(
      applyEvent(open, {
        type: 'round:progress',
        data: { round: 2, answered: 3, players: 4, moved: [] },
      }).answered,
    ).toBe(0);
  });

  it('keeps the host’s projector: players, counts, the loss curve, and the end', () => {
    const settings = { rounds: 2, sgdSteps: 20 } as SessionSettings;
    const hostWelcome: HostWelcome = {
      sessionId: 's1',
      code: '123456',
      joinUrl: 'http://127.0.0.1/?code=123456',
      settings,
      status: lobby,
      players: [],
      round: null,
      answered: 0,
      reveal: null,
      leaderboard: [],
      demon: demon(0, 0),
      lossCurve: [0.3],
      final: null,
    };
    const ada = { id: 'p-ada', nickname: 'Ada', online: true, score: 0, answered: false };
    const s = run([
      { type: 'host:welcome', data: hostWelcome },
      { type: 'session:players', data: { players: [ada], answered: 0 } },
      { type: 'round:started', data: roundStart(1) },
      { type: 'round:progress', data: { round: 1, answered: 1, players: 1, moved: ['p-ada'] } },
      { type: 'round:ended', data: reveal(1, 800) },
      { type: 'round:trained', data: { round: 1, lossCurve: [0.3, 0.25], sgdSteps: 20 } },
    ]);
    expect(hostSession(s)?.settings.rounds).toBe(2);
    expect(s.me).toBeNull();
    // The progress message named Ada: her tick shows without a new player list.
    expect(s.players).toEqual([{ ...ada, answered: true }]);
    expect(s.answered).toBe(1);
    expect(s.status?.phase).toBe('reveal');
    expect(s.leaderboard.map((e) => e.id)).toEqual(['p-ada']);
    expect(s.demon).toMatchObject({ score: 1000, rounds: 1, ranked: false });
    expect(s.lossCurve).toEqual([0.3, 0.25]);
    expect(s.trained?.sgdSteps).toBe(20);
    // The next round starts its count from zero, and nobody's tick carries over.
    const next = applyEvent(s, { type: 'round:started', data: roundStart(2) });
    expect(next.answered).toBe(0);
    expect(next.players[0]?.answered).toBe(false);
    expect(hostSession(applyEvent(s, { type: 'session:ended', data: final }))?.status.phase).toBe(
      'ended',
    );
    expect(hostSession(initialSession)).toBeNull();
  });
});
