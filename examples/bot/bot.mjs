#!/usr/bin/env node
/**
 * An example player bot for Backprop Demon: joins a session, moves every
 * round, and checks every number the server sends with its own backprop,
 * PRNG and SGD (./lib): the cost, each move's ΔC, δ̄, q, points and reason,
 * the best move, the gradient demon, the ranks, and the network the next
 * round starts from, bit for bit. It depends on socket.io-client only.
 *
 *   node examples/bot/bot.mjs --url http://127.0.0.1:3000 --code 482913 [--name "Bot Ada"] [--strategy best|mixed]
 *
 * Prints one JSON line per event; the last is the summary. Exits 0 when every
 * check passed, 1 when one failed, 2 when it could not play.
 */
import { parseArgs } from 'node:util';
import { io } from 'socket.io-client';
import { Verifier } from './lib/verify.mjs';

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: 'http://127.0.0.1:3000' },
    code: { type: 'string' },
    name: { type: 'string', default: 'Example bot' },
    strategy: { type: 'string', default: 'best' },
    timeout: { type: 'string', default: '600' },
  },
});
const say = (event, data = {}) => console.log(JSON.stringify({ event, ...data }));
if (!values.code) {
  say('error', { message: 'give the session code with --code' });
  process.exit(2);
}

const v = new Verifier();
const socket = io(values.url, { transports: ['websocket'], reconnection: false });
const quit = (code) => {
  socket.disconnect();
  process.exit(code);
};
setTimeout(() => {
  say('error', { message: 'the session did not end in time' });
  quit(2);
}, Number(values.timeout) * 1000).unref();

/** One message at a time: a reveal is checked after the move of its round was acked. */
let queue = Promise.resolve();
const handle = (f) => (msg) => {
  queue = queue
    .then(() => f(msg))
    .catch((e) => {
      say('error', { message: String(e?.stack ?? e) });
      quit(2);
    });
};

socket.on('connect_error', (e) => {
  say('error', { message: `cannot connect: ${e.message}` });
  quit(2);
});

/** A puzzle: check it, pick a move, send it, check its ack. */
const onRound = async (msg) => {
  v.roundStarted(msg);
  const move = v.choose(values.strategy);
  const ack = await socket.emitWithAck('move:submit', { round: msg.round, ...move });
  if (!ack.ok) {
    say('refused', { round: msg.round, ...ack.error });
    return;
  }
  v.moveResult(move, ack.data);
  say('moved', { round: msg.round, ...move, points: ack.data.points, reason: ack.data.reason });
};
socket.on('round:started', handle(onRound));
socket.on(
  'round:ended',
  handle((rev) => {
    v.revealed(rev);
    say('revealed', { round: rev.round, failures: v.failures().length });
  }),
);
socket.on(
  'session:ended',
  handle((final) => {
    v.ended(final);
    const failures = v.failures();
    for (const f of failures) say('check_failed', f);
    say('summary', {
      checks: v.checks.length,
      failures: failures.length,
      sgdRoundsVerified: v.sgdRounds,
      score: v.score,
    });
    quit(failures.length ? 1 : 0);
  }),
);

socket.on('connect', async () => {
  const ack = await socket.emitWithAck('player:join', { code: values.code, nickname: values.name });
  if (!ack.ok) {
    say('error', { message: `join refused: ${ack.error.code} ${ack.error.message}` });
    quit(2);
  }
  v.welcome(ack.data);
  say('joined', { playerId: ack.data.playerId, nickname: ack.data.nickname });
  // Joined during a round: play it as if its round:started had just come.
  if (ack.data.round && !ack.data.myMove) handle(onRound)(ack.data.round);
});
