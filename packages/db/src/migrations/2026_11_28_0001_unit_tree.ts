import { type Kysely, sql } from "kysely";

// Frozen in time: a migration never imports application code.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE EXTENSION IF NOT EXISTS unaccent`.execute(db);
  await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`.execute(db);
  // unaccent() is only STABLE (it reads a dictionary), so it cannot back an index.
  // Naming the dictionary explicitly makes the wrapper safe to declare IMMUTABLE.
  await sql`
    CREATE FUNCTION lantoa_search_text(value text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    RETURN lower(public.unaccent('public.unaccent'::regdictionary, value))
  `.execute(db);

  await db.schema
    .createTable("units")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("code", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("parent_id", "uuid", (c) => c.references("units.id").onDelete("restrict"))
    // Materialized path of ancestor ids, root first, each followed by '/'; a subtree is a prefix match.
    .addColumn("path", "text", (c) => c.notNull())
    .addColumn("level", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint("units_not_own_parent", sql`parent_id IS NULL OR parent_id <> id`)
    .execute();
  await sql`CREATE INDEX units_path_idx ON units (path text_pattern_ops)`.execute(db);
  await db.schema.createIndex("units_parent_idx").on("units").column("parent_id").execute();
  await sql`CREATE INDEX units_name_search_idx ON units USING gin (lantoa_search_text(name) gin_trgm_ops)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("units").execute();
  await sql`DROP FUNCTION lantoa_search_text(text)`.execute(db);
}
