/** A piece of SQL with `?` placeholders and its parameters, in order. */
export interface Statement {
  sql: string;
  params: unknown[];
}
