import type pg from 'pg';

/** How long a lease lasts unrenewed: an owner that dies loses its rooms this long after its last renewal. */
export const LEASE_TTL_MS = 3000;
/** How often an owner renews all its leases (a third of the TTL: two renewals may fail in a row). */
export const RENEW_EVERY_MS = 1000;

/** A lease this node holds, or took over. */
export interface Lease {
  sessionId: string;
  epoch: number;
  /** Taken over from a lapsed lease: for how long the session had no live owner (ms). */
  ownerlessMs: number | null;
}

/**
 * The room leases, kept in Postgres (table room_leases). One owner per session;
 * the epoch grows by one at each change of owner. Taking a lease locks its row
 * (FOR UPDATE), so it waits for any write of the old owner that holds the row
 * under FOR SHARE (see PostgresStore.fenced) and every later write of the old
 * owner finds the new epoch and is refused: a fencing token checked by the
 * database itself, whatever the old owner's clock or state.
 */
export class LeaseBook {
  /** Epochs of the leases this node holds. */
  private readonly held = new Map<string, number>();

  constructor(
    private readonly pool: pg.Pool,
    readonly nodeId: string,
    private readonly ttlMs = LEASE_TTL_MS,
  ) {}

  /** The epoch this node holds for a session (the store's fence), if any. */
  epochOf(sessionId: string): number | undefined {
    return this.held.get(sessionId);
  }

  owned(): string[] {
    return [...this.held.keys()];
  }

  /** A new session's lease, epoch 1 (before the session row is written). */
  async claimNew(sessionId: string): Promise<number> {
    const r = await this.pool.query<{ epoch: number }>(
      `INSERT INTO room_leases (session_id, owner, epoch, expires_at)
       VALUES ($1, $2, 1, now() + $3 * interval '1 millisecond') RETURNING epoch`,
      [sessionId, this.nodeId, this.ttlMs],
    );
    const epoch = Number(r.rows[0]!.epoch);
    this.held.set(sessionId, epoch);
    return epoch;
  }

  /**
   * Takes over a session whose lease has lapsed (or that has none: a session
   * made before the cluster). Null when another node holds it or got it first.
   */
  async takeOver(sessionId: string): Promise<Lease | null> {
    const c = await this.pool.connect();
    try {
      await c.query('BEGIN');
      const old = await c.query<{ lapsed_ms: number }>(
        `SELECT extract(epoch FROM (now() - expires_at)) * 1000 AS lapsed_ms
         FROM room_leases WHERE session_id = $1 FOR UPDATE`,
        [sessionId],
      );
      const row = old.rows[0];
      if (row && Number(row.lapsed_ms) < 0) {
        await c.query('ROLLBACK');
        return null;
      }
      const r = await c.query<{ epoch: number }>(
        `INSERT INTO room_leases (session_id, owner, epoch, expires_at)
         VALUES ($1, $2, 1, now() + $3 * interval '1 millisecond')
         ON CONFLICT (session_id) DO UPDATE SET owner = EXCLUDED.owner,
           epoch = room_leases.epoch + 1, expires_at = EXCLUDED.expires_at
         RETURNING epoch`,
        [sessionId, this.nodeId, this.ttlMs],
      );
      await c.query('COMMIT');
      const epoch = Number(r.rows[0]!.epoch);
      this.held.set(sessionId, epoch);
      // The owner's last renewal was one TTL before the lease lapsed.
      return { sessionId, epoch, ownerlessMs: row ? Number(row.lapsed_ms) + this.ttlMs : null };
    } catch (e) {
      await c.query('ROLLBACK').catch(() => {});
      throw e;
    } finally {
      c.release();
    }
  }

  /**
   * Renews every lease this node holds; returns the sessions whose lease is
   * gone (another node took it over while this one was paused or cut off).
   */
  async renew(): Promise<string[]> {
    if (!this.held.size) return [];
    const ids = [...this.held.keys()];
    const epochs = ids.map((id) => this.held.get(id)!);
    const r = await this.pool.query<{ session_id: string }>(
      `UPDATE room_leases l SET expires_at = now() + $3 * interval '1 millisecond'
       FROM unnest($1::text[], $2::int8[]) AS mine(session_id, epoch)
       WHERE l.session_id = mine.session_id AND l.epoch = mine.epoch AND l.owner = $4
       RETURNING l.session_id`,
      [ids, epochs, this.ttlMs, this.nodeId],
    );
    const kept = new Set(r.rows.map((x) => x.session_id));
    const lost = ids.filter((id) => !kept.has(id) && this.held.get(id) !== undefined);
    for (const id of lost) this.held.delete(id);
    return lost;
  }

  /** Gives a lease up at once (a graceful stop, or a drain): another node may take it now. */
  async release(sessionId: string): Promise<void> {
    const epoch = this.held.get(sessionId);
    this.held.delete(sessionId);
    if (epoch === undefined) return;
    await this.pool.query(
      `UPDATE room_leases SET expires_at = now() - interval '1 second'
       WHERE session_id = $1 AND epoch = $2 AND owner = $3`,
      [sessionId, epoch, this.nodeId],
    );
  }

  /** Forgets a session (it ended here, or was lost): no more renewals. */
  forget(sessionId: string): void {
    this.held.delete(sessionId);
  }

  /** Running sessions with no live owner, oldest lapse first (at most `limit`). */
  async orphans(limit: number): Promise<string[]> {
    const r = await this.pool.query<{ id: string }>(
      `SELECT s.id FROM sessions s LEFT JOIN room_leases l ON l.session_id = s.id
       WHERE s.ended_at IS NULL AND (l.session_id IS NULL OR l.expires_at < now())
       ORDER BY l.expires_at NULLS FIRST LIMIT $1`,
      [limit],
    );
    return r.rows.map((x) => x.id);
  }

  /** The node holding a live lease of the session, if any. */
  async ownerOf(sessionId: string): Promise<string | undefined> {
    const r = await this.pool.query<{ owner: string }>(
      'SELECT owner FROM room_leases WHERE session_id = $1 AND expires_at > now()',
      [sessionId],
    );
    return r.rows[0]?.owner;
  }
}
