-- The resident-data service's tables. Person-level rows (people, rights) carry their community and
-- grid cell, so row-level security (002) can scope them without joins.

CREATE TABLE communities (
  id text PRIMARY KEY,
  name_zh text NOT NULL,
  name_en text NOT NULL
);

CREATE TABLE grid_cells (
  id text NOT NULL,
  community_id text NOT NULL REFERENCES communities (id),
  name text NOT NULL,
  PRIMARY KEY (community_id, id)
);

CREATE TABLE buildings (
  id text PRIMARY KEY,
  community_id text NOT NULL REFERENCES communities (id),
  grid_id text,
  name text
);
CREATE INDEX buildings_community ON buildings (community_id);

CREATE TABLE houses (
  id text PRIMARY KEY,
  building_id text NOT NULL REFERENCES buildings (id),
  community_id text NOT NULL REFERENCES communities (id)
);
CREATE INDEX houses_building ON houses (building_id);

CREATE TABLE people (
  id text PRIMARY KEY,
  house_id text NOT NULL REFERENCES houses (id),
  building_id text NOT NULL REFERENCES buildings (id),
  community_id text NOT NULL REFERENCES communities (id),
  grid_id text,
  age_band text NOT NULL,
  sex text NOT NULL CHECK (sex IN ('F', 'M')),
  tags text[] NOT NULL DEFAULT '{}',
  name text,
  phone text,
  id_number text
);
CREATE INDEX people_community_building ON people (community_id, building_id);
CREATE INDEX people_grid ON people (grid_id);
CREATE INDEX people_house ON people (house_id);

CREATE TABLE rights (
  id text PRIMARY KEY,
  house_id text NOT NULL REFERENCES houses (id),
  building_id text NOT NULL REFERENCES buildings (id),
  community_id text NOT NULL REFERENCES communities (id),
  grid_id text,
  right_type text NOT NULL,
  holder_ref text NOT NULL,
  share double precision
);
CREATE INDEX rights_community_building ON rights (community_id, building_id);
CREATE INDEX rights_house ON rights (house_id);

-- Per-building counts, recomputed whenever a community's people change (seed, import), so the open
-- aggregates endpoint never needs to read person rows.
CREATE TABLE building_counts (
  building_id text PRIMARY KEY REFERENCES buildings (id),
  community_id text NOT NULL REFERENCES communities (id),
  residents integer NOT NULL,
  elderly integer NOT NULL,
  infants integer NOT NULL,
  with_disability integer NOT NULL,
  living_alone_elderly integer NOT NULL
);
CREATE INDEX building_counts_community ON building_counts (community_id);

CREATE TABLE users (
  id bigserial PRIMARY KEY,
  username text NOT NULL UNIQUE,
  display_name text NOT NULL,
  role text NOT NULL CHECK (role IN ('public', 'caseworker', 'administrator')),
  community_id text REFERENCES communities (id),
  grid_ids text[] NOT NULL DEFAULT '{}',
  password_hash text NOT NULL,
  password_salt text NOT NULL,
  failed_count integer NOT NULL DEFAULT 0,
  locked_until timestamptz
);

-- Only the SHA-256 of a session token is stored: a copy of this table signs nobody in.
CREATE TABLE sessions (
  token_sha256 text PRIMARY KEY,
  user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL
);

-- Who read, exported, imported, signed in or was denied: ids and counts, never values.
CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  username text,
  role text,
  action text NOT NULL,
  community_id text,
  target text NOT NULL DEFAULT '',
  row_count integer NOT NULL DEFAULT 0,
  remote_address text NOT NULL DEFAULT ''
);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;

CREATE TRIGGER audit_log_no_update_or_delete
  BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
