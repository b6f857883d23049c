import DataLoader from 'dataloader';

/** A value, or a promise of it where it has to be loaded first. */
export type Awaitable<T> = T | Promise<T>;

/**
 * A DataLoader that also keeps the values it has loaded or been primed with, and gives those at
 * once (`get`) rather than as a promise. graphql-js completes a field whose resolver returns a
 * value in the same tick; a promise costs it a microtask, a Promise.all over the object's fields
 * and garbage to collect. A page of projects has a unit, a parent and an organisation field for
 * each of hundreds of rows, all known after the page's one statement.
 */
export class RecordLoader<K, V> extends DataLoader<K, V> {
  private readonly known: Map<K, V>;

  constructor(batch: DataLoader.BatchLoadFn<K, V>) {
    const known = new Map<K, V>();
    super(async (keys) => {
      const values = await batch(keys);
      keys.forEach((key, index) => {
        const value = values[index];
        if (!(value instanceof Error)) known.set(key, value);
      });
      return values;
    });
    this.known = known;
  }

  /** The value of `key`: at once where it is known, else through `load`. */
  get(key: K): Awaitable<V> {
    return this.known.has(key) ? (this.known.get(key) as V) : this.load(key);
  }

  override prime(key: K, value: V | PromiseLike<V> | Error): this {
    if (!(value instanceof Error) && !isPromiseLike(value) && !this.known.has(key)) this.known.set(key, value);
    return super.prime(key, value);
  }

  override clear(key: K): this {
    this.known.delete(key);
    return super.clear(key);
  }

  override clearAll(): this {
    this.known.clear();
    return super.clearAll();
  }
}

function isPromiseLike<V>(value: V | PromiseLike<V>): value is PromiseLike<V> {
  return typeof (value as PromiseLike<V> | null)?.then === 'function';
}

/** The values of `keys` that exist (as `found`), at once where the loader knows them all. */
export function getAll<K, V>(loader: RecordLoader<K, V | null>, keys: readonly K[]): Awaitable<V[]> {
  const values = keys.map((key) => loader.get(key));
  if (values.some(isPromiseLike)) return Promise.all(values.map((value) => Promise.resolve(value))).then(existing);
  return existing(values as (V | null)[]);
}

function existing<V>(values: (V | null)[]): V[] {
  return values.filter((value): value is V => value != null);
}

/** `next` of the value, at once where the value is there. */
export function andThen<T, U>(value: Awaitable<T>, next: (value: T) => Awaitable<U>): Awaitable<U> {
  return value instanceof Promise ? value.then(next) : next(value);
}
