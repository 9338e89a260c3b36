-- The sessions, their players, rounds and scored moves: the same tables as the SQLite file.
-- Times are milliseconds since 1970 (bigint), JSON columns hold the wire shapes.
CREATE TABLE hosts (
  id text PRIMARY KEY,
  token_hash text NOT NULL UNIQUE,
  created_at bigint NOT NULL
);
CREATE TABLE sessions (
  id text PRIMARY KEY,
  code text NOT NULL,
  host_id text NOT NULL REFERENCES hosts(id),
  settings jsonb NOT NULL,
  state jsonb NOT NULL,
  network jsonb,
  created_at bigint NOT NULL,
  ended_at bigint
);
CREATE INDEX sessions_host ON sessions (host_id, created_at);
CREATE INDEX sessions_active ON sessions (ended_at) WHERE ended_at IS NULL;
CREATE TABLE players (
  session_id text NOT NULL REFERENCES sessions(id),
  id text NOT NULL,
  nickname text NOT NULL,
  nickname_key text NOT NULL,
  token_hash text NOT NULL,
  joined_at bigint NOT NULL,
  kicked boolean NOT NULL DEFAULT false,
  PRIMARY KEY (session_id, id)
);
CREATE INDEX players_token ON players (token_hash);
CREATE TABLE rounds (
  session_id text NOT NULL REFERENCES sessions(id),
  round integer NOT NULL,
  puzzle jsonb NOT NULL,
  started_at bigint NOT NULL,
  ended_at bigint,
  reveal jsonb,
  round_key jsonb,
  PRIMARY KEY (session_id, round)
);
-- One move per player per round: the primary key is what makes a retry unable to score twice.
CREATE TABLE moves (
  session_id text NOT NULL REFERENCES sessions(id),
  round integer NOT NULL,
  player_id text NOT NULL,
  result jsonb NOT NULL,
  created_at bigint NOT NULL,
  move_id text,
  PRIMARY KEY (session_id, round, player_id)
);
