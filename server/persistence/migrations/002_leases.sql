-- Cluster mode: each running session has one owner node under a lease. The
-- epoch only grows; every write of a room carries the epoch its owner holds,
-- and is refused when the lease has moved on (a paused or cut-off old owner).
CREATE TABLE room_leases (
  session_id text PRIMARY KEY,
  owner text NOT NULL,
  epoch bigint NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX room_leases_expiry ON room_leases (expires_at);
-- Which epoch scored a move: a test (and an operator) can see that no stale owner wrote one.
ALTER TABLE moves ADD COLUMN epoch bigint;
-- Nodes announce themselves here: placement spreads new sessions over the live, undrained ones.
CREATE TABLE cluster_nodes (
  id text PRIMARY KEY,
  seen_at timestamptz NOT NULL,
  draining boolean NOT NULL DEFAULT false,
  rooms integer NOT NULL DEFAULT 0
);
