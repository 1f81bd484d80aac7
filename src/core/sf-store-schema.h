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
};
