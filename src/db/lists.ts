import { type SQL, sql } from "drizzle-orm";
import { type DbOrTx, pageClause } from "./database.ts";

/** One short list: its columns (aliased to the fields they fill), FROM … WHERE …, and order. */
export interface ListQuery {
  columns: SQL;
  from: SQL;
  orderBy: SQL;
  limit: number;
}

/** Each list's rows by name; every row has `total`, how many matched in all. */
type ListRows<R> = { [K in keyof R]: { total: number }[] };

const LIST_NAME = /^[a-z][A-Za-z]*$/;

/**
 * Several short lists in one statement: the home page's lists were a statement each (fourteen
 * for a coordinator), and each statement costs a round trip, a parse and an execution in
 * PostgreSQL and in the app whatever it returns. Each list comes back as a JSON array in its own
 * column, its rows ordered by a row number over the list's own order (an aggregate's input order
 * is otherwise not guaranteed).
 *
 * JSON changes how some values arrive: a timestamp comes as ISO text in the server's time zone
 * rather than a Date; callers that want text cast in their columns, as for one row at a time.
 */
export async function readLists<R extends ListRows<R>>(
  db: DbOrTx,
  lists: { [K in keyof R]: ListQuery },
): Promise<R> {
  const names = Object.keys(lists) as (keyof R & string)[];
  const columns = names.map((name) => {
    if (!LIST_NAME.test(name)) throw new Error(`not a list name: ${name}`);
    const list = lists[name];
    return sql`(SELECT coalesce(jsonb_agg(to_jsonb(x) - '#' ORDER BY x."#"), '[]')
      FROM (SELECT count(*) OVER ()::int AS total, ${list.columns},
              row_number() OVER (ORDER BY ${list.orderBy}) AS "#"
            FROM ${list.from}
            ORDER BY ${list.orderBy}
            ${pageClause(list.limit)}) x) AS ${sql.identifier(name)}`;
  });
  const result = await db.execute(sql`SELECT ${sql.join(columns, sql`, `)}`);
  return result.rows[0] as R;
}
