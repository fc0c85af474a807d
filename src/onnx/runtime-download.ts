/**
 * The tool cache for onnxruntime's native binaries, and the one download that fills it: the
 * pinned onnxruntime-node tarball from the npm registry, verified against the integrity recorded
 * at build time before a byte of it is unpacked, and unpacked for this platform/arch only into a
 * temporary folder that is renamed into place — so a cache folder that exists is complete, and
 * two runs racing each other both end with the same folder.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { get as httpGet, type IncomingMessage } from 'node:http';
import { get as httpsGet } from 'node:https';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { x as untar } from 'tar';
import { BINDING_FILE } from './runtime-native.js';
import { ORT_PIN, keepNativeFile } from './runtime-pin.js';
import { RuntimeUnavailableError, causeText } from './runtime-error.js';

/** Where the process runs: what picks the cache folder and the binaries. */
export interface RuntimeHost {
  readonly platform: string;
  readonly arch: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly homedir: string;
}

/**
 * The cache folder for the pinned release on this host. On GitHub runners it follows
 * @actions/tool-cache's layout (`$RUNNER_TOOL_CACHE/<tool>/<version>/<arch>` with an
 * `<arch>.complete` marker beside it), so later jobs on a self-hosted runner find it; elsewhere
 * `$XDG_CACHE_HOME` (or ~/.cache) on Linux and macOS and `%LOCALAPPDATA%` on Windows.
 */
export function runtimeCacheDir(host: RuntimeHost): string {
  const { env, platform, arch } = host;
  const tool = env['RUNNER_TOOL_CACHE'];
  if (tool) return join(tool, `embedding-gate-${ORT_PIN.name}`, ORT_PIN.version, arch);
  const base =
    platform === 'win32'
      ? join(
          env['LOCALAPPDATA'] || join(host.homedir, 'AppData', 'Local'),
          'embedding-gate',
          'Cache',
        )
      : join(env['XDG_CACHE_HOME'] || join(host.homedir, '.cache'), 'embedding-gate');
  return join(base, ORT_PIN.name, ORT_PIN.version, `${platform}-${arch}`);
}

/** Whether a folder holds the addon (a cache folder that exists is complete by construction). */
export async function hasBinding(dir: string): Promise<boolean> {
  try {
    return (await stat(join(dir, BINDING_FILE))).isFile();
  } catch {
    return false;
  }
}

/** How long a silent connection may stall before the download gives up. */
const IDLE_MS = 30_000;
const MAX_REDIRECTS = 5;

function request(url: string, redirects = 0): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const get = url.startsWith('https:') ? httpsGet : httpGet;
    const req = get(url, { headers: { accept: 'application/octet-stream' } }, (res) => {
      const status = res.statusCode ?? 0;
      const location = res.headers.location;
      if (status >= 300 && status < 400 && location) {
        res.resume();
        if (redirects >= MAX_REDIRECTS) reject(new Error('too many redirects'));
        else request(new URL(location, url).href, redirects + 1).then(resolve, reject);
        return;
      }
      if (status !== 200) {
        res.resume();
        reject(new Error(`HTTP ${status}`));
        return;
      }
      resolve(res);
    });
    req.setTimeout(IDLE_MS, () => req.destroy(new Error(`no answer in ${IDLE_MS / 1000} s`)));
    req.on('error', reject);
  });
}

/** sha512 of a file, in npm's `sha512-<base64>` form. */
async function integrityOf(file: string): Promise<string> {
  const hash = createHash('sha512');
  await pipeline(createReadStream(file), hash);
  return `sha512-${hash.digest('base64')}`;
}

/**
 * Downloads the pinned tarball from `url`, checks its integrity, and unpacks this host's
 * binaries into `dest`. Resolves to `dest`; rejects with {@link RuntimeUnavailableError} naming
 * the URL and what to do, leaving nothing at `dest` or beside it.
 */
export async function downloadRuntime(
  url: string,
  dest: string,
  host: RuntimeHost,
): Promise<string> {
  const parent = dirname(dest);
  const tmp = join(parent, `.tmp-${process.pid}-${randomBytes(6).toString('hex')}`);
  const tgz = `${tmp}.tgz`;
  const next = `set EMBEDDING_GATE_ONNXRUNTIME_DIR to a folder holding onnxruntime-node ${ORT_PIN.version}'s binaries, or EMBEDDING_GATE_NPM_REGISTRY to a registry that serves it`;
  try {
    await mkdir(parent, { recursive: true });
    try {
      const res = await request(url);
      const out = createWriteStream(tgz);
      res.setTimeout(IDLE_MS, () => res.destroy(new Error(`stalled for ${IDLE_MS / 1000} s`)));
      await pipeline(res, out);
    } catch (e) {
      throw new RuntimeUnavailableError(
        `cannot download onnxruntime from ${url}: ${causeText(e)}; ${next}`,
      );
    }
    const got = await integrityOf(tgz);
    if (got !== ORT_PIN.integrity) {
      throw new RuntimeUnavailableError(
        `integrity mismatch for ${url}: expected ${ORT_PIN.integrity}, got ${got}; nothing was cached. The registry or a proxy changed the file: ${next}`,
      );
    }
    const folder = `package/bin/napi-v6/${host.platform}/${host.arch}/`;
    await mkdir(tmp);
    await untar({
      file: tgz,
      cwd: tmp,
      strip: 5,
      filter: (path, entry) =>
        path.startsWith(folder) &&
        !path.slice(folder.length).includes('/') &&
        keepNativeFile(path) &&
        ('type' in entry ? entry.type === 'File' : true),
    });
    if ((await readdir(tmp)).length === 0 || !(await hasBinding(tmp))) {
      throw new RuntimeUnavailableError(
        `onnxruntime-node ${ORT_PIN.version} from ${url} has no binaries for ${host.platform}-${host.arch}`,
      );
    }
    try {
      await rename(tmp, dest);
    } catch (e) {
      // Another run finished first: its folder is as good as ours.
      if (!(await hasBinding(dest))) throw e;
    }
    if (host.env['RUNNER_TOOL_CACHE']) await writeFile(`${dest}.complete`, '');
    return dest;
  } catch (e) {
    if (e instanceof RuntimeUnavailableError) throw e;
    throw new RuntimeUnavailableError(
      `cannot unpack onnxruntime into ${parent}: ${causeText(e)}; ${next}`,
    );
  } finally {
    await rm(tmp, { recursive: true, force: true });
    await rm(tgz, { force: true });
  }
}
