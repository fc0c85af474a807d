/**
 * `s3://bucket/key` objects as byte sources, through the AWS SDK for JavaScript v3 and its
 * standard credential chain (environment, shared profile, web identity — so GitHub OIDC
 * with aws-actions/configure-aws-credentials works as is) and endpoint variables
 * (`AWS_ENDPOINT_URL_S3`, then `AWS_ENDPOINT_URL`; path-style addressing when either is
 * set, as MinIO and most S3-compatible stores want). Each `read` is one ranged GetObject
 * streamed into the caller's buffer, pinned to the object's ETag (and version id when the
 * bucket keeps versions) with `If-Match`, and its answer checked to carry the same ETag.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import { setRemoteInfo } from './http.js';
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

/** An `s3://` URL taken apart. */
export interface S3Location {
  readonly bucket: string;
  /** The key, or a prefix or glob of keys (may be empty: the whole bucket). */
  readonly key: string;
}

/** Splits `s3://bucket/key`; throws RemoteSourceError when there is no bucket. */
export function parseS3Url(url: string): S3Location {
  const m = /^s3:\/\/([^/?#]+)\/?(.*)$/i.exec(url);
  if (!m || m[1]!.includes('@'))
    throw new RemoteSourceError(redactUrl(url), 'is not s3://bucket/key', 'EREMOTE');
  return { bucket: m[1]!, key: m[2]! };
}

/** Builds the S3 client; injected so tests (and the lister) share one. */
export type S3ClientFactory = () => Promise<S3Client>;

/**
 * The AWS SDK's S3 module, loaded on first use. It is CommonJS: under tsx and vitest its
 * exports are the namespace's, but in the esbuild bundle (dist/) a dynamic import of a
 * CommonJS chunk yields only `default`, and `S3Client` was then undefined ("S3Client is not
 * a constructor" from `node dist/cli.js` on any s3:// reference).
 */
export async function loadS3Sdk(): Promise<typeof import('@aws-sdk/client-s3')> {
  const mod = (await import('@aws-sdk/client-s3')) as typeof import('@aws-sdk/client-s3') & {
    readonly default?: typeof import('@aws-sdk/client-s3');
  };
  return mod.S3Client ? mod : mod.default!;
}

/**
 * The client the gate uses: region and credentials from the SDK's standard chains; the
 * endpoint from `AWS_ENDPOINT_URL_S3` / `AWS_ENDPOINT_URL` (read by the SDK itself, and here
 * only to turn on path-style addressing); retries are the gate's own (see remote.ts), so the
 * SDK makes one attempt per call. The SDK is imported on first use (about 100 ms) so local
 * runs never pay for it.
 */
export function defaultS3Client(
  env: Readonly<Record<string, string | undefined>> = process.env,
  options: RemoteOptions = {},
): S3ClientFactory {
  let client: Promise<S3Client> | undefined;
  return () =>
    (client ??= (async () => {
      // The SDK prints a Node-version notice on Node 20 (supported by this pinned version)
      // to stderr, which would land in the gate's output; the runner may still turn it on.
      process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';
      const { S3Client } = await loadS3Sdk();
      const endpoint = env['AWS_ENDPOINT_URL_S3'] || env['AWS_ENDPOINT_URL'] || undefined;
      const timeout = remoteDefaults(options).timeoutMs;
      return new S3Client({
        ...(endpoint && { endpoint, forcePathStyle: true }),
        // A custom endpoint (MinIO, a test server) often has no region of its own.
        ...(endpoint && !env['AWS_REGION'] && { region: 'us-east-1' }),
        maxAttempts: 1,
        requestHandler: { requestTimeout: timeout, connectionTimeout: timeout },
      });
    })());
}

/**
 * Opens `s3://bucket/key`: one HeadObject for the size, ETag and version id; 403 and 404
 * are errors of codes `EACCES` and `ENOENT` naming the URL (never a key or token).
 */
export async function openS3Source(
  url: string,
  client: S3ClientFactory,
  options: RemoteOptions = {},
): Promise<ByteSource> {
  const opts = remoteDefaults(options);
  const display = redactUrl(url);
  const { bucket, key } = parseS3Url(url);
  const s3 = await client();
  const { HeadObjectCommand } = await loadS3Sdk();
  const head = await withRetries(
    () =>
      s3
        .send(new HeadObjectCommand({ Bucket: bucket, Key: key }))
        .catch((e: unknown) => rethrow(display, e)),
    opts,
  );
  const size = head.ContentLength ?? 0;
  const etag = head.ETag;
  const versionId = head.VersionId;
  const source = new S3Source(s3, bucket, key, display, size, opts, etag, versionId);
  return setRemoteInfo(source, {
    url: display,
    ...(etag && { etag }),
    ...(versionId && { versionId }),
  });
}

class S3Source implements ByteSource {
  readonly id: string;
  private readonly limiter: Limiter;

  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
    private readonly key: string,
    readonly display: string,
    readonly size: number,
    private readonly opts: ResolvedRemoteOptions,
    private readonly etag: string | undefined,
    private readonly versionId: string | undefined,
  ) {
    this.id = `${display}#${versionId ?? etag ?? 'unversioned'}`;
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
    const { GetObjectCommand } = await loadS3Sdk();
    return this.limiter.run(() =>
      withRetries(async () => {
        const abort = new AbortController();
        const timer = setTimeout(() => abort.abort(), this.opts.timeoutMs);
        try {
          const got = await this.s3
            .send(
              new GetObjectCommand({
                Bucket: this.bucket,
                Key: this.key,
                Range: `bytes=${position}-${position + wanted - 1}`,
                ...(this.etag && { IfMatch: this.etag }),
                ...(this.versionId && { VersionId: this.versionId }),
              }),
              { abortSignal: abort.signal },
            )
            .catch((e: unknown) => rethrow(this.display, e, this.etag, abort.signal.aborted));
          if (this.etag !== undefined && got.ETag !== this.etag) {
            (got.Body as { destroy?: () => void } | undefined)?.destroy?.();
            throw changed(this.display, this.etag, got.ETag ?? 'none');
          }
          const body = got.Body as AsyncIterable<Uint8Array> | undefined;
          if (!body) return 0;
          const n = await drainInto(
            body,
            target,
            targetOffset,
            wanted,
            () =>
              new RemoteSourceError(
                this.display,
                `sent more than the ${wanted} bytes asked for at byte ${position}`,
                'EREMOTE',
              ),
          ).catch((e: unknown) => rethrow(this.display, e, this.etag, abort.signal.aborted));
          if (n < wanted) {
            const final = new RemoteSourceError(
              this.display,
              `connection ended after ${n} of ${wanted} bytes at byte ${position}`,
              'EREMOTE',
            );
            throw new RetryableError(final.message, final);
          }
          return n;
        } finally {
          clearTimeout(timer);
        }
      }, this.opts),
    );
  }

  async close(): Promise<void> {}
}

function changed(display: string, was: string, now: string): RemoteSourceError {
  return new RemoteSourceError(
    display,
    `changed during the read (ETag ${was} when opened, ${now} now); expected one version from first byte to last — run again once the upload is complete`,
    'ECHANGED',
  );
}

/**
 * An SDK failure as a {@link RemoteSourceError} (or a RetryableError around one), in words
 * of its status: the SDK's own message can quote the request, so only its status code and
 * error name are kept.
 */
export function rethrow(display: string, e: unknown, etag?: string, timedOut = false): never {
  if (e instanceof RemoteSourceError || e instanceof RetryableError) throw e;
  const err = e as { name?: string; $metadata?: { httpStatusCode?: number }; code?: string };
  const status = err.$metadata?.httpStatusCode;
  const name = err.name ?? 'Error';
  // A HEAD answer has no body, so the SDK can only call its error "Unknown": say nothing then.
  const label = name === 'Unknown' || name === 'Error' ? '' : `${name}, `;
  if (timedOut || name === 'TimeoutError' || name === 'AbortError' || err.code === 'ETIMEDOUT') {
    const final = new RemoteSourceError(display, 'timed out', 'ETIMEDOUT');
    throw new RetryableError(final.message, final);
  }
  if (status === 412 && etag) throw changed(display, etag, 'another (412 to If-Match)');
  if (status === 404 || name === 'NoSuchKey' || name === 'NotFound' || name === 'NoSuchBucket')
    throw new RemoteSourceError(display, `not found (${label}HTTP ${status ?? 404})`, 'ENOENT');
  if (status === 401 || status === 403)
    throw new RemoteSourceError(
      display,
      `access denied (${label}HTTP ${status}); check the credentials the runner has for it`,
      'EACCES',
    );
  if (/region is missing/i.test((e as Error).message ?? ''))
    throw new RemoteSourceError(
      display,
      'no AWS region configured; set AWS_REGION (or a region in the shared profile)',
      'EREMOTE',
    );
  if (name === 'CredentialsProviderError')
    throw new RemoteSourceError(
      display,
      'no AWS credentials found (environment, shared profile or web identity)',
      'EACCES',
    );
  const final = new RemoteSourceError(
    display,
    status !== undefined
      ? `answered HTTP ${status}${label && ` (${name})`}`
      : `request failed (${name})`,
    'EREMOTE',
  );
  if (status === undefined || retryableStatus(status))
    throw new RetryableError(final.message, final);
  throw final;
}
