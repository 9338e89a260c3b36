-- The concept check's answers (before and after the game): one per student, sitting and item, final.
CREATE TABLE check_answers (
  session_id text NOT NULL REFERENCES sessions(id),
  player_id text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('pre', 'post')),
  item_id text NOT NULL,
  response jsonb NOT NULL,
  created_at bigint NOT NULL,
  PRIMARY KEY (session_id, player_id, kind, item_id)
);
