import { type BinaryToTextEncoding, createHash, hash } from 'node:crypto';
import { dirname } from 'node:path';

/**
 * Apollo Server hashes the query text of every request (SHA-256, the key of its cache of parsed
 * documents) through @apollo/utils.createhash 3, whose `createHash` runs `module.require('crypto')`
 * and builds a crypto Hash object on each call: about 15 µs of each request's CPU, a tenth of a
 * `{ __typename }`. Node's one-shot `crypto.hash` gives the same digest without either. Apollo
 * reads the package's export at each call, so replacing the export is enough. Every use in Apollo
 * 5 is `createHash(kind).update(text).digest('hex')`; the replacement also takes Buffers and
 * several updates, and is checked against Node's Hash when installed.
 */

interface HashLike {
  update(data: string | Buffer): HashLike;
  digest(encoding: BinaryToTextEncoding): string;
}

interface CreateHashModule {
  createHash: (kind: string) => HashLike;
}

class OneShotHash implements HashLike {
  private readonly chunks: (string | Buffer)[] = [];

  constructor(private readonly kind: string) {}

  update(data: string | Buffer): HashLike {
    this.chunks.push(data);
    return this;
  }

  digest(encoding: BinaryToTextEncoding): string {
    const [only] = this.chunks;
    const data = this.chunks.length === 1 ? only : Buffer.concat(this.chunks.map((chunk) => (typeof chunk === 'string' ? Buffer.from(chunk) : chunk)));
    return hash(this.kind, data ?? '', encoding);
  }
}

/** The @apollo/utils.createhash module that Apollo Server itself loads. */
function apolloCreateHashModule(): CreateHashModule {
  const path = require.resolve('@apollo/utils.createhash', { paths: [dirname(require.resolve('@apollo/server'))] });
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- Apollo's own dependency, as Apollo resolves it
  return require(path) as CreateHashModule;
}

let installed = false;

/** Puts the one-shot hash in place once; throws if it would not give Node's digests. */
export function installQueryHash(): void {
  if (installed) return;
  const apolloHashes = apolloCreateHashModule();
  if (typeof apolloHashes.createHash !== 'function') throw new Error('@apollo/utils.createhash has no createHash; see src/server/query-hash.ts');
  const sample = 'query { __typename } # ünïcode';
  for (const kind of ['sha256', 'sha512']) {
    const expected = createHash(kind)
      .update(sample)
      .update(Buffer.from([1, 2]))
      .digest('hex');
    if (
      new OneShotHash(kind)
        .update(sample)
        .update(Buffer.from([1, 2]))
        .digest('hex') !== expected
    )
      throw new Error(`the one-shot ${kind} differs from Node's`);
  }
  apolloHashes.createHash = (kind) => new OneShotHash(kind);
  installed = true;
}

/** Apollo's current `createHash`, for the test that checks it is ours. */
export function apolloCreateHash(): (kind: string) => HashLike {
  return apolloCreateHashModule().createHash;
}
