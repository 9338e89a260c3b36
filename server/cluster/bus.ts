import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';

/** A call from one node to another: a method name and plain-data arguments. */
export interface BusRequest {
  method: string;
  args: unknown;
}

/** The answer: the data, or the refusal (an ErrorCode and a message) the owner gave. */
export type BusReply = { ok: true; data: unknown } | { ok: false; code: string; message: string };

type Wire =
  | { t: 'req'; id: string; from: string; req: BusRequest }
  | { t: 'res'; id: string; reply: BusReply }
  | { t: 'note'; from: string; req: BusRequest };

const nodeChannel = (node: string) => `bd:node:${node}`;
const ALL = 'bd:all';

/**
 * Node-to-node calls over Redis pub/sub: `call(node, …)` publishes on the
 * node's channel and resolves with its reply, or rejects after `timeoutMs`
 * (a dead node answers nothing). `notify` tells every node (itself too).
 * socket.io's own serverSideEmit waits for every node's answer, so one dead
 * node would hold each forwarded move until its timeout; here only the owner answers.
 */
export class NodeBus {
  private readonly pub: Redis;
  private readonly sub: Redis;
  private readonly waiting = new Map<
    string,
    { resolve: (r: BusReply) => void; timer: NodeJS.Timeout }
  >();

  constructor(
    url: string,
    readonly nodeId: string,
    onCall: (req: BusRequest, from: string) => Promise<BusReply>,
    onNote: (req: BusRequest, from: string) => void,
  ) {
    // Commands wait at most a moment while Redis is away: a move then fails fast and says so.
    const opts = { maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: false };
    this.pub = new Redis(url, opts);
    this.sub = new Redis(url, { maxRetriesPerRequest: null });
    this.pub.on('error', () => {});
    this.sub.on('error', () => {});
    void this.sub.subscribe(nodeChannel(nodeId), ALL);
    this.sub.on('message', (_channel: string, text: string) => {
      let m: Wire;
      try {
        m = JSON.parse(text) as Wire;
      } catch {
        return;
      }
      if (m.t === 'res') {
        const w = this.waiting.get(m.id);
        if (!w) return;
        this.waiting.delete(m.id);
        clearTimeout(w.timer);
        w.resolve(m.reply);
      } else if (m.t === 'req') {
        onCall(m.req, m.from).then(
          (reply) => this.send(m.from, { t: 'res', id: m.id, reply }),
          (e: unknown) =>
            this.send(m.from, {
              t: 'res',
              id: m.id,
              reply: { ok: false, code: 'INTERNAL', message: String(e) },
            }),
        );
      } else onNote(m.req, m.from);
    });
  }

  /** Resolves once subscribed (so that replies to this node's calls can arrive). */
  async ready(): Promise<void> {
    for (let i = 0; i < 200 && this.sub.status !== 'ready'; i++)
      await new Promise((r) => setTimeout(r, 25));
  }

  private send(node: string, m: Wire): void {
    this.pub.publish(nodeChannel(node), JSON.stringify(m)).catch(() => {});
  }

  call(node: string, req: BusRequest, timeoutMs: number): Promise<BusReply> {
    const id = randomUUID();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        reject(new Error(`node ${node} did not answer ${req.method}`));
      }, timeoutMs);
      this.waiting.set(id, { resolve, timer });
      this.pub
        .publish(nodeChannel(node), JSON.stringify({ t: 'req', id, from: this.nodeId, req }))
        .then(
          // Nobody subscribed: that node is gone.
          (receivers) => {
            if (receivers > 0) return;
            this.waiting.delete(id);
            clearTimeout(timer);
            reject(new Error(`node ${node} is not listening`));
          },
          (e: unknown) => {
            this.waiting.delete(id);
            clearTimeout(timer);
            reject(e);
          },
        );
    });
  }

  /** A notice to every node, this one included. */
  notify(req: BusRequest): void {
    this.pub.publish(ALL, JSON.stringify({ t: 'note', from: this.nodeId, req })).catch(() => {});
  }

  async close(): Promise<void> {
    for (const w of this.waiting.values()) clearTimeout(w.timer);
    this.waiting.clear();
    this.sub.disconnect();
    this.pub.disconnect();
  }
}
