// A lean socket.io client for the load generator: the socket.io v5 protocol
// over engine.io v4 on a raw websocket. The server sees exactly what a real
// client sends; the generator skips parsing the large messages it does not
// need, so that 4,000 players fit in one process and the figures measure the
// server, not the generator's JSON parsing.
import WebSocket from 'ws';

type Listener = (raw: string) => void;

export class WireClient {
  private nextId = 0;
  private readonly acks = new Map<number, (data: unknown) => void>();
  private readonly listeners = new Map<string, Listener>();

  private constructor(private readonly ws: WebSocket) {}

  static connect(url: string): Promise<WireClient> {
    const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`, {
      perMessageDeflate: false,
      skipUTF8Validation: true,
    });
    const client = new WireClient(ws);
    return new Promise((resolve, reject) => {
      ws.on('error', reject);
      ws.on('message', (buf) => {
        // A large frame is a broadcast: only its head (the event name) and tail (the timer) are read.
        if (buf.length > 4096) {
          const head = buf.toString('latin1', 0, 64);
          const name = head.startsWith('42["') ? head.slice(4, head.indexOf('"', 4)) : '';
          client.listeners.get(name)?.(head + buf.toString('latin1', buf.length - 300));
          return;
        }
        const msg = buf.toString();
        if (msg === '2') return ws.send('3'); // engine.io ping → pong
        if (msg.startsWith('0')) return ws.send('40'); // engine.io open → join namespace "/"
        if (msg.startsWith('40')) return resolve(client); // namespace joined
        if (msg.startsWith('43')) return client.onAck(msg);
        if (msg.startsWith('42["')) {
          const name = msg.slice(4, msg.indexOf('"', 4));
          client.listeners.get(name)?.(msg);
        }
      });
    });
  }

  private onAck(msg: string): void {
    let i = 2;
    while (msg.charCodeAt(i) >= 48 && msg.charCodeAt(i) <= 57) i++;
    const id = Number(msg.slice(2, i));
    const done = this.acks.get(id);
    if (!done) return;
    this.acks.delete(id);
    done((JSON.parse(msg.slice(i)) as unknown[])[0]);
  }

  /** Called with the raw frame of each `event`. */
  on(event: string, listener: Listener): void {
    this.listeners.set(event, listener);
  }

  emitWithAck(event: string, payload: unknown, timeoutMs = 30_000): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.acks.delete(id);
        resolve({ ok: false, error: { code: 'TIMEOUT' } });
      }, timeoutMs);
      this.acks.set(id, (data) => {
        clearTimeout(timer);
        resolve(data);
      });
      this.ws.send(`42${id}${JSON.stringify([event, payload])}`);
    });
  }

  close(): void {
    this.ws.close();
  }
}

/** round and deadline of a round:started frame, read without parsing its puzzle. */
export function roundAndDeadline(raw: string): { round: number; deadline: number } | null {
  const round = /^42\["round:started",\{"round":(\d+)/.exec(raw);
  const deadline = /"deadline":(\d+(?:\.\d+)?)/.exec(raw.slice(-300));
  return round && deadline ? { round: Number(round[1]), deadline: Number(deadline[1]) } : null;
}
