/**
 * npm's settings, as far as the one download of onnxruntime needs them: the registry, its
 * credentials, and the proxy — read where npm reads them, with npm's precedence and syntax,
 * so a runner set up for npm (actions/setup-node's `.npmrc`, a corporate proxy) is set up
 * for the gate too.
 *
 * Sources, highest first: `npm_config_*` environment variables (any case, as npm reads them),
 * the project's `.npmrc` (in the nearest folder up from the working directory holding a
 * `package.json` or `node_modules`, npm's "local prefix"), the user config
 * (`$npm_config_userconfig`, else `~/.npmrc`) and the global config (`$npm_config_globalconfig`,
 * else `<prefix>/etc/npmrc` beside node). Files are parsed with `ini`, npm's own parser, and
 * `${VAR}` is expanded in keys and values exactly as npm does (`${VAR?}` is empty when unset).
 *
 * Credentials are never shown: {@link NpmNet.secrets} lists every one, and the download
 * scrubs them from any message it makes.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import ini from 'ini';
import { RuntimeUnavailableError, causeText } from './runtime-error.js';

/** What locates npm's files: the process's environment, home, platform, folder and node. */
export interface NpmConfigHost {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly homedir: string;
  readonly platform: string;
  /** The working directory; absent: no project `.npmrc` is read. */
  readonly cwd?: string;
  /** node's executable (npm's default global prefix); absent: only `$npm_config_globalconfig`. */
  readonly execPath?: string;
}

/** npm's merged settings. */
export interface NpmConfig {
  /** A setting's value by npm's key (`registry`, `https-proxy`, `//host/:_authToken`). */
  get(key: string): string | undefined;
  /** Every key set anywhere. */
  keys(): string[];
  /** The files read, highest precedence first. */
  readonly files: readonly string[];
}

/** A `.npmrc` larger than this is refused: it is a settings file, never data. */
const MAX_NPMRC_BYTES = 1 << 20;

/**
 * npm's `${VAR}` expansion (@npmcli/config's env-replace): an unset variable stays as
 * written unless marked optional (`${VAR?}` → ''), and `\${VAR}` escapes it.
 */
export function expandEnv(text: string, env: NpmConfigHost['env']): string {
  return text.replace(
    /(?<!\\)(\\*)\$\{([^${}?]+)(\?)?\}/g,
    (orig, esc: string, name: string, optional?: string) => {
      const value = env[name] ?? (optional ? '' : `\${${name}}`);
      if (esc.length % 2) return orig.slice((esc.length + 1) / 2);
      return esc.slice(esc.length / 2) + value;
    },
  );
}

/** `npm_config_*` variables as npm keys: `NPM_CONFIG_HTTPS_PROXY` → `https-proxy`. */
function envSettings(env: NpmConfigHost['env']): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, value] of Object.entries(env)) {
    if (!/^npm_config_/i.test(name) || value === undefined || value === '') continue;
    let key = name.slice('npm_config_'.length);
    if (!key.startsWith('//')) key = key.replace(/(?!^)_/g, '-').toLowerCase();
    out.set(key, value);
  }
  return out;
}

/** npm's settings from the environment alone (`npm_config_*`), no file read. */
export function envNpmConfig(env: NpmConfigHost['env']): NpmConfig {
  const settings = envSettings(env);
  return { get: (key) => settings.get(key), keys: () => [...settings.keys()], files: [] };
}

/** The settings of one `.npmrc` (undefined when it does not exist). */
function fileSettings(file: string, env: NpmConfigHost['env']): Map<string, string> | undefined {
  let text: string;
  try {
    const size = statSync(file).size;
    if (size > MAX_NPMRC_BYTES) throw new Error(`larger than ${MAX_NPMRC_BYTES} bytes`);
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new RuntimeUnavailableError(`cannot read npm's settings ${file}: ${causeText(e)}`);
  }
  const out = new Map<string, string>();
  for (const [rawKey, raw] of Object.entries(ini.parse(text))) {
    // Sections ([name]) are not npm settings; arrays (key[]=…) are lists, as `noproxy`.
    const value = Array.isArray(raw)
      ? raw.map(String).join(',')
      : raw !== null && typeof raw === 'object'
        ? undefined
        : String(raw);
    if (value === undefined) continue;
    out.set(expandEnv(rawKey, env), expandEnv(value.trim(), env));
  }
  return out;
}

/** npm's local prefix: the nearest folder up from `cwd` with package.json or node_modules. */
function projectDir(cwd: string): string {
  for (let dir = cwd; ; dir = dirname(dir)) {
    for (const marker of ['package.json', 'node_modules']) {
      try {
        statSync(join(dir, marker));
        return dir;
      } catch {
        // not here
      }
    }
    if (dirname(dir) === dir) return cwd;
  }
}

/**
 * Reads npm's settings for `host` (see the module header). Throws RuntimeUnavailableError
 * when a `.npmrc` that exists cannot be read.
 */
export function loadNpmConfig(host: NpmConfigHost): NpmConfig {
  const fromEnv = envSettings(host.env);
  const files: string[] = [];
  if (host.cwd !== undefined) files.push(join(projectDir(host.cwd), '.npmrc'));
  files.push(fromEnv.get('userconfig') ?? join(host.homedir, '.npmrc'));
  const prefix =
    fromEnv.get('prefix') ??
    (host.execPath === undefined
      ? undefined
      : host.platform === 'win32'
        ? dirname(host.execPath)
        : dirname(dirname(host.execPath)));
  const global = fromEnv.get('globalconfig') ?? (prefix && join(prefix, 'etc', 'npmrc'));
  if (global !== undefined && !files.includes(global)) files.push(global);
  const layers = [fromEnv];
  const read: string[] = [];
  for (const file of files) {
    const settings = fileSettings(file, host.env);
    if (settings) {
      layers.push(settings);
      read.push(file);
    }
  }
  return {
    get: (key) => {
      for (const layer of layers) {
        const v = layer.get(key);
        if (v !== undefined && v !== '') return v;
      }
      return undefined;
    },
    keys: () => [...new Set(layers.flatMap((l) => [...l.keys()]))],
    files: read,
  };
}

/** npm's "nerf dart" of a URL: `//host[:port]/path/` of its folder, the key prefix of its auth. */
export function nerfDart(url: string): string {
  const folder = new URL('.', new URL(url));
  return `//${folder.host}${folder.pathname}`;
}

/** Whether a host name is this machine (credentials may travel there without TLS). */
function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/** The registry, its credentials and the proxy for one URL, as the download asks for them. */
export interface NpmNet {
  /** The `Authorization` header for `url`, when npm's settings hold credentials for it. */
  authorization(url: string): string | undefined;
  /** The proxy URL for `url`, or undefined to connect directly. */
  proxy(url: string): string | undefined;
  /** Every credential the settings hold (tokens, passwords, proxy user info), never to be shown. */
  readonly secrets: readonly string[];
}

/** A case-insensitive read of a conventional proxy variable (lower case first, as curl). */
function proxyEnv(env: NpmConfigHost['env'], name: string): string | undefined {
  return env[name.toLowerCase()] || env[name.toUpperCase()] || undefined;
}

/** npm's NO_PROXY match: the host ends with the entry's dot-separated labels (`*` matches all). */
export function bypassesProxy(url: string, noProxy: string | undefined): boolean {
  if (!noProxy) return false;
  const { hostname, port, protocol } = new URL(url);
  const host = hostname.toLowerCase().split('.').reverse();
  const effectivePort = port || (protocol === 'https:' ? '443' : '80');
  return noProxy
    .split(/[,\s]+/)
    .map((e) => e.trim().toLowerCase())
    .filter(Boolean)
    .some((entry) => {
      if (entry === '*') return true;
      const [, name = entry, entryPort] = /^(.*?)(?::(\d+))?$/.exec(entry) ?? [];
      if (entryPort !== undefined && entryPort !== effectivePort) return false;
      const labels = name.replace(/^\*/, '').split('.').filter(Boolean).reverse();
      return labels.length > 0 && labels.every((label, i) => host[i] === label);
    });
}

/**
 * The network settings of the download from npm's `config` and the process's `env`:
 *
 * - proxy: npm's `https-proxy`, else `proxy` (npm uses one for both schemes), else
 *   `HTTPS_PROXY` for https URLs and `HTTPS_PROXY`/`HTTP_PROXY`/`PROXY` for http ones (any case),
 *   bypassed for hosts npm's `noproxy` (else `NO_PROXY`) names; a proxy without a scheme is http;
 * - credentials: npm's `//host[:port]/path/:_authToken` (Bearer), `:_auth` (Basic) or
 *   `:username` + `:_password` (base64), the longest key whose nerf dart prefixes the URL's, so
 *   a redirect to another host gets none; a top-level `_authToken`/`_auth` counts as the
 *   registry's (what `npm config fix` makes of it). A value still holding an unexpanded
 *   `${VAR}` is not sent. Credentials never travel over plain http except to this machine.
 */
export function npmNet(config: NpmConfig, env: NpmConfigHost['env'], registry: string): NpmNet {
  const secrets = new Set<string>();
  const keep = (v: string | undefined): string | undefined => {
    if (v !== undefined && v !== '') secrets.add(v);
    return v;
  };
  const configured = config.get('https-proxy') ?? config.get('proxy');
  const noProxy = config.get('noproxy') ?? proxyEnv(env, 'no_proxy');
  const proxyFor = (url: string): string | undefined => {
    const https = new URL(url).protocol === 'https:';
    const chosen =
      configured ??
      (https
        ? proxyEnv(env, 'https_proxy')
        : (proxyEnv(env, 'https_proxy') ?? proxyEnv(env, 'http_proxy') ?? proxyEnv(env, 'proxy')));
    if (!chosen || bypassesProxy(url, noProxy)) return undefined;
    return /^[a-z][a-z0-9+.-]*:\/\//i.test(chosen) ? chosen : `http://${chosen}`;
  };
  // Every proxy's user info is a secret too.
  for (const p of [
    configured,
    ...['https_proxy', 'http_proxy', 'proxy'].map((n) => proxyEnv(env, n)),
  ]) {
    if (!p) continue;
    try {
      const u = new URL(/:\/\//.test(p) ? p : `http://${p}`);
      if (u.password) keep(decodeURIComponent(u.password));
      if (u.username && u.password) keep(`${u.username}:${u.password}`);
    } catch {
      // an unparseable proxy fails when used; it has no user info to hide
    }
  }

  const registryDart = nerfDart(registry.endsWith('/') ? registry : `${registry}/`);
  const credentialOf = (key: string): string | undefined => {
    const usable = (v: string | undefined) => (v && !/\$\{[^}]*\}/.test(v) ? v : undefined);
    const token = usable(keep(config.get(`${key}:_authToken`)));
    if (token) return `Bearer ${token}`;
    const auth = usable(keep(config.get(`${key}:_auth`)));
    if (auth) return `Basic ${auth}`;
    const user = usable(config.get(`${key}:username`));
    const password64 = usable(keep(config.get(`${key}:_password`)));
    if (user && password64) {
      const password = keep(Buffer.from(password64, 'base64').toString('utf8'));
      return `Basic ${keep(Buffer.from(`${user}:${password}`).toString('base64'))}`;
    }
    return undefined;
  };
  const legacyOf = (): string | undefined => {
    const token = keep(config.get('_authToken'));
    if (token && !/\$\{/.test(token)) return `Bearer ${token}`;
    const auth = keep(config.get('_auth'));
    return auth && !/\$\{/.test(auth) ? `Basic ${auth}` : undefined;
  };
  const authorization = (url: string): string | undefined => {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' && !isLoopback(parsed.hostname)) return undefined;
    // Walk up the URL's path (npm-registry-fetch's regFromURI) to the longest key with auth.
    for (let key = `//${parsed.host}${parsed.pathname}`; key.length > 2;) {
      const found = credentialOf(key);
      if (found) return found;
      key = key.replace(/([^/]+|\/)$/, '');
    }
    return nerfDart(url).startsWith(registryDart) ? legacyOf() : undefined;
  };
  // Every credential the settings hold, so messages are scrubbed even of ones never sent.
  for (const key of config.keys()) {
    if (/(^|:)(_authToken|_auth|_password)$/.test(key)) {
      const value = keep(config.get(key));
      if (value && key.endsWith('_password')) keep(Buffer.from(value, 'base64').toString('utf8'));
    }
  }
  return { authorization, proxy: proxyFor, secrets: [...secrets] };
}

/** `text` with every secret replaced by `***` (longest first, so a part never leaks). */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
  return [...secrets]
    .filter((s) => s.length >= 4)
    .sort((a, b) => b.length - a.length)
    .reduce((t, s) => t.split(s).join('***'), text);
}
