import type { DbOrTx } from "./database.ts";

interface Preparable<V, R> {
  prepare(name: string): { execute(values: V): Promise<R> };
}

/**
 * A statement built once per database object, not on every call: building a select (drizzle
 * turning its columns, joins and subqueries into text) was a sixth of the app's CPU on the
 * readiness detail. `build` writes it with `sql.placeholder`s for its values. On the pool's
 * database object it is built once for the process; a transaction builds its own, once. `name`
 * is the statement's name on each connection: one name, one text.
 */
export function preparedQuery<V extends Record<string, unknown>, R>(
  name: string,
  build: (db: DbOrTx) => Preparable<V, R>,
): (db: DbOrTx, values: V) => Promise<R> {
  const built = new WeakMap<DbOrTx, { execute(values: V): Promise<R> }>();
  return (db, values) => {
    let query = built.get(db);
    if (!query) {
      query = build(db).prepare(name);
      built.set(db, query);
    }
    return query.execute(values);
  };
}
