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
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { x as untar } from 'tar';
import { Agent, ProxyAgent, request as undiciRequest, type Dispatcher } from 'undici';
import { redactUrl } from '../config/paths.js';
import { scrubSecrets, type NpmConfigHost, type NpmNet } from './npm-config.js';
import { BINDING_FILE } from './runtime-native.js';
import { ORT_PIN, keepNativeFile } from './runtime-pin.js';
import { RuntimeUnavailableError, causeText } from './runtime-error.js';

/** Where the process runs: what picks the cache folder and the binaries. */
export interface RuntimeHost extends NpmConfigHost {
  readonly platform: string;
  readonly arch: string;
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

/** A direct connection, no credentials: the download's network when npm's settings are not read. */
export const DIRECT: NpmNet = {
  authorization: () => undefined,
  proxy: () => undefined,
  secrets: [],
};

/**
 * GETs `url` through undici — directly or through the proxy `net` names for each hop
 * (CONNECT for https, an absolute-URI GET for http) — following redirects itself, so that
 * each hop carries only the credentials `net` holds for that very URL: a redirect to another
 * host drops the registry's token. Resolves to the body of the 200 answer.
 */
async function request(url: string, net: NpmNet, dispatchers: Dispatcher[]): Promise<Readable> {
  let current = url;
  for (let hop = 0; ; hop++) {
    const proxy = net.proxy(current);
    // proxyTunnel false: plain http goes to the proxy as an absolute-URI GET; https still tunnels.
    const dispatcher = proxy ? new ProxyAgent({ uri: proxy, proxyTunnel: false }) : new Agent();
    dispatchers.push(dispatcher);
    const auth = net.authorization(current);
    const res = await undiciRequest(current, {
      dispatcher,
      method: 'GET',
      headers: { accept: 'application/octet-stream', ...(auth && { authorization: auth }) },
      headersTimeout: IDLE_MS,
      bodyTimeout: IDLE_MS,
    });
    const location = res.headers['location'];
    if (res.statusCode >= 300 && res.statusCode < 400 && typeof location === 'string') {
      await res.body.dump();
      if (hop >= MAX_REDIRECTS) throw new Error('too many redirects');
      current = new URL(location, current).href;
      continue;
    }
    if (res.statusCode !== 200) {
      await res.body.dump();
      throw new Error(
        `HTTP ${res.statusCode}${res.statusCode === 407 ? ' (the proxy wants credentials)' : ''}`,
      );
    }
    return res.body;
  }
}

/** sha512 of a file, in npm's `sha512-<base64>` form. */
async function integrityOf(file: string): Promise<string> {
  const hash = createHash('sha512');
  await pipeline(createReadStream(file), hash);
  return `sha512-${hash.digest('base64')}`;
}

/**
 * Downloads the pinned tarball from `url` (through `net`'s proxy, with its credentials for
 * that URL only), checks its integrity, and unpacks this host's binaries into `dest`.
 * Resolves to `dest`; rejects with {@link RuntimeUnavailableError} naming the URL (without
 * credentials) and what to do, leaving nothing at `dest` or beside it. No message carries
 * one of `net.secrets`.
 */
export async function downloadRuntime(
  url: string,
  dest: string,
  host: RuntimeHost,
  net: NpmNet = DIRECT,
): Promise<string> {
  try {
    return await download(url, dest, host, net);
  } catch (e) {
    if (e instanceof RuntimeUnavailableError)
      throw new RuntimeUnavailableError(scrubSecrets(e.message, net.secrets));
    throw e;
  }
}

async function download(url: string, dest: string, host: RuntimeHost, net: NpmNet) {
  const shown = redactUrl(url);
  const dispatchers: Dispatcher[] = [];
  const parent = dirname(dest);
  const tmp = join(parent, `.tmp-${process.pid}-${randomBytes(6).toString('hex')}`);
  const tgz = `${tmp}.tgz`;
  const next = `set EMBEDDING_GATE_ONNXRUNTIME_DIR to a folder holding onnxruntime-node ${ORT_PIN.version}'s binaries, or EMBEDDING_GATE_NPM_REGISTRY to a registry that serves it`;
  try {
    await mkdir(parent, { recursive: true });
    try {
      await pipeline(await request(url, net, dispatchers), createWriteStream(tgz));
    } catch (e) {
      throw new RuntimeUnavailableError(
        `cannot download onnxruntime from ${shown}${viaProxy(url, net)}: ${causeText(e)}; ${next}`,
      );
    } finally {
      await Promise.all(dispatchers.map((d) => d.close().catch(() => undefined)));
    }
    const got = await integrityOf(tgz);
    if (got !== ORT_PIN.integrity) {
      throw new RuntimeUnavailableError(
        `integrity mismatch for ${shown}: expected ${ORT_PIN.integrity}, got ${got}; nothing was cached. The registry or a proxy changed the file: ${next}`,
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
        `onnxruntime-node ${ORT_PIN.version} from ${shown} has no binaries for ${host.platform}-${host.arch}`,
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

/** ` through proxy http://host:port` (no credentials) when `net` sends `url` through one. */
export function viaProxy(url: string, net: NpmNet): string {
  const proxy = net.proxy(url);
  return proxy ? ` through proxy ${redactUrl(proxy).replace(/\/$/, '')}` : '';
}
