/**
 * SQL built at run time, with each value written where it is used.
 *
 *   sql`select p.id from project p where p.status in (${statuses}) and p.updated_at > ${since}`
 *
 * A value becomes a `?` placeholder (an array a list of them, as knex binds it: `in (${ids})`,
 * `array[${codes}]::text[]`); a nested `sql` fragment is spliced in with its own values. A
 * condition moved or a fragment left out cannot bind the wrong value, as parallel parameter
 * arrays could. Text that is not a value (a constant, a column chosen by code) goes through
 * `sqlText`, never user input.
 */
export class Sql {
  constructor(
    /** The text with `?` placeholders, as MikroORM's `execute` and knex's `raw` take it. */
    readonly sql: string,
    /** The values of the placeholders, in order. */
    readonly params: unknown[],
  ) {}

  /** True when the fragment has no text (a left-out condition). */
  get isEmpty(): boolean {
    return this.sql.trim() === '';
  }
}

export function sql(strings: TemplateStringsArray, ...values: unknown[]): Sql {
  let text = strings[0];
  const params: unknown[] = [];
  values.forEach((value, index) => {
    if (value instanceof Sql) {
      text += value.sql;
      params.push(...value.params);
    } else {
      text += '?';
      params.push(value);
    }
    text += strings[index + 1];
  });
  if (strings.some((part) => part.includes('?'))) throw new Error(`A literal "?" in SQL would be taken for a placeholder: ${strings.join('${…}')}`);
  return new Sql(text, params);
}

/** Trusted text (a constant, a column or direction chosen by code), spliced in as it is. */
export function sqlText(text: string): Sql {
  return new Sql(text, []);
}

/** The fragments joined by `separator`, empty ones left out. */
export function sqlJoin(fragments: readonly Sql[], separator: string): Sql {
  const kept = fragments.filter((fragment) => !fragment.isEmpty);
  return new Sql(
    kept.map((fragment) => fragment.sql).join(separator),
    kept.flatMap((fragment) => fragment.params),
  );
}

/** `where a and b …`, or nothing without conditions. */
export function sqlWhere(conditions: readonly Sql[]): Sql {
  const joined = sqlJoin(conditions, ' and ');
  return joined.isEmpty ? EMPTY : sql`where ${joined}`;
}

const EMPTY = new Sql('', []);
export const emptySql = EMPTY;
