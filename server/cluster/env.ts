import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { nodeId } from '../log.ts';

/**
 * This process's id in the cluster: the log's node name and a random suffix,
 * so that a node restarted under the same name is a new owner (its old
 * leases are taken over and fenced, never silently continued).
 */
export function clusterNodeId(): string {
  return `${nodeId}#${randomBytes(3).toString('hex')}`;
}

/** The Redis connection of the shared rate limits (commands fail fast while Redis is away). */
export function limitRedis(url: string): Redis {
  const r = new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false });
  r.on('error', () => {});
  return r;
}
