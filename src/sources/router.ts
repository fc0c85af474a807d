/**
 * The opener the engine runs with: local paths go to the local opener it wraps (confined to
 * the workspace), `s3://` and `http(s)://` to the remote sources — only when remote reads
 * were allowed (`--allow-remote`), else a {@link RemoteNotAllowedError} naming the URL and
 * the flag. It also lists datasets (directories, globs, prefixes) for the readers.
 */
import { type Dataset, listLocalDataset, listS3Dataset } from './dataset.js';
import { type Fetch, openHttpSource } from './http.js';
import {
  isRemoteRef,
  redactUrl,
  RemoteNotAllowedError,
  remoteNotAllowed,
  RemoteSourceError,
  schemeOf,
  type RemoteOptions,
} from './remote.js';
import { defaultS3Client, openS3Source, type S3ClientFactory } from './s3.js';
import type { SourceOpener, SourceRequest } from './types.js';

/** Lists the parts a dataset reference names. */
export type DatasetLister = (ref: string) => Promise<Dataset>;

const listers = new WeakMap<SourceOpener, DatasetLister>();

/**
 * How `opener` lists datasets: its own lister when it was built by {@link routedOpener},
 * else local directories and globs only (a remote reference is refused as not allowed).
 */
export function datasetListerOf(opener: SourceOpener): DatasetLister {
  return (
    listers.get(opener) ??
    (async (ref) => {
      if (isRemoteRef(ref)) throw new RemoteNotAllowedError(remoteNotAllowed(ref));
      return listLocalDataset(ref);
    })
  );
}

/**
 * Marks `wrapper` (an opener that calls `inner`, such as a recording or sizing wrapper) as
 * listing datasets the way `inner` does, and returns it.
 */
export function sharesLister(wrapper: SourceOpener, inner: SourceOpener): SourceOpener {
  const lister = listers.get(inner);
  if (lister) listers.set(wrapper, lister);
  return wrapper;
}

/** Options of {@link routedOpener}. */
export interface RouterOptions {
  /** Read `s3://` and `http(s)://` sources. Off by default: see the module comment. */
  readonly allowRemote?: boolean;
  readonly remote?: RemoteOptions;
  /** The S3 client (the SDK's default chain when absent). */
  readonly s3?: S3ClientFactory;
  /** fetch for HTTP (the global one when absent). */
  readonly fetch?: Fetch;
  /** Environment for the S3 endpoint variables; process.env when absent. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/**
 * Wraps `local` so that remote references are opened remotely when allowed. A scheme the
 * gate does not read (`gs://`, `file://`) goes to `local`, whose path check refuses it.
 */
export function routedOpener(local: SourceOpener, options: RouterOptions = {}): SourceOpener {
  const s3 = options.s3 ?? defaultS3Client(options.env ?? process.env, options.remote);
  const refuse = (ref: string) => {
    if (!options.allowRemote) throw new RemoteNotAllowedError(remoteNotAllowed(ref));
  };
  const open: SourceOpener = async (request: SourceRequest) => {
    const scheme = schemeOf(request.path);
    if (scheme === undefined) return local(request);
    refuse(request.path);
    if (scheme === 's3') return openS3Source(request.path, s3, options.remote);
    return openHttpSource(request.path, {
      ...options.remote,
      ...(options.fetch && { fetch: options.fetch }),
    });
  };
  listers.set(open, async (ref) => {
    const scheme = schemeOf(ref);
    if (scheme === undefined) return listLocalDataset(ref);
    refuse(ref);
    if (scheme === 's3') return listS3Dataset(ref, s3, options.remote);
    throw new RemoteSourceError(
      redactUrl(ref),
      'is an HTTP directory or glob; HTTP cannot list objects — name each part in a list, or use s3://',
      'EREMOTE',
    );
  });
  return open;
}
