#include "schema.h"

#include <stdio.h>
#include <stdlib.h>

#include "collate.h"
#include "commune.h"
#include "name_forms.h"
#include "refdata.h"
#include "search_words.h"
#include "store_internal.h"

/*
 * The two triggers that follow every insert.  They are named here because a
 * bulk load (htx_schema_bulk_begin) drops them and puts them back: they must
 * be the same text in both places.  A later migration that changes one of
 * them changes it here, and bulk loading follows.
 */
#define TALLY_INSERT_TRIGGER                                                                       \
    "CREATE TRIGGER tally_insert AFTER INSERT ON cooperative BEGIN"                                \
    "  UPDATE district_tally SET cooperatives = cooperatives + 1"                                  \
    "   WHERE district_code = NEW.district_code;"                                                  \
    "END;"
#define UNIT_TALLY_INSERT_TRIGGER                                                                  \
    "CREATE TRIGGER unit_tally_insert AFTER INSERT ON cooperative BEGIN"                           \
    "  UPDATE commune_tally SET cooperatives = cooperatives + 1"                                   \
    "   WHERE commune = coalesce(NEW.commune, '');"                                                \
    "END;"
/* The key of a cooperative in the figures' tally (schema v13), of NEW or OLD. */
#define FIGURES_KEY(row)                                                                           \
    row ".sector_code, coalesce(substr(" row ".founded, 1, 4), ''), " row ".status, "             \
    "coalesce(" row ".compliant, -1), coalesce(" row ".profitable, -1)"
#define FIGURES_MATCH(row)                                                                         \
    " sector_code = " row ".sector_code AND founded_year = coalesce(substr(" row ".founded, 1, 4), '')" \
    " AND status = " row ".status AND compliant = coalesce(" row ".compliant, -1)"                \
    " AND profitable = coalesce(" row ".profitable, -1)"
#define FIGURES_INSERT_TRIGGER                                                                     \
    "CREATE TRIGGER figures_insert AFTER INSERT ON cooperative BEGIN"                              \
    "  INSERT INTO figures_tally VALUES (" FIGURES_KEY("NEW") ", 1)"                              \
    "   ON CONFLICT DO UPDATE SET cooperatives = cooperatives + 1;"                                \
    "END;"
#define SEARCH_INSERT_TRIGGER                                                                      \
    "CREATE TRIGGER search_insert AFTER INSERT ON cooperative BEGIN"                               \
    "  INSERT INTO cooperative_search(rowid, name_plain) VALUES (NEW.id, NEW.name_plain);"         \
    "END;"

/*
 * Version 1: the register.
 *
 * Beside each sortable name the table keeps name_key, a binary Vietnamese
 * collation key (collate.h), so ORDER BY uses a plain index and the file
 * stays readable by the sqlite3 shell (no custom collation needed to open
 * it); and name_plain, the name without case or marks (fold.h), for the
 * search prefilter and the same-name check.  Optional values are NULL when
 * unknown.  Dates are ISO text; money is integer VND.
 */
static const char schema_v1[] =
    "CREATE TABLE district ("
    "  code TEXT PRIMARY KEY,"
    "  name TEXT NOT NULL,"
    "  kind TEXT NOT NULL CHECK (kind IN ('quan', 'huyen', 'thi_xa')),"
    "  sort_key BLOB NOT NULL"
    ");"
    "CREATE TABLE sector ("
    "  code TEXT PRIMARY KEY,"
    "  name TEXT NOT NULL,"
    "  name_en TEXT NOT NULL,"
    "  position INTEGER NOT NULL"
    ");"
    "CREATE TABLE club ("
    "  code TEXT PRIMARY KEY,"
    "  name TEXT NOT NULL,"
    "  name_en TEXT NOT NULL,"
    "  position INTEGER NOT NULL"
    ");"
    "CREATE TABLE cooperative ("
    "  id INTEGER PRIMARY KEY,"
    "  code TEXT NOT NULL UNIQUE,"
    "  name TEXT NOT NULL CHECK (name <> ''),"
    "  name_key BLOB NOT NULL,"
    "  name_plain TEXT NOT NULL,"
    "  district_code TEXT NOT NULL REFERENCES district(code),"
    "  ward TEXT,"
    "  address TEXT,"
    "  sector_code TEXT NOT NULL REFERENCES sector(code),"
    "  founded TEXT CHECK (founded IS NULL OR founded GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),"
    "  members INTEGER CHECK (members IS NULL OR members >= 0),"
    "  capital INTEGER CHECK (capital IS NULL OR capital >= 0),"
    "  representative TEXT,"
    "  phone TEXT,"
    "  email TEXT,"
    "  products TEXT,"
    "  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended', 'dissolved')),"
    "  compliant INTEGER NOT NULL DEFAULT 0 CHECK (compliant IN (0, 1)),"
    "  profitable INTEGER CHECK (profitable IS NULL OR profitable IN (0, 1)),"
    "  notes TEXT,"
    "  created_at TEXT NOT NULL,"
    "  updated_at TEXT NOT NULL,"
    "  version INTEGER NOT NULL DEFAULT 1"
    ");"
    /* The id at the end of each index makes every order total, which the
     * TUI's windowed (keyset) queries rely on. */
    "CREATE INDEX cooperative_by_name ON cooperative(name_key, id);"
    "CREATE INDEX cooperative_by_district ON cooperative(district_code, name_key, id);"
    "CREATE INDEX cooperative_by_founded ON cooperative(founded, id);"
    "CREATE INDEX cooperative_by_sector ON cooperative(sector_code);"
    "CREATE INDEX cooperative_same_name ON cooperative(district_code, name_plain);"
    "CREATE TABLE membership ("
    "  id INTEGER PRIMARY KEY,"
    "  coop_id INTEGER NOT NULL REFERENCES cooperative(id) ON DELETE CASCADE,"
    "  club_code TEXT NOT NULL REFERENCES club(code),"
    "  role TEXT NOT NULL CHECK (role IN ('chair', 'vice-chair', 'member')),"
    "  joined_on TEXT,"
    "  left_on TEXT,"
    "  CHECK (left_on IS NULL OR joined_on IS NULL OR left_on >= joined_on)"
    ");"
    /* At most one current membership of a cooperative in a club. */
    "CREATE UNIQUE INDEX membership_current ON membership(club_code, coop_id) WHERE left_on IS NULL;"
    "CREATE INDEX membership_by_coop ON membership(coop_id);"
    "CREATE TABLE audit_log ("
    "  id INTEGER PRIMARY KEY,"
    "  at TEXT NOT NULL,"
    "  user TEXT NOT NULL,"
    "  action TEXT NOT NULL,"
    "  entity_key TEXT NOT NULL,"
    "  changes TEXT NOT NULL"
    ");"
    "CREATE INDEX audit_by_entity ON audit_log(entity_key, id);";

static const char *district_kind_code(htx_district_kind kind)
{
    switch (kind) {
    case HTX_URBAN_DISTRICT: return "quan";
    case HTX_TOWN: return "thi_xa";
    case HTX_RURAL_DISTRICT: return "huyen";
    }
    return "";
}

static htx_status seed_districts(htx_store *s, htx_error *err)
{
    sqlite3_stmt *stmt = NULL;
    sqlite3 *db = htx_store_db(s);
    if (sqlite3_prepare_v2(db, "INSERT INTO district(code, name, kind, sort_key) VALUES (?, ?, ?, ?)",
                           -1, &stmt, NULL) != SQLITE_OK)
        return htx_store_fail(s, err);
    htx_status st = HTX_OK;
    for (size_t i = 0; i < HTX_DISTRICT_COUNT && st == HTX_OK; i++) {
        const htx_district *d = &HTX_DISTRICTS[i];
        unsigned char *key = NULL;
        size_t key_len = 0;
        if (htx_collate_key(d->name, &key, &key_len) != 0) {
            st = htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
            break;
        }
        sqlite3_bind_text(stmt, 1, d->code, -1, SQLITE_STATIC);
        sqlite3_bind_text(stmt, 2, d->name, -1, SQLITE_STATIC);
        sqlite3_bind_text(stmt, 3, district_kind_code(d->kind), -1, SQLITE_STATIC);
        sqlite3_bind_blob(stmt, 4, key, (int)key_len, free);
        if (sqlite3_step(stmt) != SQLITE_DONE)
            st = htx_store_fail(s, err);
        sqlite3_reset(stmt);
    }
    sqlite3_finalize(stmt);
    return st;
}

/* Sectors and clubs share a shape: code, name, English name, position. */
static htx_status seed_named(htx_store *s, const char *sql, size_t count,
                             const char *(*field)(size_t index, int which), htx_error *err)
{
    sqlite3_stmt *stmt = NULL;
    if (sqlite3_prepare_v2(htx_store_db(s), sql, -1, &stmt, NULL) != SQLITE_OK)
        return htx_store_fail(s, err);
    htx_status st = HTX_OK;
    for (size_t i = 0; i < count && st == HTX_OK; i++) {
        for (int k = 0; k < 3; k++)
            sqlite3_bind_text(stmt, k + 1, field(i, k), -1, SQLITE_STATIC);
        sqlite3_bind_int64(stmt, 4, (sqlite3_int64)i);
        if (sqlite3_step(stmt) != SQLITE_DONE)
            st = htx_store_fail(s, err);
        sqlite3_reset(stmt);
    }
    sqlite3_finalize(stmt);
    return st;
}

static const char *sector_field(size_t i, int which)
{
    const htx_sector *x = &HTX_SECTORS[i];
    return which == 0 ? x->code : which == 1 ? x->name_vi : x->name_en;
}

static const char *club_field(size_t i, int which)
{
    const htx_club *x = &HTX_CLUBS[i];
    return which == 0 ? x->code : which == 1 ? x->name : x->name_en;
}

static htx_status migrate_v1(htx_store *s, htx_error *err)
{
    htx_status st = htx_store_exec(s, schema_v1, err);
    if (st == HTX_OK)
        st = seed_districts(s, err);
    if (st == HTX_OK)
        st = seed_named(s, "INSERT INTO sector(code, name, name_en, position) VALUES (?, ?, ?, ?)",
                        HTX_SECTOR_COUNT, sector_field, err);
    if (st == HTX_OK)
        st = seed_named(s, "INSERT INTO club(code, name, name_en, position) VALUES (?, ?, ?, ?)",
                        HTX_CLUB_COUNT, club_field, err);
    return st;
}

/*
 * Version 2: the number of cooperatives per district, kept by triggers, so
 * the district panel shows its counts without counting a million rows on
 * every refresh.
 */
static const char schema_v2[] =
    "CREATE TABLE district_tally ("
    "  district_code TEXT PRIMARY KEY REFERENCES district(code),"
    "  cooperatives INTEGER NOT NULL DEFAULT 0"
    ");"
    "INSERT INTO district_tally(district_code, cooperatives)"
    "  SELECT d.code, (SELECT count(*) FROM cooperative c WHERE c.district_code = d.code)"
    "  FROM district d;"
    TALLY_INSERT_TRIGGER
    "CREATE TRIGGER tally_delete AFTER DELETE ON cooperative BEGIN"
    "  UPDATE district_tally SET cooperatives = cooperatives - 1"
    "   WHERE district_code = OLD.district_code;"
    "END;"
    "CREATE TRIGGER tally_move AFTER UPDATE OF district_code ON cooperative"
    "  WHEN OLD.district_code <> NEW.district_code BEGIN"
    "  UPDATE district_tally SET cooperatives = cooperatives - 1"
    "   WHERE district_code = OLD.district_code;"
    "  UPDATE district_tally SET cooperatives = cooperatives + 1"
    "   WHERE district_code = NEW.district_code;"
    "END;";

static htx_status migrate_v2(htx_store *s, htx_error *err)
{
    return htx_store_exec(s, schema_v2, err);
}

/*
 * Version 3: indexes on the exact sort expressions the screens page through
 * (browse.c), so that sorting a million rows by founding date or members
 * reads an index instead of sorting the table on every key press.
 */
static const char schema_v3[] =
    "CREATE INDEX cooperative_by_founded_key"
    "  ON cooperative(coalesce(founded, '9999-12-31'), name_key, id);"
    "CREATE INDEX cooperative_by_members_key ON cooperative(coalesce(-members, 1), name_key, id);"
    "DROP INDEX cooperative_by_founded;";

static htx_status migrate_v3(htx_store *s, htx_error *err)
{
    return htx_store_exec(s, schema_v3, err);
}

/*
 * Version 4: a trigram index over the folded names (FTS5, external
 * content), so a search of three letters or more reads the matching rows
 * instead of testing every name: on a million rows a key press in the search
 * box stays instant.  Triggers keep it in step with the table.
 */
static const char schema_v4[] =
    "CREATE VIRTUAL TABLE cooperative_search USING fts5("
    "  name_plain, content = 'cooperative', content_rowid = 'id', tokenize = 'trigram');"
    "INSERT INTO cooperative_search(cooperative_search) VALUES ('rebuild');"
    SEARCH_INSERT_TRIGGER
    "CREATE TRIGGER search_delete AFTER DELETE ON cooperative BEGIN"
    "  INSERT INTO cooperative_search(cooperative_search, rowid, name_plain)"
    "   VALUES ('delete', OLD.id, OLD.name_plain);"
    "END;"
    "CREATE TRIGGER search_update AFTER UPDATE OF name_plain ON cooperative BEGIN"
    "  INSERT INTO cooperative_search(cooperative_search, rowid, name_plain)"
    "   VALUES ('delete', OLD.id, OLD.name_plain);"
    "  INSERT INTO cooperative_search(rowid, name_plain) VALUES (NEW.id, NEW.name_plain);"
    "END;";

static htx_status migrate_v4(htx_store *s, htx_error *err)
{
    return htx_store_exec(s, schema_v4, err);
}

/*
 * Version 5: the name after its legal form (legal_form.h), for the duplicate
 * check that takes "Hợp tác xã Đồng Tâm" and "HTX Đồng Tâm" for one name, and
 * for the list's order by distinctive name.  The columns are computed in C
 * for the rows already there (the sqlite3 shell has no such function, and
 * the file must stay readable by it), then indexed; the same-name index on
 * the plain fold has no user left.
 */
/* Writes the name forms (name_forms.h) that update sets, for every row. */
static htx_status fill_name_forms(htx_store *s, const char *update_sql, htx_error *err)
{
    sqlite3_stmt *rows = htx_store_statement(s, "SELECT id, name FROM cooperative", err);
    sqlite3_stmt *update = htx_store_statement(s, update_sql, err);
    htx_status st = rows && update ? HTX_OK : HTX_ERR_DB;
    int rc = SQLITE_OK;
    while (st == HTX_OK && (rc = sqlite3_step(rows)) == SQLITE_ROW) {
        const char *name = (const char *)sqlite3_column_text(rows, 1);
        htx_name_forms forms;
        st = htx_name_forms_make(name ? name : "", &forms, err);
        if (st != HTX_OK)
            break;
        sqlite3_bind_int64(update, sqlite3_bind_parameter_index(update, ":id"), sqlite3_column_int64(rows, 0));
        if (htx_name_forms_bind(update, &forms) != SQLITE_OK || sqlite3_step(update) != SQLITE_DONE)
            st = htx_store_fail(s, err);
        sqlite3_reset(update);
        htx_name_forms_free(&forms);
    }
    if (st == HTX_OK && rc != SQLITE_DONE)
        st = htx_store_fail(s, err);
    if (rows)
        htx_stmt_release(rows);
    if (update)
        htx_stmt_release(update);
    return st;
}

static htx_status migrate_v5(htx_store *s, htx_error *err)
{
    htx_status st = htx_store_exec(s,
                                   "ALTER TABLE cooperative ADD COLUMN distinctive_key BLOB NOT NULL DEFAULT x'';"
                                   "ALTER TABLE cooperative ADD COLUMN distinctive_plain TEXT NOT NULL DEFAULT '';",
                                   err);
    if (st == HTX_OK)
        st = fill_name_forms(s,
                             "UPDATE cooperative SET distinctive_key = :distinctive_key,"
                             " distinctive_plain = :distinctive_plain WHERE id = :id",
                             err);
    if (st == HTX_OK)
        st = htx_store_exec(s,
                            "CREATE INDEX cooperative_same_distinctive ON cooperative(district_code, distinctive_plain);"
                            "CREATE INDEX cooperative_by_distinctive ON cooperative(distinctive_key, id);"
                            "DROP INDEX cooperative_same_name;",
                            err);
    return st;
}

/*
 * Version 6: whether a cooperative is organised under the Law on
 * Cooperatives may be unknown (NULL), as its profitability may: a
 * registration that does not say must not count as "no" and lower the
 * Alliance's figure.  Dropping a NOT NULL changes nothing stored, so, as
 * SQLite's ALTER TABLE documentation describes for such changes, the
 * table's recorded definition is edited in place (inside this migration's
 * transaction) rather than the table rebuilt with its triggers and search
 * index; the schema version is bumped so that other connections read it
 * again.
 */
static htx_status migrate_v6(htx_store *s, htx_error *err)
{
    int64_t schema_version = 0;
    htx_status st = htx_store_int64(s, "PRAGMA schema_version", &schema_version, err);
    if (st != HTX_OK)
        return st;
    char bump[64];
    snprintf(bump, sizeof bump, "PRAGMA schema_version = %lld;", (long long)schema_version + 1);
    st = htx_store_exec(s, "PRAGMA writable_schema = ON;", err);
    if (st == HTX_OK)
        st = htx_store_exec(s,
                            "UPDATE sqlite_schema SET sql = replace(sql,"
                            " 'compliant INTEGER NOT NULL DEFAULT 0 CHECK', 'compliant INTEGER CHECK')"
                            " WHERE type = 'table' AND name = 'cooperative';",
                            err);
    if (st == HTX_OK)
        st = htx_store_exec(s, bump, err);
    htx_error ignored;
    htx_store_exec(s, "PRAGMA writable_schema = OFF;", st == HTX_OK ? err : &ignored);
    return st;
}

/*
 * Version 7: Hà Nội's 126 commune-level units since 1 July 2025
 * (commune.h), with the former district(s) each was formed from, and each
 * cooperative's unit beside its former district (NULL until known).  A
 * ward typed before ("Xã Bát Tràng") gives the unit where the name says it
 * — the unit kept the name and comes from the cooperative's district — and
 * the rest wait for a person (htx list --commune none).  The audit log
 * records nothing: no value anyone typed changed.
 */
static const char schema_v7[] =
    "CREATE TABLE commune ("
    "  name TEXT PRIMARY KEY,"
    "  kind TEXT NOT NULL CHECK (kind IN ('phuong', 'xa')),"
    "  sort_key BLOB NOT NULL"
    ");"
    "CREATE TABLE commune_district ("
    "  commune TEXT NOT NULL REFERENCES commune(name),"
    "  district_code TEXT NOT NULL REFERENCES district(code),"
    "  PRIMARY KEY (commune, district_code)"
    ");"
    "ALTER TABLE cooperative ADD COLUMN commune TEXT REFERENCES commune(name);"
    "CREATE INDEX cooperative_by_commune ON cooperative(commune, name_key, id);";

static htx_status seed_communes(htx_store *s, htx_error *err)
{
    sqlite3_stmt *unit = htx_store_statement(
        s, "INSERT INTO commune(name, kind, sort_key) VALUES (:name, :kind, :sort_key)", err);
    sqlite3_stmt *link = htx_store_statement(
        s, "INSERT INTO commune_district(commune, district_code) VALUES (:name, :district_code)", err);
    htx_status st = unit && link ? HTX_OK : HTX_ERR_DB;
    for (size_t i = 0; i < HTX_COMMUNE_COUNT && st == HTX_OK; i++) {
        const htx_commune *c = &HTX_COMMUNES[i];
        unsigned char *key = NULL;
        size_t key_len = 0;
        if (htx_collate_key(c->name, &key, &key_len) != 0) {
            st = htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
            break;
        }
        sqlite3_bind_text(unit, sqlite3_bind_parameter_index(unit, ":name"), c->name, -1, SQLITE_STATIC);
        sqlite3_bind_text(unit, sqlite3_bind_parameter_index(unit, ":kind"), c->kind == HTX_WARD ? "phuong" : "xa",
                          -1, SQLITE_STATIC);
        sqlite3_bind_blob(unit, sqlite3_bind_parameter_index(unit, ":sort_key"), key, (int)key_len, free);
        if (sqlite3_step(unit) != SQLITE_DONE)
            st = htx_store_fail(s, err);
        sqlite3_reset(unit);
        for (size_t d = 0; d < HTX_DISTRICT_COUNT && st == HTX_OK; d++) {
            if (!htx_commune_in_district(c, HTX_DISTRICTS[d].code))
                continue;
            sqlite3_bind_text(link, sqlite3_bind_parameter_index(link, ":name"), c->name, -1, SQLITE_STATIC);
            sqlite3_bind_text(link, sqlite3_bind_parameter_index(link, ":district_code"), HTX_DISTRICTS[d].code, -1,
                              SQLITE_STATIC);
            if (sqlite3_step(link) != SQLITE_DONE)
                st = htx_store_fail(s, err);
            sqlite3_reset(link);
        }
    }
    if (unit)
        htx_stmt_release(unit);
    if (link)
        htx_stmt_release(link);
    return st;
}

/* The unit of each cooperative whose old ward text names it. */
static htx_status match_old_wards(htx_store *s, htx_error *err)
{
    sqlite3_stmt *rows = htx_store_statement(
        s, "SELECT id, ward, district_code FROM cooperative WHERE commune IS NULL AND ward IS NOT NULL", err);
    sqlite3_stmt *update =
        htx_store_statement(s, "UPDATE cooperative SET commune = :commune WHERE id = :id", err);
    htx_status st = rows && update ? HTX_OK : HTX_ERR_DB;
    int rc = SQLITE_OK;
    while (st == HTX_OK && (rc = sqlite3_step(rows)) == SQLITE_ROW) {
        const htx_commune *c = htx_commune_from_old_ward((const char *)sqlite3_column_text(rows, 1),
                                                         (const char *)sqlite3_column_text(rows, 2));
        if (!c)
            continue;
        sqlite3_bind_text(update, sqlite3_bind_parameter_index(update, ":commune"), c->name, -1, SQLITE_STATIC);
        sqlite3_bind_int64(update, sqlite3_bind_parameter_index(update, ":id"), sqlite3_column_int64(rows, 0));
        if (sqlite3_step(update) != SQLITE_DONE)
            st = htx_store_fail(s, err);
        sqlite3_reset(update);
    }
    if (st == HTX_OK && rc != SQLITE_DONE)
        st = htx_store_fail(s, err);
    if (rows)
        htx_stmt_release(rows);
    if (update)
        htx_stmt_release(update);
    return st;
}

static htx_status migrate_v7(htx_store *s, htx_error *err)
{
    htx_status st = htx_store_exec(s, schema_v7, err);
    if (st == HTX_OK)
        st = seed_communes(s, err);
    if (st == HTX_OK)
        st = match_old_wards(s, err);
    return st;
}

/*
 * Version 8: settings staff change without a programmer (settings.h), first
 * the names and signatures on printed documents.
 */
static const char schema_v8[] =
    "CREATE TABLE setting ("
    "  scope TEXT NOT NULL DEFAULT '',"
    "  key TEXT NOT NULL,"
    "  value TEXT NOT NULL,"
    "  PRIMARY KEY (scope, key)"
    ");";

static htx_status migrate_v8(htx_store *s, htx_error *err)
{
    return htx_store_exec(s, schema_v8, err);
}

/*
 * Version 9: the number of cooperatives per unit of 2025 ('' for those
 * without one), kept by triggers as the districts' are (version 2): the
 * side panel by unit shows its counts at once on a million rows instead of
 * counting them on every refresh.
 */
static const char schema_v9[] =
    "CREATE TABLE commune_tally ("
    "  commune TEXT PRIMARY KEY,"
    "  cooperatives INTEGER NOT NULL DEFAULT 0"
    ");"
    "INSERT INTO commune_tally(commune, cooperatives) SELECT name, 0 FROM commune;"
    "INSERT INTO commune_tally(commune, cooperatives) VALUES ('', 0);"
    "UPDATE commune_tally SET cooperatives = counted.n"
    "  FROM (SELECT coalesce(commune, '') AS unit, count(*) AS n FROM cooperative GROUP BY 1) AS counted"
    "  WHERE commune_tally.commune = counted.unit;"
    UNIT_TALLY_INSERT_TRIGGER
    "CREATE TRIGGER unit_tally_delete AFTER DELETE ON cooperative BEGIN"
    "  UPDATE commune_tally SET cooperatives = cooperatives - 1"
    "   WHERE commune = coalesce(OLD.commune, '');"
    "END;"
    "CREATE TRIGGER unit_tally_move AFTER UPDATE OF commune ON cooperative"
    "  WHEN coalesce(OLD.commune, '') <> coalesce(NEW.commune, '') BEGIN"
    "  UPDATE commune_tally SET cooperatives = cooperatives - 1"
    "   WHERE commune = coalesce(OLD.commune, '');"
    "  UPDATE commune_tally SET cooperatives = cooperatives + 1"
    "   WHERE commune = coalesce(NEW.commune, '');"
    "END;";

static htx_status migrate_v9(htx_store *s, htx_error *err)
{
    return htx_store_exec(s, schema_v9, err);
}

/*
 * Version 10: numbers in names sort by their value ("HTX 2" before "HTX 10",
 * collate.h), so the sort keys of every name are made again; so is the
 * plain fold, which an earlier htx made with invisible characters in it
 * (a name holding one was then not found).  The search index follows the
 * plain fold through its trigger.  District and commune names hold no
 * digits: their keys stay as they are.
 */
static htx_status migrate_v10(htx_store *s, htx_error *err)
{
    return fill_name_forms(s,
                           "UPDATE cooperative SET name_key = :name_key, name_plain = :name_plain,"
                           " distinctive_key = :distinctive_key, distinctive_plain = :distinctive_plain"
                           " WHERE id = :id",
                           err);
}

/*
 * Version 11: the columns of an import file mapped by hand, remembered for
 * the next file with the same headers (import_maps.h).
 */
static htx_status migrate_v11_import_column_maps(htx_store *s, htx_error *err)
{
    return htx_store_exec(s,
                          "CREATE TABLE import_column_map ("
                          "  headers TEXT PRIMARY KEY,"  /* the file's headers, folded, tab-separated */
                          "  fields TEXT NOT NULL,"      /* the field of each, \"-\" for none */
                          "  saved_at TEXT NOT NULL,"
                          "  saved_by TEXT NOT NULL"
                          ");",
                          err);
}

/*
 * Version 12: the word index of the names (search_words.h), so a key in the
 * search box reads the names holding the query's rarest word in name order
 * instead of testing every name before the first match.
 */
static htx_status migrate_v12(htx_store *s, htx_error *err)
{
    return htx_search_words_create(s, err);
}

/*
 * Version 13: the orders by founding date and by members as columns.
 * SQLite seeks an index by a row value ("the rows after this one") only when
 * its parts are columns: the expressions version 3 indexed made every page
 * after the first walk its index from the start of the equal dates or
 * counts, the whole register when they are unknown.  Virtual columns cost
 * no room in the rows; their indexes replace the expressions' one for one.
 * And the statuses get an index in name order: a list of the dissolved
 * ones walked the whole register in name order to fill its first page.
 */
static const char schema_v13[] =
    "ALTER TABLE cooperative ADD COLUMN founded_order TEXT"
    "  GENERATED ALWAYS AS (coalesce(founded, '9999-12-31')) VIRTUAL;"
    "ALTER TABLE cooperative ADD COLUMN members_order INTEGER"
    "  GENERATED ALWAYS AS (coalesce(-members, 1)) VIRTUAL;"
    "DROP INDEX cooperative_by_founded_key;"
    "DROP INDEX cooperative_by_members_key;"
    "CREATE INDEX cooperative_by_founded_order ON cooperative(founded_order, name_key, id);"
    "CREATE INDEX cooperative_by_members_order ON cooperative(members_order, name_key, id);"
    "CREATE INDEX cooperative_by_status ON cooperative(status, name_key, id);"
    /* The figures of the statistics screen, kept by triggers as the
     * districts' and the units' are: one row per sector, year of founding
     * ('' unknown), status and the two target answers (-1 unknown), so the
     * counts by sector and by year and the targets read a few hundred rows
     * instead of a million. */
    "CREATE TABLE figures_tally ("
    "  sector_code TEXT NOT NULL,"
    "  founded_year TEXT NOT NULL,"
    "  status TEXT NOT NULL,"
    "  compliant INTEGER NOT NULL,"
    "  profitable INTEGER NOT NULL,"
    "  cooperatives INTEGER NOT NULL,"
    "  PRIMARY KEY (sector_code, founded_year, status, compliant, profitable)"
    ") WITHOUT ROWID;"
    "INSERT INTO figures_tally SELECT " FIGURES_KEY("c") ", count(*) FROM cooperative c GROUP BY 1, 2, 3, 4, 5;"
    FIGURES_INSERT_TRIGGER
    "CREATE TRIGGER figures_delete AFTER DELETE ON cooperative BEGIN"
    "  UPDATE figures_tally SET cooperatives = cooperatives - 1 WHERE" FIGURES_MATCH("OLD") ";"
    "END;"
    "CREATE TRIGGER figures_move AFTER UPDATE OF sector_code, founded, status, compliant, profitable"
    "  ON cooperative BEGIN"
    "  UPDATE figures_tally SET cooperatives = cooperatives - 1 WHERE" FIGURES_MATCH("OLD") ";"
    "  INSERT INTO figures_tally VALUES (" FIGURES_KEY("NEW") ", 1)"
    "   ON CONFLICT DO UPDATE SET cooperatives = cooperatives + 1;"
    "END;";

static htx_status migrate_v13(htx_store *s, htx_error *err)
{
    return htx_store_exec(s, schema_v13, err);
}

/*
 * Version 14: the filters' columns in every index a page is read by.  A page
 * walks its order's index, or the leading filter's (query_where.c), and
 * tests each row it meets against the other filters; a test that needs a
 * column outside the index reads the row's table page, one random read per
 * row tried.  A district and a sector in the order by founding date tried
 * 5,500 rows for a page (21-28 ms at a million rows), and a count of a
 * district's rows in one sector read 33,000 of them.  With the district,
 * unit, sector and status in each index the tests read the index alone and
 * only the page's rows are fetched (1-3 ms).  The order by code gets such an
 * index beside the code's unique one.
 */
#define FILTER_COLUMNS "district_code, commune, sector_code, status"
static const char schema_v14[] =
    "DROP INDEX cooperative_by_name;"
    "CREATE INDEX cooperative_by_name ON cooperative(name_key, id, " FILTER_COLUMNS ");"
    "CREATE INDEX cooperative_by_code_order ON cooperative(code, " FILTER_COLUMNS ");"
    "DROP INDEX cooperative_by_distinctive;"
    "CREATE INDEX cooperative_by_distinctive ON cooperative(distinctive_key, id, " FILTER_COLUMNS ");"
    "DROP INDEX cooperative_by_founded_order;"
    "CREATE INDEX cooperative_by_founded_order ON cooperative(founded_order, name_key, id, " FILTER_COLUMNS ");"
    "DROP INDEX cooperative_by_members_order;"
    "CREATE INDEX cooperative_by_members_order ON cooperative(members_order, name_key, id, " FILTER_COLUMNS ");"
    "DROP INDEX cooperative_by_district;"
    "CREATE INDEX cooperative_by_district ON cooperative(district_code, name_key, id, " FILTER_COLUMNS ");"
    "DROP INDEX cooperative_by_commune;"
    "CREATE INDEX cooperative_by_commune ON cooperative(commune, name_key, id, " FILTER_COLUMNS ");"
    "DROP INDEX cooperative_by_status;"
    "CREATE INDEX cooperative_by_status ON cooperative(status, name_key, id, " FILTER_COLUMNS ");"
    "DROP INDEX cooperative_by_sector;"
    "CREATE INDEX cooperative_by_sector ON cooperative(sector_code, " FILTER_COLUMNS ");";

static htx_status migrate_v14(htx_store *s, htx_error *err)
{
    return htx_store_exec(s, schema_v14, err);
}

/* Migration n is migrations[n - 1]; a new one goes at the end, and the
 * schema version follows. */
static htx_status (*const migrations[])(htx_store *, htx_error *) = {
    migrate_v1,
    migrate_v2,
    migrate_v3,
    migrate_v4,
    migrate_v5,
    migrate_v6,
    migrate_v7,
    migrate_v8,
    migrate_v9,
    migrate_v10,
    migrate_v11_import_column_maps,
    migrate_v12,
    migrate_v13,
    migrate_v14,
};

const int htx_schema_latest = (int)(sizeof migrations / sizeof migrations[0]);

htx_status htx_schema_current(htx_store *s, int *version, htx_error *err)
{
    sqlite3_stmt *stmt = NULL;
    if (sqlite3_prepare_v2(htx_store_db(s), "PRAGMA user_version", -1, &stmt, NULL) != SQLITE_OK)
        return htx_store_fail(s, err);
    htx_status st = HTX_OK;
    if (sqlite3_step(stmt) == SQLITE_ROW)
        *version = sqlite3_column_int(stmt, 0);
    else
        st = htx_store_fail(s, err);
    sqlite3_finalize(stmt);
    return st;
}

htx_status htx_schema_migrate(htx_store *s, int target, htx_error *err)
{
    int version = 0;
    htx_status st = htx_schema_current(s, &version, err);
    if (target > htx_schema_latest)
        target = htx_schema_latest;
    while (st == HTX_OK && version < target) {
        st = htx_store_begin(s, err);
        if (st != HTX_OK)
            break;
        /* Re-read inside the write lock: another process may have migrated
         * the file while this one waited. */
        st = htx_schema_current(s, &version, err);
        if (st == HTX_OK && version < target) {
            st = migrations[version](s, err);
            if (st == HTX_OK) {
                char pragma[40];
                snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d", version + 1);
                st = htx_store_exec(s, pragma, err);
            }
        }
        if (st == HTX_OK)
            st = htx_store_commit(s, err);
        if (st != HTX_OK) {
            htx_store_rollback(s);
            break;
        }
        st = htx_schema_current(s, &version, err);
    }
    return st;
}

/*
 * Why bulk loading bypasses two triggers: every INSERT that fires a trigger
 * writing to the FTS5 table ends with a statement savepoint, and FTS5 flushes
 * its pending terms to a new segment at each one, so a row-by-row load
 * writes (and then merges) one tiny segment per row; the district tally is
 * likewise updated once per row.  Loading tens of thousands of rows spent
 * most of its time there.  Inside the caller's transaction the triggers are
 * dropped (and the word index's, search_words.h), and at the end the new rows (ids above the largest id before the
 * load: ids are allocated upwards while the write lock is held) are indexed
 * in one statement and counted into the tally in another, then the triggers
 * are created again.  A rollback restores everything, triggers included.
 */
htx_status htx_schema_bulk_begin(htx_store *s, int64_t *last_id, htx_error *err)
{
    htx_status st = htx_store_int64(s, "SELECT coalesce(max(id), 0) FROM cooperative", last_id, err);
    if (st == HTX_OK)
        st = htx_store_exec(s, "DROP TRIGGER search_insert; DROP TRIGGER tally_insert; DROP TRIGGER unit_tally_insert;"
                            " DROP TRIGGER words_insert; DROP TRIGGER figures_insert;",
                            err);
    return st;
}

htx_status htx_schema_bulk_end(htx_store *s, int64_t last_id, htx_error *err)
{
    static const char *const catch_up[] = {
        "INSERT INTO cooperative_search(rowid, name_plain)"
        " SELECT id, name_plain FROM cooperative WHERE id > ?1",
        "UPDATE district_tally SET cooperatives = cooperatives + fresh.n"
        " FROM (SELECT district_code, count(*) AS n FROM cooperative WHERE id > ?1"
        "       GROUP BY district_code) AS fresh"
        " WHERE district_tally.district_code = fresh.district_code",
        "INSERT INTO figures_tally SELECT " FIGURES_KEY("c") ", count(*) FROM cooperative c WHERE c.id > ?1"
        " GROUP BY 1, 2, 3, 4, 5 ON CONFLICT DO UPDATE SET cooperatives = cooperatives + excluded.cooperatives",
        "UPDATE commune_tally SET cooperatives = cooperatives + fresh.n"
        " FROM (SELECT coalesce(commune, '') AS unit, count(*) AS n FROM cooperative WHERE id > ?1"
        "       GROUP BY 1) AS fresh"
        " WHERE commune_tally.commune = fresh.unit",
    };
    htx_status st = htx_store_run_each(s, catch_up, sizeof catch_up / sizeof catch_up[0], last_id, err);
    if (st != HTX_OK)
        return st;
    /* The tally is up to date: it tells whether the buckets were outgrown,
     * and then every row is indexed again, as cheaply as the new ones. */
    bool outgrown = false;
    st = htx_search_words_outgrown(s, &outgrown, err);
    if (st == HTX_OK)
        st = outgrown ? htx_search_words_rebuild(s, err) : htx_search_words_catch_up(s, last_id, err);
    if (st == HTX_OK)
        st = htx_store_exec(s, SEARCH_INSERT_TRIGGER TALLY_INSERT_TRIGGER UNIT_TALLY_INSERT_TRIGGER
                            FIGURES_INSERT_TRIGGER, err);
    if (st == HTX_OK)
        st = htx_store_exec(s, HTX_WORDS_INSERT_TRIGGER, err);
    return st;
}
