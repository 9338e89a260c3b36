import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SqliteStore } from '../../server/persistence/sqlite.ts';

describe('the store', () => {
  it('fsyncs every commit, so an acked move survives a power loss', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bd-durable-'));
    try {
      const store = new SqliteStore(path.join(dir, 's.sqlite'));
      // SQLite's synchronous = FULL (2): the WAL is synced at every commit, before the ack.
      expect(await store.synchronous()).toBe(2);
      await store.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
