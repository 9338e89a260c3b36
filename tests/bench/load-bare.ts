// The transport's own ceiling: a bare socket.io server that speaks just enough
// of the protocol for the load generator — it acks each move at once and sends
// messages of the game's sizes at the game's moments, with no engine and no
// database. Started as its own process by load.bench.ts.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import { buildPuzzle, puzzleToJSON } from '#shared/game/puzzle';

const SETTINGS = {
  dataset: 'digits',
  sizes: [25, 16, 16, 10],
  activations: 'sigmoid',
  cost: 'quadratic',
  batchSize: 32,
  eps: 1,
  show: 'delta',
  seed: 1,
} as const;
const puzzle = puzzleToJSON(buildPuzzle({ ...SETTINGS, sizes: [...SETTINGS.sizes] }).puzzle);
const r = () => Math.random() - 0.5;
const nudge = () => ({ l: 2, j: 3, dz: r(), deltaC: r(), predicted: r() });

interface Room {
  code: string;
  rounds: number;
  seconds: number;
  round: number;
  phase: 'lobby' | 'question' | 'reveal' | 'ended';
  players: Map<string, string>;
  /** `player:round` of every move, to catch one counted twice. */
  moved: Set<string>;
  answered: number;
  timer: NodeJS.Timeout | null;
  progress: NodeJS.Timeout | null;
  deadline: number;
}
const rooms = new Map<string, Room>();
let moves = 0;
let doubled = 0;

function status(room: Room) {
  const now = Date.now();
  return {
    phase: room.phase,
    round: room.round,
    rounds: room.rounds,
    locked: false,
    timer:
      room.phase === 'question'
        ? {
            deadline: room.deadline,
            remainingMs: room.deadline - now,
            limitMs: room.seconds * 1000,
            serverNow: now,
          }
        : null,
  };
}

function reveal(room: Room) {
  const names = [...room.players.values()];
  return {
    round: room.round,
    rounds: room.rounds,
    endedBy: 'allMoved',
    deltaBar: SETTINGS.sizes.slice(1).map((n) => Array.from({ length: n }, r)),
    cost: r(),
    best: nudge(),
    gradient: { ...nudge(), quality: r(), points: 700 },
    classMoves: {
      answered: room.answered,
      players: names.length,
      rightSignShare: r(),
      counts: SETTINGS.sizes.slice(1).map((n) => Array.from({ length: n }, () => 2)),
      moves: names.map(() => ({ l: 2, j: 3, dz: r(), deltaC: r(), rightSign: true })),
      meanQuality: r(),
    },
    leaderboard: [...names, 'Gradient demon · 梯度小恶魔'].map((nickname, i) => ({
      id: randomBytes(12).toString('base64url'),
      nickname,
      bot: false,
      score: 1000 * i,
      rank: i + 1,
      rankChange: 0,
      lastPoints: 500,
      online: true,
    })),
    lossCurve: Array.from({ length: room.round + 1 }, r),
    sgdSteps: 20,
  };
}

const http = createServer((req, res) => {
  if (req.method === 'POST' && req.url === '/api/sessions') {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      const s = JSON.parse(body || '{}') as { rounds?: number; secondsPerRound?: number };
      const code = String(100000 + rooms.size);
      rooms.set(code, {
        code,
        rounds: s.rounds ?? 5,
        seconds: s.secondsPerRound ?? 5,
        round: 0,
        phase: 'lobby',
        players: new Map(),
        moved: new Set(),
        answered: 0,
        timer: null,
        progress: null,
        deadline: 0,
      });
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          ok: true,
          data: {
            sessionId: code,
            code,
            joinUrl: '',
            hostToken: randomBytes(24).toString('base64url'),
          },
        }),
      );
    });
    return;
  }
  if (req.url === '/stats') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ moves, doubled }));
    return;
  }
  res.writeHead(404).end();
});
const io = new Server(http, { maxHttpBufferSize: 8192, serveClient: false });

function endRound(room: Room) {
  if (room.phase !== 'question') return;
  if (room.timer) clearTimeout(room.timer);
  room.phase = 'reveal';
  io.to(room.code).emit('round:ended', reveal(room));
  io.to(`${room.code}:host`).emit('session:status', status(room));
  setImmediate(() =>
    io.to(`${room.code}:host`).emit('round:trained', {
      round: room.round,
      lossCurve: Array.from({ length: room.round + 1 }, r),
      sgdSteps: 20,
    }),
  );
}

function advance(room: Room) {
  if (room.round >= room.rounds) {
    room.phase = 'ended';
    io.to(room.code).emit('session:ended', {
      standings: reveal(room).leaderboard,
      lossCurve: [],
      rounds: room.rounds,
    });
  } else {
    room.round++;
    room.phase = 'question';
    room.answered = 0;
    room.deadline = Date.now() + room.seconds * 1000;
    room.timer = setTimeout(() => endRound(room), room.seconds * 1000 + 500);
    const st = status(room);
    io.to(room.code).emit('round:started', {
      round: room.round,
      rounds: room.rounds,
      puzzle,
      cost: r(),
      timer: st.timer!,
    });
  }
  io.to(`${room.code}:host`).emit('session:status', status(room));
}

io.on('connection', (socket: Socket) => {
  let room: Room | undefined;
  let id = '';
  socket.on('host:join', (p: { code: string }, ack: (x: unknown) => void) => {
    room = rooms.get(p.code);
    socket.join([p.code, `${p.code}:host`]);
    ack({ ok: true, data: { status: room && status(room) } });
  });
  socket.on('player:join', (p: { code: string; nickname: string }, ack: (x: unknown) => void) => {
    room = rooms.get(p.code);
    if (!room) return ack({ ok: false, error: { code: 'NOT_FOUND', message: '' } });
    id = randomBytes(12).toString('base64url');
    room.players.set(id, p.nickname);
    socket.join(p.code);
    ack({
      ok: true,
      data: {
        playerId: id,
        resumeToken: randomBytes(24).toString('base64url'),
        status: status(room),
      },
    });
  });
  const command = (ack: (x: unknown) => void) => {
    if (room) advance(room);
    ack({ ok: true, data: room && status(room) });
  };
  socket.on('host:start', (_p: unknown, ack: (x: unknown) => void) => command(ack));
  socket.on('host:next', (_p: unknown, ack: (x: unknown) => void) => command(ack));
  socket.on(
    'move:submit',
    (p: { round: number; l: number; j: number; dz: number }, ack: (x: unknown) => void) => {
      const rm = room;
      // Only acks: a move after the round closed still counts, once.
      if (!rm) return ack({ ok: false, error: { code: 'NOT_JOINED', message: '' } });
      if (rm.moved.has(`${id}:${p.round}`)) {
        doubled++;
        return ack({ ok: false, error: { code: 'ALREADY_MOVED', message: '' } });
      }
      rm.moved.add(`${id}:${p.round}`);
      moves++;
      ack({
        ok: true,
        data: {
          ...nudge(),
          round: p.round,
          deltaBar: r(),
          sigmaPrime: r(),
          bestDeltaC: r(),
          quality: r(),
          speed: 0.6,
          points: 512,
          wrongWay: false,
          rightSign: true,
          saturated: false,
          reason: 'smallDelta',
          seconds: 3.2,
          score: 1024,
        },
      });
      rm.progress ??= setTimeout(() => {
        rm.progress = null;
        io.to(`${rm.code}:host`).emit('round:progress', {
          round: rm.round,
          answered: rm.answered,
          players: rm.players.size,
        });
      }, 100);
      if (p.round === rm.round && ++rm.answered === rm.players.size)
        setImmediate(() => endRound(rm));
    },
  );
});

http.listen(Number(process.env['PORT'] ?? 0), process.env['HOST'] ?? '127.0.0.1', () => {
  const a = http.address();
  const port = typeof a === 'object' && a ? a.port : 0;
  console.log(JSON.stringify({ event: 'listening', url: `http://localhost:${port}` }));
});
process.on('SIGTERM', () => io.close(() => process.exit(0)));
