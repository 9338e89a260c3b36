/**
 * A change counter per network, so that a trace can tell that the network it
 * ran has changed since (an SGD step, a kept nudge). Kept beside the network,
 * not in it, so that a Network stays a plain record of arrays on the wire.
 * Writes straight into w[l] or b[l] are not seen: whoever makes one runs the
 * trace again (as the client's refresh() does).
 */
const versions = new WeakMap<object, number>();

export function versionOf(net: object): number {
  return versions.get(net) ?? 0;
}

/** Marks the network changed: every trace run on it before is now stale. */
export function touch(net: object): void {
  versions.set(net, versionOf(net) + 1);
}
