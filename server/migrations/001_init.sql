-- Naqi community server, schema 1. Times the server sets are timestamptz; the report's own
-- createdAt/updatedAt stay milliseconds (bigint), as in the export format.

CREATE TABLE reporters (
  id          text PRIMARY KEY,
  secret_hash bytea NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE moderators (
  id          bigserial PRIMARY KEY,
  name        text NOT NULL UNIQUE,
  token_hash  bytea NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  revoked_at  timestamptz
);

-- One row per reported (or decided) image: its automatic/decided state.
CREATE TABLE images (
  image_url      text PRIMARY KEY,
  decision       text CHECK (decision IN ('hide', 'keep')),   -- NULL = no decision (automatic)
  decision_note  text NOT NULL DEFAULT '',
  decided_at     timestamptz,
  decided_by     text,
  hidden         boolean NOT NULL DEFAULT false,
  hidden_reason  text,
  hidden_at      timestamptz,
  reporters      integer NOT NULL DEFAULT 0,
  first_seen     timestamptz NOT NULL DEFAULT now(),
  last_seen      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX images_hidden ON images (image_url) WHERE hidden;
CREATE INDEX images_last_seen ON images (last_seen);

CREATE TABLE reports (
  id           text PRIMARY KEY,
  reporter_id  text NOT NULL REFERENCES reporters (id) ON DELETE CASCADE,
  image_url    text NOT NULL REFERENCES images (image_url),
  page_url     text NOT NULL,
  page_title   text NOT NULL,
  site         text,
  source       text,
  reason       text NOT NULL,
  note         text NOT NULL,
  created_at   bigint NOT NULL,
  updated_at   bigint NOT NULL,
  received_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (reporter_id, image_url)
);
CREATE INDEX reports_image ON reports (image_url);

-- Every change of an image's visibility, in commit order: the hide list's cursor is `seq`.
CREATE TABLE hide_events (
  seq        bigserial PRIMARY KEY,
  image_url  text NOT NULL,
  hidden     boolean NOT NULL,
  reason     text,
  at         timestamptz NOT NULL DEFAULT now()
);

-- Who decided what, when, and why. Kept when reports are deleted by retention.
CREATE TABLE audit_log (
  id         bigserial PRIMARY KEY,
  at         timestamptz NOT NULL DEFAULT now(),
  moderator  text NOT NULL,
  image_url  text NOT NULL,
  decision   text NOT NULL,
  note       text NOT NULL
);
