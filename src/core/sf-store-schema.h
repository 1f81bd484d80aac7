#pragma once

/* The schema, one migration a step: migrations[N] takes a database from
 * user_version N to N + 1.  Never edit a released step; add one. */
static const char * const sf_store_migrations[] = {
  /* 0 → 1 */
  "CREATE TABLE meta ("
  "  key   TEXT PRIMARY KEY,"
  "  value TEXT NOT NULL"
  ") WITHOUT ROWID;"

  "CREATE TABLE setting ("
  "  key   TEXT PRIMARY KEY,"
  "  value TEXT NOT NULL"
  ") WITHOUT ROWID;"

  "CREATE TABLE area ("
  "  id               INTEGER PRIMARY KEY,"
  "  key              TEXT NOT NULL UNIQUE,"
  "  name             TEXT NOT NULL,"
  "  ds_low           REAL NOT NULL,"
  "  ds_high          REAL NOT NULL,"
  "  survey_avg       REAL,"
  "  survey_avg_prev  REAL,"
  "  appropriate      REAL,"
  "  share_too_high   REAL,"
  "  share_compliant  REAL,"
  "  survey_year      INTEGER,"
  "  survey_prev_year INTEGER,"
  "  note             TEXT,"
  "  source           TEXT,"
  "  custom           INTEGER NOT NULL DEFAULT 0,"
  "  CHECK (ds_high > 0 AND ds_low >= 0 AND ds_low <= ds_high)"
  ");"

  "CREATE TABLE team ("
  "  id      INTEGER PRIMARY KEY,"
  "  name    TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length (name) > 0),"
  "  area_id INTEGER NOT NULL REFERENCES area (id),"
  "  cap     REAL CHECK (cap IS NULL OR cap > 0)"
  ");"
  "CREATE INDEX team_area ON team (area_id);"

  "CREATE TABLE caseworker ("
  "  id                INTEGER PRIMARY KEY,"
  "  initials          TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length (initials) > 0),"
  "  name              TEXT NOT NULL,"
  "  team_id           INTEGER NOT NULL REFERENCES team (id),"
  "  weekly_hours      REAL NOT NULL DEFAULT 37 CHECK (weekly_hours >= 0),"
  "  start_date        TEXT,"
  "  absence_kind      TEXT,"
  "  absence_from      TEXT,"
  "  absence_to        TEXT,"
  "  individual_factor REAL NOT NULL DEFAULT 1"
  "                    CHECK (individual_factor >= 0 AND individual_factor <= 1),"
  "  factor_reason     TEXT"
  ");"
  "CREATE INDEX caseworker_team ON caseworker (team_id);"

  "CREATE TABLE reduction ("
  "  id            INTEGER PRIMARY KEY,"
  "  caseworker_id INTEGER NOT NULL REFERENCES caseworker (id) ON DELETE CASCADE,"
  "  hours         REAL NOT NULL CHECK (hours > 0),"
  "  reason        TEXT NOT NULL CHECK (reason IN ('tr', 'uddannelse', 'projekt', 'andet')),"
  "  note          TEXT,"
  "  valid_from    TEXT,"
  "  valid_to      TEXT,"
  "  CHECK (valid_from IS NULL OR valid_to IS NULL OR valid_from <= valid_to)"
  ");"
  "CREATE INDEX reduction_caseworker ON reduction (caseworker_id);"

  "CREATE TABLE casefile ("
  "  id            INTEGER PRIMARY KEY,"
  "  reference     TEXT NOT NULL UNIQUE CHECK (length (reference) > 0),"
  "  area_id       INTEGER REFERENCES area (id),"
  "  complexity    TEXT NOT NULL"
  "                CHECK (complexity IN ('enkel', 'kompleks', 'saerligt-kompliceret')),"
  "  start_date    TEXT,"
  "  closed_date   TEXT,"
  "  caseworker_id INTEGER NOT NULL REFERENCES caseworker (id),"
  "  cover_id      INTEGER REFERENCES caseworker (id),"
  "  CHECK (cover_id IS NULL OR cover_id <> caseworker_id)"
  ");"
  "CREATE INDEX casefile_caseworker ON casefile (caseworker_id);"
  "CREATE INDEX casefile_cover ON casefile (cover_id) WHERE cover_id IS NOT NULL;"

  "CREATE TABLE audit ("
  "  id      INTEGER PRIMARY KEY,"
  "  at      TEXT NOT NULL,"
  "  who     TEXT NOT NULL,"
  "  action  TEXT NOT NULL,"
  "  subject TEXT,"
  "  detail  TEXT"
  ");",

  /* 1 → 2: acknowledged alerts, and the daily history of figures.  History
   * keeps a row only when a person's or team's figures changed since their
   * previous row, so a year of unchanged figures costs nothing. */
  "CREATE TABLE alert_ack ("
  "  id       INTEGER PRIMARY KEY,"
  "  identity TEXT NOT NULL UNIQUE,"
  "  value    REAL NOT NULL,"
  "  note     TEXT NOT NULL,"
  "  expires  TEXT,"
  "  at       TEXT NOT NULL,"
  "  who      TEXT NOT NULL"
  ");"

  "CREATE TABLE meta_run ("
  "  program  TEXT PRIMARY KEY,"
  "  last_run TEXT NOT NULL,"
  "  errors   TEXT NOT NULL DEFAULT ''"
  ") WITHOUT ROWID;"

  "CREATE TABLE worker_history ("
  "  caseworker_id INTEGER NOT NULL REFERENCES caseworker (id) ON DELETE CASCADE,"
  "  day           TEXT NOT NULL,"
  "  open_cases    INTEGER NOT NULL,"
  "  weighted_load REAL NOT NULL,"
  "  adjusted_norm REAL NOT NULL,"
  "  status        TEXT NOT NULL,"
  "  PRIMARY KEY (caseworker_id, day)"
  ") WITHOUT ROWID;"

  "CREATE TABLE team_history ("
  "  team_id         INTEGER NOT NULL REFERENCES team (id) ON DELETE CASCADE,"
  "  day             TEXT NOT NULL,"
  "  open_cases      INTEGER NOT NULL,"
  "  load            REAL NOT NULL,"
  "  capacity        REAL NOT NULL,"
  "  uncovered_cases INTEGER NOT NULL,"
  "  PRIMARY KEY (team_id, day)"
  ") WITHOUT ROWID;",

  /* 2 → 3: cases entered as counts (references made by the app, for
   * municipalities that do not export case lists), and the column names of
   * other case systems' exports, mapped once to ours and remembered. */
  "ALTER TABLE casefile ADD COLUMN counted INTEGER NOT NULL DEFAULT 0;"

  "CREATE TABLE import_mapping ("
  "  kind   TEXT NOT NULL CHECK (kind IN ('roster', 'cases')),"
  "  source TEXT NOT NULL,"
  "  target TEXT NOT NULL,"
  "  PRIMARY KEY (kind, source)"
  ") WITHOUT ROWID;",

  /* 3 → 4: checklists (faglige pejlemærker, work procedures).  A team's
   * checklist copies its template's items; shipped = 1 marks texts that are
   * the catalogue's English source strings, translated when shown.  Each
   * check and uncheck is kept in checklist_event. */
  "CREATE TABLE checklist_template ("
  "  id          INTEGER PRIMARY KEY,"
  "  key         TEXT NOT NULL UNIQUE CHECK (length (key) > 0),"
  "  title       TEXT NOT NULL CHECK (length (title) > 0),"
  "  description TEXT,"
  "  at          TEXT NOT NULL,"
  "  who         TEXT NOT NULL"
  ");"

  "CREATE TABLE checklist_template_item ("
  "  id             INTEGER PRIMARY KEY,"
  "  template_id    INTEGER NOT NULL REFERENCES checklist_template (id) ON DELETE CASCADE,"
  "  position       INTEGER NOT NULL,"
  "  key            TEXT,"
  "  section        TEXT,"
  "  section_detail TEXT,"
  "  text           TEXT NOT NULL CHECK (length (text) > 0),"
  "  detail         TEXT,"
  "  shipped        INTEGER NOT NULL DEFAULT 0,"
  "  review_months  INTEGER NOT NULL DEFAULT 0 CHECK (review_months BETWEEN 0 AND 120)"
  ");"
  "CREATE INDEX checklist_template_item_template ON checklist_template_item (template_id);"

  "CREATE TABLE checklist ("
  "  id           INTEGER PRIMARY KEY,"
  "  team_id      INTEGER NOT NULL REFERENCES team (id) ON DELETE CASCADE,"
  "  template_key TEXT NOT NULL,"
  "  title        TEXT NOT NULL CHECK (length (title) > 0),"
  "  description  TEXT,"
  "  source       TEXT,"
  "  shipped      INTEGER NOT NULL DEFAULT 0,"
  "  created      TEXT NOT NULL,"
  "  removed      INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE UNIQUE INDEX checklist_team_template ON checklist (team_id, template_key) WHERE removed = 0;"

  "CREATE TABLE checklist_item ("
  "  id             INTEGER PRIMARY KEY,"
  "  checklist_id   INTEGER NOT NULL REFERENCES checklist (id) ON DELETE CASCADE,"
  "  position       INTEGER NOT NULL,"
  "  key            TEXT,"
  "  section        TEXT,"
  "  section_detail TEXT,"
  "  text           TEXT NOT NULL CHECK (length (text) > 0),"
  "  detail         TEXT,"
  "  shipped        INTEGER NOT NULL DEFAULT 0,"
  "  review_months  INTEGER NOT NULL DEFAULT 0 CHECK (review_months BETWEEN 0 AND 120),"
  "  checked_on     TEXT,"
  "  checked_by     TEXT,"
  "  note           TEXT,"
  "  removed        INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE INDEX checklist_item_checklist ON checklist_item (checklist_id);"

  "CREATE TABLE checklist_event ("
  "  id       INTEGER PRIMARY KEY,"
  "  item_id  INTEGER NOT NULL REFERENCES checklist_item (id) ON DELETE CASCADE,"
  "  action   TEXT NOT NULL CHECK (action IN ('check', 'uncheck')),"
  "  day      TEXT NOT NULL,"
  "  initials TEXT,"
  "  note     TEXT,"
  "  at       TEXT NOT NULL,"
  "  who      TEXT NOT NULL"
  ");"
  "CREATE INDEX checklist_event_item ON checklist_event (item_id);",

  /* 4 → 5: the same case table with its complexity check written as
   * comparisons.  SQLite 3.40 evaluates a CHECK's IN list of three or more
   * values by building a temporary b-tree for every row written, which was
   * two thirds of the time a 100,000-case import took.  A column's CHECK
   * cannot be altered in place, so the table is rebuilt (SQLite's documented
   * twelve steps; nothing refers to casefile, so foreign keys stay on). */
  "CREATE TABLE casefile_new ("
  "  id            INTEGER PRIMARY KEY,"
  "  reference     TEXT NOT NULL UNIQUE CHECK (length (reference) > 0),"
  "  area_id       INTEGER REFERENCES area (id),"
  "  complexity    TEXT NOT NULL"
  "                CHECK (complexity = 'enkel' OR complexity = 'kompleks'"
  "                       OR complexity = 'saerligt-kompliceret'),"
  "  start_date    TEXT,"
  "  closed_date   TEXT,"
  "  caseworker_id INTEGER NOT NULL REFERENCES caseworker (id),"
  "  cover_id      INTEGER REFERENCES caseworker (id),"
  "  counted       INTEGER NOT NULL DEFAULT 0,"
  "  CHECK (cover_id IS NULL OR cover_id <> caseworker_id)"
  ");"
  "INSERT INTO casefile_new (id, reference, area_id, complexity, start_date, closed_date,"
  "                          caseworker_id, cover_id, counted)"
  "  SELECT id, reference, area_id, complexity, start_date, closed_date,"
  "         caseworker_id, cover_id, counted FROM casefile;"
  "DROP TABLE casefile;"
  "ALTER TABLE casefile_new RENAME TO casefile;"
  "CREATE INDEX casefile_caseworker ON casefile (caseworker_id);"
  "CREATE INDEX casefile_cover ON casefile (cover_id) WHERE cover_id IS NOT NULL;",

  /* 5 → 6: the organisation's own case areas (custom = 1).  They have no
   * DS figures, so ds_low and ds_high may now be NULL for them, and an
   * optional range of the organisation's own (own_low–own_high) whose
   * source is in source.  Teams and cases refer to area, so this step is
   * one of SQLite's twelve-step rebuilds with foreign keys off
   * (sf_store_migration_rebuilds); the keys are checked before it commits. */
  "CREATE TABLE area_new ("
  "  id               INTEGER PRIMARY KEY,"
  "  key              TEXT NOT NULL UNIQUE,"
  "  name             TEXT NOT NULL,"
  "  ds_low           REAL,"
  "  ds_high          REAL,"
  "  survey_avg       REAL,"
  "  survey_avg_prev  REAL,"
  "  appropriate      REAL,"
  "  share_too_high   REAL,"
  "  share_compliant  REAL,"
  "  survey_year      INTEGER,"
  "  survey_prev_year INTEGER,"
  "  note             TEXT,"
  "  source           TEXT,"
  "  custom           INTEGER NOT NULL DEFAULT 0,"
  "  own_low          REAL,"
  "  own_high         REAL,"
  "  CHECK (custom = 1 OR (ds_low IS NOT NULL AND ds_high > 0"
  "                        AND ds_low >= 0 AND ds_low <= ds_high)),"
  "  CHECK (custom = 1 OR (own_low IS NULL AND own_high IS NULL)),"
  "  CHECK (custom = 0 OR (ds_low IS NULL AND ds_high IS NULL)),"
  "  CHECK ((own_low IS NULL) = (own_high IS NULL)),"
  "  CHECK (own_high IS NULL OR (own_high > 0 AND own_low >= 0 AND own_low <= own_high))"
  ");"
  "INSERT INTO area_new (id, key, name, ds_low, ds_high, survey_avg, survey_avg_prev,"
  "                      appropriate, share_too_high, share_compliant, survey_year,"
  "                      survey_prev_year, note, source, custom)"
  "  SELECT id, key, name, ds_low, ds_high, survey_avg, survey_avg_prev,"
  "         appropriate, share_too_high, share_compliant, survey_year,"
  "         survey_prev_year, note, source, custom FROM area;"
  "DROP TABLE area;"
  "ALTER TABLE area_new RENAME TO area;",

  /* 6 → 7: workforce planning.  A caseworker's end date (the last working
   * day of someone leaving), and the positions a team expects to fill. */
  "ALTER TABLE caseworker ADD COLUMN end_date TEXT;"
  "CREATE TABLE planned_hire ("
  "  id           INTEGER PRIMARY KEY,"
  "  team_id      INTEGER NOT NULL REFERENCES team (id) ON DELETE CASCADE,"
  "  weekly_hours REAL NOT NULL CHECK (weekly_hours > 0),"
  "  start_date   TEXT NOT NULL,"
  "  note         TEXT"
  ");"
  "CREATE INDEX planned_hire_team ON planned_hire (team_id);",

  /* 7 → 8: saved what-if scenarios.  A scenario is its changes file
   * (sf_scenario_to_json()), kept apart from the real data: nothing refers
   * to it and it refers to nothing, so people and teams it names may go
   * (applying it then skips those changes).  The key is the name as names
   * are compared (sf_roster_fold_key()), unique. */
  "CREATE TABLE scenario ("
  "  id      INTEGER PRIMARY KEY,"
  "  name    TEXT NOT NULL CHECK (length (name) > 0),"
  "  key     TEXT NOT NULL UNIQUE,"
  "  changes TEXT NOT NULL,"
  "  created TEXT NOT NULL,"
  "  updated TEXT NOT NULL"
  ");",

  /* 8 → 9: row versions (docs/store.md, "Row versions and conflicts").
   * Every row a user edits carries a version, raised by the database
   * itself on every update (a trigger; SQLite fires it once, not again for
   * its own update), with when it happened.  A write names the version it
   * loaded and is refused when the row has moved on.  A caseworker's
   * version covers their reductions: writing one raises the caseworker's.
   * A file has no logins: changed_by stays empty here (the server's step 5
   * fills it with the login). */
  "ALTER TABLE area ADD COLUMN version INTEGER NOT NULL DEFAULT 1;"
  "ALTER TABLE area ADD COLUMN changed_by TEXT;"
  "ALTER TABLE area ADD COLUMN changed_at TEXT;"
  "CREATE TRIGGER area_version AFTER UPDATE ON area BEGIN"
  "  UPDATE area SET version = OLD.version + 1, changed_by = NULL,"
  "                changed_at = strftime ('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = NEW.id;"
  "END;"
  "ALTER TABLE team ADD COLUMN version INTEGER NOT NULL DEFAULT 1;"
  "ALTER TABLE team ADD COLUMN changed_by TEXT;"
  "ALTER TABLE team ADD COLUMN changed_at TEXT;"
  "CREATE TRIGGER team_version AFTER UPDATE ON team BEGIN"
  "  UPDATE team SET version = OLD.version + 1, changed_by = NULL,"
  "                changed_at = strftime ('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = NEW.id;"
  "END;"
  "ALTER TABLE caseworker ADD COLUMN version INTEGER NOT NULL DEFAULT 1;"
  "ALTER TABLE caseworker ADD COLUMN changed_by TEXT;"
  "ALTER TABLE caseworker ADD COLUMN changed_at TEXT;"
  "CREATE TRIGGER caseworker_version AFTER UPDATE ON caseworker BEGIN"
  "  UPDATE caseworker SET version = OLD.version + 1, changed_by = NULL,"
  "                changed_at = strftime ('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = NEW.id;"
  "END;"
  "ALTER TABLE casefile ADD COLUMN version INTEGER NOT NULL DEFAULT 1;"
  "ALTER TABLE casefile ADD COLUMN changed_by TEXT;"
  "ALTER TABLE casefile ADD COLUMN changed_at TEXT;"
  "CREATE TRIGGER casefile_version AFTER UPDATE ON casefile BEGIN"
  "  UPDATE casefile SET version = OLD.version + 1, changed_by = NULL,"
  "                changed_at = strftime ('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = NEW.id;"
  "END;"
  "ALTER TABLE alert_ack ADD COLUMN version INTEGER NOT NULL DEFAULT 1;"
  "ALTER TABLE alert_ack ADD COLUMN changed_by TEXT;"
  "ALTER TABLE alert_ack ADD COLUMN changed_at TEXT;"
  "CREATE TRIGGER alert_ack_version AFTER UPDATE ON alert_ack BEGIN"
  "  UPDATE alert_ack SET version = OLD.version + 1, changed_by = NULL,"
  "                changed_at = strftime ('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = NEW.id;"
  "END;"
  "ALTER TABLE checklist ADD COLUMN version INTEGER NOT NULL DEFAULT 1;"
  "ALTER TABLE checklist ADD COLUMN changed_by TEXT;"
  "ALTER TABLE checklist ADD COLUMN changed_at TEXT;"
  "CREATE TRIGGER checklist_version AFTER UPDATE ON checklist BEGIN"
  "  UPDATE checklist SET version = OLD.version + 1, changed_by = NULL,"
  "                changed_at = strftime ('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = NEW.id;"
  "END;"
  "ALTER TABLE checklist_item ADD COLUMN version INTEGER NOT NULL DEFAULT 1;"
  "ALTER TABLE checklist_item ADD COLUMN changed_by TEXT;"
  "ALTER TABLE checklist_item ADD COLUMN changed_at TEXT;"
  "CREATE TRIGGER checklist_item_version AFTER UPDATE ON checklist_item BEGIN"
  "  UPDATE checklist_item SET version = OLD.version + 1, changed_by = NULL,"
  "                changed_at = strftime ('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = NEW.id;"
  "END;"
  "ALTER TABLE planned_hire ADD COLUMN version INTEGER NOT NULL DEFAULT 1;"
  "ALTER TABLE planned_hire ADD COLUMN changed_by TEXT;"
  "ALTER TABLE planned_hire ADD COLUMN changed_at TEXT;"
  "CREATE TRIGGER planned_hire_version AFTER UPDATE ON planned_hire BEGIN"
  "  UPDATE planned_hire SET version = OLD.version + 1, changed_by = NULL,"
  "                changed_at = strftime ('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = NEW.id;"
  "END;"
  "ALTER TABLE scenario ADD COLUMN version INTEGER NOT NULL DEFAULT 1;"
  "ALTER TABLE scenario ADD COLUMN changed_by TEXT;"
  "ALTER TABLE scenario ADD COLUMN changed_at TEXT;"
  "CREATE TRIGGER scenario_version AFTER UPDATE ON scenario BEGIN"
  "  UPDATE scenario SET version = OLD.version + 1, changed_by = NULL,"
  "                changed_at = strftime ('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = NEW.id;"
  "END;"
  "CREATE TRIGGER reduction_version_insert AFTER INSERT ON reduction BEGIN"
  "  UPDATE caseworker SET version = version WHERE id = NEW.caseworker_id;"
  "END;"
  "CREATE TRIGGER reduction_version_update AFTER UPDATE ON reduction BEGIN"
  "  UPDATE caseworker SET version = version WHERE id IN (OLD.caseworker_id, NEW.caseworker_id);"
  "END;"
  "CREATE TRIGGER reduction_version_delete AFTER DELETE ON reduction BEGIN"
  "  UPDATE caseworker SET version = version WHERE id = OLD.caseworker_id;"
  "END;",
};

/* Whether migrations[N] rebuilds a table that others refer to: it then
 * runs with foreign keys off, and PRAGMA foreign_key_check must find
 * nothing before it commits. */
static const gboolean sf_store_migration_rebuilds[] = {
  FALSE, FALSE, FALSE, FALSE, FALSE, TRUE, FALSE, FALSE, FALSE,
};
