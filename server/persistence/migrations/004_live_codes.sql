-- The nodes of a cluster pick join codes on their own: no two running
-- sessions may hold the same one (a node whose pick is taken picks again).
CREATE UNIQUE INDEX sessions_live_code ON sessions (code) WHERE ended_at IS NULL;
