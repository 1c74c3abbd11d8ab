import { type Kysely, sql } from "kysely";

// Frozen in time: a migration never imports application code.
// Models by name in the order of the Vietnamese alphabet, not byte order: under the
// database's "C" collation "Đường hoa…" came after every name from A to Z, and neither
// PGlite nor every PostgreSQL build has ICU's Vietnamese collation. So the order is a key:
// the name in Unicode's composed form, lower-cased (ICU's root rules, present in both
// engines), tone marks dropped, then each of the 33 letters a ă â b c d đ e ê f g h i j
// k l m n o ô ơ p q r s t u ư v w x y z replaced by one ASCII character in the same order
// (A…Z then a…g), compared byte by byte. "Ăn…" then follows every "An…", "Đ…" every "D…";
// names equal but for their tones fall back on the code, as every tie does. An index on
// the key serves pages by name as the old one on the name did.
const up_statements = [
  `CREATE FUNCTION lantoa_name_order_key(value text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    RETURN translate(
      translate(lower(normalize(value, NFC) COLLATE "und-x-icu"), 'áàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ', 'aaaaaăăăăăâââââeeeeeêêêêêiiiiioooooôôôôôơơơơơuuuuuưưưưưyyyyy'),
      'aăâbcdđeêfghijklmnoôơpqrstuưvwxyz', 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefg') COLLATE "C"`,
  `DROP INDEX models_name_code_path_idx`,
  `CREATE INDEX models_name_order_idx ON models (lantoa_name_order_key(name), code, owner_path)`,
];

const down_statements = [
  `DROP INDEX models_name_order_idx`,
  `DROP FUNCTION lantoa_name_order_key(text)`,
  `CREATE INDEX models_name_code_path_idx ON models (name, code, owner_path)`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of up_statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const statement of down_statements) await sql.raw(statement).execute(db);
}
