#!/usr/bin/python3
"""Rewrites the common shapes of sqlite3_* calls in C files to sf-db.h.

    build-aux/convert-to-sf-db.py FILE.c...

Used once to move core, the CLI and the tests from SQLite's API to the
database seam (docs/store.md); kept for code written against the old API
in the meantime.  It handles statements, binds, columns, steps and
sqlite3_exec without a callback; what it leaves (last_insert_rowid,
sqlite3_value, result codes: sf_db_exec() returns a gboolean, so a comparison
with SQLITE_OK no longer compiles) is rewritten by hand: `grep -n sqlite3 FILE`.
"""
import re, sys
ARG = r'(?:[^(),]|\((?:[^()]|\([^()]*\))*\))+'   # one argument, up to two levels of parens
def conv(s):
    s = s.replace('sqlite3_stmt', 'SfDbStmt')
    s = re.sub(r'sqlite3_bind_text\s*\((' + ARG + r'),\s*(' + ARG + r'),\s*(' + ARG + r'),\s*-1,\s*SQLITE_STATIC\s*\)',
               r'sf_db_stmt_bind_text_static (\1, \2, \3)', s)
    s = re.sub(r'sqlite3_bind_text\s*\((' + ARG + r'),\s*(' + ARG + r'),\s*(' + ARG + r'),\s*-1,\s*SQLITE_TRANSIENT\s*\)',
               r'sf_db_stmt_bind_text (\1, \2, \3)', s)
    s = re.sub(r'sqlite3_bind_int(64)?\b', 'sf_db_stmt_bind_int64', s)
    s = s.replace('sqlite3_bind_double', 'sf_db_stmt_bind_double')
    s = s.replace('sqlite3_bind_null', 'sf_db_stmt_bind_null')
    s = re.sub(r'\(const char \*\)\s*sqlite3_column_text', 'sf_db_stmt_column_text', s)
    s = re.sub(r'\(char \*\)\s*sqlite3_column_text', '(char *) sf_db_stmt_column_text', s)
    s = s.replace('sqlite3_column_text', 'sf_db_stmt_column_text')
    s = re.sub(r'sqlite3_column_int(64)?\b', 'sf_db_stmt_column_int64', s)
    s = s.replace('sqlite3_column_double', 'sf_db_stmt_column_double')
    s = re.sub(r'sqlite3_column_type\s*\((' + ARG + r'),\s*(' + ARG + r')\)\s*==\s*SQLITE_NULL',
               r'sf_db_stmt_column_is_null (\1, \2)', s)
    s = re.sub(r'sqlite3_column_type\s*\((' + ARG + r'),\s*(' + ARG + r')\)\s*!=\s*SQLITE_NULL',
               r'!sf_db_stmt_column_is_null (\1, \2)', s)
    s = s.replace('sqlite3_column_count', 'sf_db_stmt_column_count')
    s = s.replace('sqlite3_column_name', 'sf_db_stmt_column_name')
    s = s.replace('sqlite3_step', 'sf_db_stmt_step')
    s = s.replace('SQLITE_ROW', 'SF_DB_ROW').replace('SQLITE_DONE', 'SF_DB_DONE')
    s = s.replace('sqlite3_reset', 'sf_db_stmt_reset')
    s = s.replace('sqlite3_clear_bindings', 'sf_db_stmt_clear')
    s = s.replace('sqlite3_finalize', 'sf_db_stmt_free')
    s = re.sub(r'sqlite3_changes\s*\(', 'sf_db_changes (', s)
    s = s.replace('sqlite3_total_changes64', 'sf_db_total_changes')
    s = re.sub(r'sqlite3_get_autocommit\s*\((' + ARG + r')\)', r'!sf_db_in_transaction (\1)', s)
    s = re.sub(r'sqlite3_exec\s*\((' + ARG + r'),\s*(' + ARG + r'),\s*NULL,\s*NULL,\s*NULL\)', r'sf_db_exec (\1, \2, NULL)', s)
    s = re.sub(r'\bsqlite3\s+\*', 'SfDb *', s)
    s = s.replace('sf_store_set_sqlite_error', 'sf_store_set_db_error')
    s = s.replace('!!sf_db_in_transaction', 'sf_db_in_transaction')
    return s
for p in sys.argv[1:]:
    src = open(p).read()
    out = conv(src)
    if out != src:
        open(p, 'w').write(out)
