import type { EntityManager } from '@mikro-orm/postgresql';
import type { ClassType } from 'type-graphql';
import { ArgsType, Field, Int, ObjectType } from 'type-graphql';
import { DomainError, ErrorKind } from './errors';
import { found } from './loaded';

export enum PaginationErrorCode {
  INVALID_CURSOR = 'INVALID_CURSOR',
  FIRST_OUT_OF_RANGE = 'FIRST_OUT_OF_RANGE',
  OFFSET_OUT_OF_RANGE = 'OFFSET_OUT_OF_RANGE',
}

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;
export const MAX_OFFSET = 100_000;

@ArgsType()
export class PaginationArgs {
  // The default is in the schema too, where clients and the query cost limit read it.
  @Field(() => Int, {
    nullable: true,
    defaultValue: DEFAULT_PAGE_SIZE,
    description: `How many items to return, from 1 to ${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE}).`,
  })
  first?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Return the items after this cursor (an `endCursor` or edge `cursor` from an earlier page).',
  })
  after?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: `Skip this many items (after \`after\`, when both are given), for numbered pages: page k of size n is \`first: n, offset: (k − 1) × n\`. From 0 to ${MAX_OFFSET.toLocaleString('en')}.`,
  })
  offset?: number | null;
}

/** A validated window into an ordered list. */
export interface PageWindow {
  limit: number;
  offset: number;
}

const CURSOR_PREFIX = 'o:';

export function encodeCursor(position: number): string {
  return Buffer.from(`${CURSOR_PREFIX}${position}`, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): number {
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  const position = decoded.startsWith(CURSOR_PREFIX) ? Number(decoded.slice(CURSOR_PREFIX.length)) : Number.NaN;
  if (!Number.isSafeInteger(position) || position < 0 || encodeCursor(position) !== cursor) {
    throw new DomainError(
      ErrorKind.BAD_USER_INPUT,
      PaginationErrorCode.INVALID_CURSOR,
      'The cursor in `after` is not one this list gave out. Use a cursor from an earlier page, or leave `after` out to start at the beginning.',
      'after',
    );
  }
  return position;
}

/** Checks `first` and `after` and turns them into a limit and offset. */
export function pageWindow(args: PaginationArgs, defaultSize = DEFAULT_PAGE_SIZE): PageWindow {
  const first = args.first ?? defaultSize;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw new DomainError(ErrorKind.BAD_USER_INPUT, PaginationErrorCode.FIRST_OUT_OF_RANGE, `\`first\` must be between 1 and ${MAX_PAGE_SIZE}; got ${first}.`, 'first');
  }
  const skip = args.offset ?? 0;
  if (!Number.isInteger(skip) || skip < 0 || skip > MAX_OFFSET) {
    throw new DomainError(ErrorKind.BAD_USER_INPUT, PaginationErrorCode.OFFSET_OUT_OF_RANGE, `\`offset\` must be between 0 and ${MAX_OFFSET}; got ${skip}.`, 'offset');
  }
  const offset = (args.after ? decodeCursor(args.after) + 1 : 0) + skip;
  return { limit: first, offset };
}

@ObjectType({ description: 'Where this page sits in the whole list (Relay connection specification).' })
export class PageInfo {
  @Field({ description: 'True when more items follow this page.' })
  hasNextPage: boolean;

  @Field({ description: 'True when items come before this page.' })
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first item of this page; null for an empty page.' })
  startCursor: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Cursor of the last item of this page; pass it as `after` to get the next page. Null for an empty page.',
  })
  endCursor: string | null;
}

export interface Edge<T> {
  node: T;
  cursor: string;
}

export interface Connection<T> {
  edges: Edge<T>[];
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number;
}

/**
 * One page as a connection. Its edges, with a cursor each, are made when first read: most pages
 * ask for `nodes` only. A class, not an object literal with a getter: each such literal gets a
 * hidden class of its own in V8's old generation, which keeps the whole page alive through the
 * next minor garbage collection (BENCHMARKS.md, peers notes).
 */
class PageConnection<T> implements Connection<T> {
  private madeEdges: Edge<T>[] | undefined;

  constructor(
    readonly nodes: T[],
    readonly totalCount: number,
    readonly pageInfo: PageInfo,
    private readonly offset: number,
  ) {}

  get edges(): Edge<T>[] {
    return (this.madeEdges ??= this.nodes.map((node, index) => ({ node, cursor: encodeCursor(this.offset + index) })));
  }
}

/** Builds a connection from one page of rows and the size of the whole filtered list. */
export function toConnection<T>(rows: T[], totalCount: number, window: PageWindow): Connection<T> {
  const pageInfo = new PageInfo();
  pageInfo.hasNextPage = window.offset + rows.length < totalCount;
  pageInfo.hasPreviousPage = window.offset > 0;
  pageInfo.startCursor = rows.length ? encodeCursor(window.offset) : null;
  pageInfo.endCursor = rows.length ? encodeCursor(window.offset + rows.length - 1) : null;
  return new PageConnection(rows, totalCount, pageInfo, window.offset);
}

/**
 * Declares `<Name>Connection` and `<Name>Edge` object types for a node type. Use it as the base
 * class of a decorated connection class so the schema gets a named, described type.
 */
export function ConnectionType<T extends object>(name: string, nodeType: () => ClassType<T>, nodesDescription: string) {
  @ObjectType(`${name}Edge`, { description: `One ${nodesDescription} in a page, with its cursor.` })
  class EdgeType {
    @Field(nodeType, { description: `The ${nodesDescription}.` })
    node: T;

    @Field({ description: 'Opaque position of this item; pass it as `after` to continue after it.' })
    cursor: string;
  }

  @ObjectType()
  abstract class ConnectionBase implements Connection<T> {
    @Field(() => [EdgeType], { description: `The ${nodesDescription}s of this page with their cursors.` })
    edges: EdgeType[];

    @Field(() => [nodeType()], { description: `The ${nodesDescription}s of this page (the edges' nodes, for convenience).` })
    nodes: T[];

    @Field(() => PageInfo, { description: 'Where this page sits in the whole list.' })
    pageInfo: PageInfo;

    @Field(() => Int, { description: `How many ${nodesDescription}s match the filter in all pages.` })
    totalCount: number;
  }
  return ConnectionBase;
}

/** A filtered, ordered SQL query over one table, as `listBy…` services build it. */
export interface IdQuery {
  /** e.g. `project p` */
  from: string;
  /** e.g. `where p.status in (?)`, or empty */
  where: string;
  params: unknown[];
  /** e.g. `p.updated_at desc, p.id` */
  orderBy: string;
  /** The id column, e.g. `p.id`. */
  id: string;
}

/**
 * One page of a filtered list: the page's ids and the total in two statements, then the
 * records through a DataLoader (so they join the request's identity map and batches).
 */
export async function pageByIds<T>(em: EntityManager, query: IdQuery, window: PageWindow, load: (ids: string[]) => Promise<(T | Error | null)[]>): Promise<Connection<T>> {
  const connection = em.getConnection();
  const [ids, [{ total }]] = await Promise.all([
    connection.execute<{ id: string }[]>(`select ${query.id} as id from ${query.from} ${query.where} order by ${query.orderBy} limit ? offset ?`, [
      ...query.params,
      window.limit,
      window.offset,
    ]),
    connection.execute<{ total: string }[]>(`select count(*) as total from ${query.from} ${query.where}`, query.params),
  ]);
  const records = await load(ids.map((row) => row.id));
  return toConnection(found(records), Number(total), window);
}

/**
 * The total of a list whose page rows carry it (`count(*) over ()`). A page past the end has no
 * rows to carry it, so the first page of one row is asked for instead.
 */
export async function windowTotal(
  rows: { total: string | number | null }[],
  window: PageWindow,
  run: (window: PageWindow) => Promise<{ total: string | number | null }[]>,
): Promise<number> {
  if (rows.length) return Number(rows[0].total);
  if (window.offset === 0) return 0;
  const [first] = await run({ limit: 1, offset: 0 });
  return first ? Number(first.total) : 0;
}
