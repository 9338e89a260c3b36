import type pg from 'pg';
import type { SessionSettings } from '#shared/protocol/schemas';

/** A node not seen for this long is taken for gone. */
const LIVE_MS = 3000;

/** A session made on another node for a host's request. */
export interface Placed {
  sessionId: string;
  code: string;
  hostToken: string;
  settings: SessionSettings;
}

/**
 * Which node runs what: every node writes a heartbeat (table cluster_nodes)
 * with its room count and whether it is draining; new sessions go to the
 * live, undrained node with the fewest rooms, and orphaned sessions to the
 * least busy nodes too.
 */
export class Placement {
  constructor(
    private readonly pool: pg.Pool,
    private readonly nodeId: string,
    private readonly rooms: () => number,
  ) {}

  async beat(draining: boolean): Promise<void> {
    await this.pool.query(
      `INSERT INTO cluster_nodes (id, seen_at, draining, rooms) VALUES ($1, now(), $2, $3)
       ON CONFLICT (id) DO UPDATE SET seen_at = now(), draining = $2, rooms = $3`,
      [this.nodeId, draining, this.rooms()],
    );
  }

  private async live(): Promise<{ id: string; rooms: number }[]> {
    const r = await this.pool.query<{ id: string; rooms: number }>(
      `SELECT id, rooms FROM cluster_nodes
       WHERE NOT draining AND seen_at > now() - $1 * interval '1 millisecond' ORDER BY rooms, id`,
      [LIVE_MS],
    );
    return r.rows;
  }

  /** The node a new session should go to (this one when it is as idle as any). */
  async pick(draining: boolean): Promise<string | null> {
    const nodes = await this.live();
    const mine = this.rooms();
    const best = nodes.find((n) => n.id !== this.nodeId);
    if (!draining && (!best || mine <= best.rooms)) return this.nodeId;
    return best?.id ?? null;
  }

  /** Whether this node should take orphans now: no live node runs fewer rooms. */
  async mayTake(): Promise<boolean> {
    const nodes = await this.live();
    const fewest = Math.min(...nodes.filter((n) => n.id !== this.nodeId).map((n) => n.rooms));
    return !Number.isFinite(fewest) || this.rooms() <= fewest;
  }

  async leave(): Promise<void> {
    await this.pool.query('DELETE FROM cluster_nodes WHERE id = $1', [this.nodeId]);
  }
}
