/**
 * `http://` and `https://` objects as byte sources, read with HTTP Range requests: each
 * `read` is one ranged GET whose body streams straight into the caller's buffer, so nothing
 * is downloaded whole or written to disk. The object is pinned by the validator of its
 * first response (ETag, else Last-Modified): every later range is asked `If-Match` it and
 * its answer checked to carry it, so an object replaced mid-read is an error, never a
 * mixed read.
 */
import {
  drainInto,
  Limiter,
  redactUrl,
  remoteDefaults,
  RemoteSourceError,
  retryableStatus,
  RetryableError,
  withRetries,
  type RemoteOptions,
  type ResolvedRemoteOptions,
} from './remote.js';
import type { ByteSource } from './types.js';

/** The fetch the HTTP source uses (the global one by default; injected by tests). */
export type Fetch = typeof fetch;

/** What a remote source knows beyond the seam: the version it pinned, for the report. */
export interface RemoteObjectInfo {
  /** The URL as shown (redacted). */
  readonly url: string;
  readonly etag?: string;
  readonly versionId?: string;
  readonly lastModified?: string;
}

const remoteInfo = new WeakMap<ByteSource, RemoteObjectInfo>();

/** The pinned version of a remote source, or undefined for any other kind of source. */
export function remoteInfoOf(source: ByteSource): RemoteObjectInfo | undefined {
  return remoteInfo.get(source);
}

/** Records `info` for {@link remoteInfoOf} (for the S3 source, and wrappers). */
export function setRemoteInfo<T extends ByteSource>(source: T, info: RemoteObjectInfo): T {
  remoteInfo.set(source, info);
  return source;
}

/**
 * Opens `url` with a one-byte ranged GET, which tells the size (from Content-Range), the
 * validator, and that the server serves ranges (a 200 with the whole body is refused with
 * code `ERANGE` rather than downloaded). A user name and password in the URL are sent as
 * Basic authorization and never shown.
 */
export async function openHttpSource(
  url: string,
  options: RemoteOptions & { readonly fetch?: Fetch } = {},
): Promise<ByteSource> {
  const opts = remoteDefaults(options);
  const doFetch = options.fetch ?? fetch;
  const display = redactUrl(url);
  const { target, headers } = splitCredentials(url, display);
  const first = await request(doFetch, target, display, 0, 1, headers, undefined, opts);
  const total = /\/(\d+)\s*$/.exec(first.headers.get('content-range') ?? '');
  await first.body?.cancel().catch(() => undefined);
  if (!total) {
    throw new RemoteSourceError(
      display,
      `answered a Range request without Content-Range (status ${first.status}); expected a server that serves byte ranges (HTTP 206)`,
      'ERANGE',
    );
  }
  const etag = first.headers.get('etag') ?? undefined;
  const lastModified = first.headers.get('last-modified') ?? undefined;
  const source = new HttpSource(doFetch, target, display, Number(total[1]), headers, opts, {
    etag,
    lastModified,
  });
  return setRemoteInfo(source, {
    url: display,
    ...(etag && { etag }),
    ...(lastModified && { lastModified }),
  });
}

class HttpSource implements ByteSource {
  readonly id: string;
  private readonly limiter: Limiter;

  constructor(
    private readonly doFetch: Fetch,
    private readonly url: string,
    readonly display: string,
    readonly size: number,
    private readonly headers: Readonly<Record<string, string>>,
    private readonly opts: ResolvedRemoteOptions,
    private readonly pinned: { readonly etag?: string; readonly lastModified?: string },
  ) {
    this.id = `${display}#${pinned.etag ?? pinned.lastModified ?? 'unversioned'}`;
    this.limiter = new Limiter(opts.concurrency);
  }

  async read(
    target: Uint8Array,
    targetOffset: number,
    length: number,
    position: number,
  ): Promise<number> {
    const wanted = Math.min(length, this.size - position);
    if (wanted <= 0) return 0;
    return this.limiter.run(() =>
      withRetries(async () => {
        const response = await request(
          this.doFetch,
          this.url,
          this.display,
          position,
          wanted,
          this.headers,
          this.pinned,
          this.opts,
        );
        this.checkSameObject(response);
        return readBody(response, this.display, position, wanted, target, targetOffset, this.opts);
      }, this.opts),
    );
  }

  private checkSameObject(response: Response): void {
    const etag = response.headers.get('etag') ?? undefined;
    const modified = response.headers.get('last-modified') ?? undefined;
    const changed =
      (this.pinned.etag !== undefined && etag !== this.pinned.etag) ||
      (this.pinned.etag === undefined &&
        this.pinned.lastModified !== undefined &&
        modified !== this.pinned.lastModified);
    if (!changed) return;
    void response.body?.cancel().catch(() => undefined);
    throw changedError(
      this.display,
      this.pinned.etag ?? this.pinned.lastModified!,
      etag ?? modified ?? 'none',
    );
  }

  async close(): Promise<void> {}
}

function changedError(display: string, was: string, now: string): RemoteSourceError {
  return new RemoteSourceError(
    display,
    `changed during the read (version ${was} when opened, ${now} now); expected one version from first byte to last — run again once the upload is complete`,
    'ECHANGED',
  );
}

/** One ranged GET with a per-attempt timeout; retries 5xx, timeouts and network failures. */
async function request(
  doFetch: Fetch,
  url: string,
  display: string,
  position: number,
  length: number,
  headers: Readonly<Record<string, string>>,
  pinned: { readonly etag?: string; readonly lastModified?: string } | undefined,
  opts: ResolvedRemoteOptions,
): Promise<Response> {
  const attempt = async (): Promise<Response> => {
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), opts.timeoutMs);
    let response: Response;
    try {
      response = await doFetch(url, {
        headers: {
          ...headers,
          range: `bytes=${position}-${position + length - 1}`,
          ...(pinned?.etag && { 'if-match': pinned.etag }),
          // Undici would otherwise ask for gzip and hand back a body whose length is not the range's.
          'accept-encoding': 'identity',
        },
        signal: abort.signal,
        redirect: 'follow',
      });
    } catch (e) {
      throw failure(display, abort.signal.aborted, e);
    } finally {
      clearTimeout(timer);
    }
    const status = response.status;
    if (status === 206 || (status === 200 && pinned === undefined)) return response;
    void response.body?.cancel().catch(() => undefined);
    throw statusError(display, status, pinned);
  };
  return pinned === undefined ? withRetries(attempt, opts) : attempt();
}

/** Streams one response's body into the target, timing out when it stalls. */
async function readBody(
  response: Response,
  display: string,
  position: number,
  wanted: number,
  target: Uint8Array,
  targetOffset: number,
  opts: ResolvedRemoteOptions,
): Promise<number> {
  const range = /^bytes (\d+)-(\d+)\//.exec(response.headers.get('content-range') ?? '');
  if (!range || Number(range[1]) !== position) {
    void response.body?.cancel().catch(() => undefined);
    throw new RemoteSourceError(
      display,
      `answered bytes ${range ? `${range[1]}-${range[2]}` : '(no Content-Range)'} when asked for ${position}-${position + wanted - 1}`,
      'EREMOTE',
    );
  }
  const body = response.body;
  if (!body) return 0;
  let stalled = false;
  let timer: NodeJS.Timeout | undefined;
  const reader = body.getReader();
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      stalled = true;
      void reader.cancel().catch(() => undefined);
    }, opts.timeoutMs);
  };
  async function* chunks(): AsyncIterable<Uint8Array> {
    for (;;) {
      arm();
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  }
  let got: number;
  try {
    got = await drainInto(
      chunks(),
      target,
      targetOffset,
      wanted,
      () =>
        new RemoteSourceError(
          display,
          `sent more than the ${wanted} bytes asked for at byte ${position}`,
          'EREMOTE',
        ),
    );
  } catch (e) {
    if (e instanceof RemoteSourceError) throw e;
    throw failure(display, stalled, e);
  } finally {
    clearTimeout(timer);
  }
  if (stalled) throw failure(display, true, undefined);
  if (got < wanted) {
    const final = new RemoteSourceError(
      display,
      `connection ended after ${got} of ${wanted} bytes at byte ${position}`,
      'EREMOTE',
    );
    throw new RetryableError(final.message, final);
  }
  return got;
}

function failure(display: string, timedOut: boolean, e: unknown): RetryableError {
  const final = timedOut
    ? new RemoteSourceError(display, 'timed out', 'ETIMEDOUT')
    : new RemoteSourceError(display, `connection failed (${networkCause(e)})`, 'EREMOTE');
  return new RetryableError(final.message, final);
}

/** The network cause in words, from undici's `cause` code; never the request (it may hold a header). */
function networkCause(e: unknown): string {
  const cause = (e as { cause?: { code?: string } } | undefined)?.cause;
  return cause?.code ?? (e instanceof Error ? e.name : 'unknown error');
}

function statusError(
  display: string,
  status: number,
  pinned: { readonly etag?: string } | undefined,
): Error {
  if (status === 412 && pinned?.etag)
    return changedError(display, pinned.etag, 'another (the server answered 412 to If-Match)');
  if (status === 404 || status === 410)
    return new RemoteSourceError(display, `not found (HTTP ${status})`, 'ENOENT');
  if (status === 401 || status === 403)
    return new RemoteSourceError(
      display,
      `access denied (HTTP ${status}); check the credentials the runner has for it`,
      'EACCES',
    );
  if (status === 416)
    return new RemoteSourceError(display, 'refused the byte range (HTTP 416)', 'ERANGE');
  const final = new RemoteSourceError(display, `answered HTTP ${status}`, 'EREMOTE');
  return retryableStatus(status) ? new RetryableError(final.message, final) : final;
}

/** Takes `user:password@` out of the URL (fetch refuses it) into a Basic header. */
function splitCredentials(
  url: string,
  display: string,
): { target: string; headers: Record<string, string> } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new RemoteSourceError(display, 'is not a valid URL', 'EREMOTE');
  }
  if (!parsed.username && !parsed.password) return { target: url, headers: {} };
  const user = decodeURIComponent(parsed.username);
  const password = decodeURIComponent(parsed.password);
  parsed.username = '';
  parsed.password = '';
  const basic = Buffer.from(`${user}:${password}`).toString('base64');
  return { target: parsed.toString(), headers: { authorization: `Basic ${basic}` } };
}
