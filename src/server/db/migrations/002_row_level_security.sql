-- Row-level security in the database, not only in the service: every request's queries run as the
-- non-owner role fct_app (SET LOCAL ROLE) with the caller's scope in transaction-local settings
-- (app.role, app.community_id, app.grid_ids). Without those settings a query sees no person rows.

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'fct_app') THEN
    CREATE ROLE fct_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT;
  END IF;
  -- The role the service connects as must be able to SET ROLE fct_app. Granted here when this role
  -- may (it created fct_app; on PostgreSQL 16+ a creator holds only ADMIN OPTION until it grants
  -- itself); where a DBA manages roles and already granted it, the refusal is harmless.
  BEGIN
    EXECUTE format('GRANT fct_app TO %I', current_user);
  EXCEPTION WHEN insufficient_privilege OR invalid_grant_operation THEN
    RAISE NOTICE 'fct_app not granted to %: grant it as a DBA', current_user;
  END;
  EXECUTE format('GRANT USAGE ON SCHEMA %I TO fct_app', current_schema());
END;
$$;

-- The caller's scope, read from the transaction-local settings; missing settings scope to nothing.
CREATE FUNCTION app_may_see(row_community text, row_grid text) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT CASE coalesce(current_setting('app.role', true), '')
    WHEN 'administrator' THEN
      coalesce(current_setting('app.community_id', true), '') = ''
      OR row_community = current_setting('app.community_id', true)
    WHEN 'caseworker' THEN
      row_grid IS NOT NULL
      AND coalesce(current_setting('app.community_id', true), '') <> ''
      AND row_community = current_setting('app.community_id', true)
      AND row_grid = ANY (string_to_array(nullif(current_setting('app.grid_ids', true), ''), ','))
    ELSE false
  END
$$;

CREATE FUNCTION app_may_write(row_community text) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT coalesce(current_setting('app.role', true), '') = 'administrator'
    AND (coalesce(current_setting('app.community_id', true), '') = ''
      OR row_community = current_setting('app.community_id', true))
$$;

ALTER TABLE people ENABLE ROW LEVEL SECURITY;
ALTER TABLE people FORCE ROW LEVEL SECURITY;
ALTER TABLE rights ENABLE ROW LEVEL SECURITY;
ALTER TABLE rights FORCE ROW LEVEL SECURITY;

CREATE POLICY people_read ON people FOR SELECT USING (app_may_see(community_id, grid_id));
CREATE POLICY people_insert ON people FOR INSERT WITH CHECK (app_may_write(community_id));
CREATE POLICY people_delete ON people FOR DELETE USING (app_may_write(community_id));
CREATE POLICY rights_read ON rights FOR SELECT USING (app_may_see(community_id, grid_id));
CREATE POLICY rights_insert ON rights FOR INSERT WITH CHECK (app_may_write(community_id));

-- Only what the request path needs. No UPDATE or DELETE on audit_log (and the trigger refuses both
-- to anyone, the owner included).
GRANT SELECT ON communities, grid_cells, buildings, houses TO fct_app;
GRANT SELECT, INSERT, DELETE ON people TO fct_app;
GRANT SELECT ON rights TO fct_app;
GRANT SELECT, INSERT, DELETE ON building_counts TO fct_app;
GRANT SELECT, UPDATE (failed_count, locked_until) ON users TO fct_app;
GRANT SELECT, INSERT, UPDATE (last_seen_at), DELETE ON sessions TO fct_app;
GRANT SELECT, INSERT ON audit_log TO fct_app;
GRANT USAGE ON SEQUENCE audit_log_id_seq TO fct_app;
