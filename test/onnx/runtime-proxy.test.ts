/**
 * The download on a runner configured for npm: a registry named by an `.npmrc`
 * (NPM_CONFIG_USERCONFIG, as actions/setup-node writes it) with its token, and a forward proxy
 * from the environment or the `.npmrc` — all real servers on 127.0.0.1 started here: a registry
 * serving a small stand-in tarball (its integrity mismatch, the last check, proves every byte
 * arrived), a second host a redirect points to, and a proxy handling absolute-URI GETs and
 * CONNECT. Nothing is cached (the integrity check refuses the stand-in).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import {
  createServer,
  request as httpRequest,
  type IncomingHttpHeaders,
  type Server,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { connect, type AddressInfo, type Server as NetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { RuntimeUnavailableError } from '../../src/onnx/runtime-error.js';
import type { RuntimeHost } from '../../src/onnx/runtime-download.js';
import { ORT_PIN } from '../../src/onnx/runtime-pin.js';
import { resolveRuntime, type ResolveDeps } from '../../src/onnx/runtime-resolve.js';

const TGZ = `/${ORT_PIN.name}/-/${ORT_PIN.name}-${ORT_PIN.version}.tgz`;
const TOKEN = 'npm_s3cr3tT0ken';
const PROXY_PASSWORD = 'pr0xyP4ss';

const work = mkdtempSync(join(tmpdir(), 'eg-ort-proxy-'));
/** What each server saw: method and URL, and the headers that matter. */
interface Seen {
  readonly line: string;
  readonly authorization?: string;
  readonly proxyAuthorization?: string;
  readonly viaProxy: boolean;
}
let registrySeen: Seen[] = [];
let otherSeen: Seen[] = [];
let proxySeen: Seen[] = [];
let registry: Server;
let other: Server;
let proxy: Server;
let tlsServer: NetServer | undefined;
let reg = '';
let otherBase = '';
let proxyUrl = '';
let tlsBase = '';

const listen = async (s: NetServer): Promise<string> => {
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  return `127.0.0.1:${(s.address() as AddressInfo).port}`;
};
const seen = (line: string, h: IncomingHttpHeaders): Seen => ({
  line,
  ...(h.authorization && { authorization: h.authorization }),
  ...(h['proxy-authorization'] && { proxyAuthorization: h['proxy-authorization'] }),
  viaProxy: h['x-test-proxy'] === '1',
});

beforeAll(async () => {
  registry = createServer((req, res) => {
    registrySeen.push(seen(`${req.method} ${req.url}`, req.headers));
    if (req.url === `/npm${TGZ}`) res.writeHead(200).end(Buffer.from('not the real tarball'));
    else if (req.url === `/redirect${TGZ}`)
      res.writeHead(302, { location: `http://${otherBase}/files${TGZ}` }).end();
    else res.writeHead(404).end();
  });
  other = createServer((req, res) => {
    otherSeen.push(seen(`${req.method} ${req.url}`, req.headers));
    res.writeHead(200).end(Buffer.from('not the real tarball either'));
  });
  // A forward proxy: absolute-URI requests are forwarded, CONNECT is tunnelled. With a
  // Proxy-Authorization other than me's, it answers 407.
  proxy = createServer((req, res) => {
    proxySeen.push(seen(`${req.method} ${req.url}`, req.headers));
    const auth = req.headers['proxy-authorization'];
    if (
      auth !== undefined &&
      auth !== `Basic ${Buffer.from(`me:${PROXY_PASSWORD}`).toString('base64')}`
    )
      return void res.writeHead(407).end();
    const target = new URL(req.url ?? '');
    const headers = { ...req.headers, 'x-test-proxy': '1' };
    delete headers['proxy-authorization'];
    const upstream = httpRequest(
      target,
      { method: req.method, headers },
      (up) => void (res.writeHead(up.statusCode ?? 502, up.headers), up.pipe(res)),
    );
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  proxy.on('connect', (req, socket, head) => {
    proxySeen.push(seen(`CONNECT ${req.url}`, req.headers));
    const [host, port] = (req.url ?? '').split(':');
    const up = connect(Number(port), host ?? '', () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      up.write(head);
      up.pipe(socket);
      socket.pipe(up);
    });
    up.on('error', () => socket.destroy());
    socket.on('error', () => up.destroy());
  });
  reg = await listen(registry);
  otherBase = await listen(other);
  proxyUrl = `http://${await listen(proxy)}`;
  // An https registry with a self-signed certificate: CONNECT reaches it, TLS refuses it.
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
      ].concat(['-keyout', join(work, 'key.pem'), '-out', join(work, 'cert.pem')]),
      { stdio: 'ignore' },
    );
    tlsServer = createHttpsServer(
      { key: readFileSync(join(work, 'key.pem')), cert: readFileSync(join(work, 'cert.pem')) },
      (_req, res) => res.writeHead(200).end('x'),
    );
    tlsBase = await listen(tlsServer);
  } catch {
    tlsServer = undefined;
  }
});
afterAll(async () => {
  for (const s of [registry, other, proxy, tlsServer]) if (s) await new Promise((r) => s.close(r));
  rmSync(work, { recursive: true, force: true });
});
beforeEach(() => {
  registrySeen = [];
  otherSeen = [];
  proxySeen = [];
});

let n = 0;
/** Runs the resolution on a host with `env` (and a fresh cache), returning all it said. */
async function resolveWith(env: Record<string, string>, npmrc?: string) {
  n++;
  const home = join(work, `home-${n}`);
  const full: Record<string, string> = { XDG_CACHE_HOME: join(work, `cache-${n}`), ...env };
  if (npmrc !== undefined) {
    const rc = join(work, `npmrc-${n}`);
    writeFileSync(rc, npmrc);
    full['NPM_CONFIG_USERCONFIG'] = rc;
  }
  const host: RuntimeHost = { platform: 'linux', arch: 'x64', env: full, homedir: home };
  const notices: string[] = [];
  const deps: ResolveDeps = {
    host,
    notice: (l) => notices.push(l),
    threads: 1,
    installedPackage: () => undefined,
    findWasm: async () => undefined,
  };
  const error = await resolveRuntime(deps).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RuntimeUnavailableError);
  return {
    message: (error as Error).message,
    notices,
    said: [(error as Error).message, ...notices].join('\n'),
  };
}

describe('the registry and its token from npm’s user config', () => {
  it('reads registry and _authToken (${VAR}) from NPM_CONFIG_USERCONFIG; the token reaches the registry', async () => {
    const r = await resolveWith(
      { NODE_AUTH_TOKEN: TOKEN },
      `registry=http://${reg}/npm/\n//${reg}/npm/:_authToken=\${NODE_AUTH_TOKEN}\n`,
    );
    // The whole stand-in arrived: only its integrity is wrong.
    expect(r.message).toMatch(new RegExp(`^integrity mismatch for http://${reg}/npm${TGZ}:`));
    expect(r.notices[0]).toContain(`from http://${reg}/npm${TGZ} into`);
    expect(registrySeen).toEqual([
      { line: `GET /npm${TGZ}`, authorization: `Bearer ${TOKEN}`, viaProxy: false },
    ]);
    expect(r.said).not.toContain(TOKEN);
  });

  it('a redirect to another host drops the token', async () => {
    const r = await resolveWith(
      { NODE_AUTH_TOKEN: TOKEN },
      `registry=http://${reg}/redirect/\n//${reg}/:_authToken=\${NODE_AUTH_TOKEN}\n`,
    );
    expect(r.message).toMatch(/^integrity mismatch/);
    expect(registrySeen).toEqual([
      { line: `GET /redirect${TGZ}`, authorization: `Bearer ${TOKEN}`, viaProxy: false },
    ]);
    expect(otherSeen).toEqual([{ line: `GET /files${TGZ}`, viaProxy: false }]);
  });

  it('a token for another host is not sent to this registry', async () => {
    await resolveWith({}, `registry=http://${reg}/npm/\n//${otherBase}/:_authToken=${TOKEN}\n`);
    expect(registrySeen).toEqual([{ line: `GET /npm${TGZ}`, viaProxy: false }]);
  });
});

describe('proxies', () => {
  it.each([
    ['HTTP_PROXY', (p: string) => ({ env: { HTTP_PROXY: p } })],
    ['https_proxy (npm sends http through it too)', (p: string) => ({ env: { https_proxy: p } })],
    ['npmrc proxy', (p: string) => ({ env: {}, npmrc: `proxy=${p}\n` })],
    ['npm_config_https_proxy', (p: string) => ({ env: { npm_config_https_proxy: p } })],
  ])('%s: the download goes through the proxy (an absolute-URI GET)', async (_, setting) => {
    const { env, npmrc } = setting(proxyUrl) as { env: Record<string, string>; npmrc?: string };
    const r = await resolveWith(
      { ...env, NODE_AUTH_TOKEN: TOKEN },
      `registry=http://${reg}/npm/\n//${reg}/npm/:_authToken=\${NODE_AUTH_TOKEN}\n${npmrc ?? ''}`,
    );
    expect(r.message).toMatch(/^integrity mismatch/);
    expect(r.notices[0]).toContain(`through proxy ${proxyUrl} into`);
    expect(proxySeen.map((s) => s.line)).toEqual([`GET http://${reg}/npm${TGZ}`]);
    expect(registrySeen).toEqual([
      { line: `GET /npm${TGZ}`, authorization: `Bearer ${TOKEN}`, viaProxy: true },
    ]);
  });

  it.each([
    ['NO_PROXY', () => ({ NO_PROXY: '127.0.0.1' }), ''],
    ['no_proxy with the port', () => ({ no_proxy: `localhost,${reg}` }), ''],
    ['npmrc noproxy', () => ({}), 'noproxy=127.0.0.1\n'],
  ])('%s: the registry host bypasses the proxy', async (_, envOf, npmrc) => {
    const env: Record<string, string> = envOf();
    const r = await resolveWith(
      { HTTP_PROXY: proxyUrl, ...env },
      `registry=http://${reg}/npm/\n${npmrc}`,
    );
    expect(r.message).toMatch(/^integrity mismatch/);
    expect(r.notices[0]).not.toContain('through proxy');
    expect(proxySeen).toEqual([]);
    expect(registrySeen).toEqual([{ line: `GET /npm${TGZ}`, viaProxy: false }]);
  });

  it('https goes through CONNECT, and the registry’s certificate is still verified', async (ctx) => {
    if (!tlsServer) ctx.skip();
    const r = await resolveWith({ HTTPS_PROXY: proxyUrl }, `registry=https://${tlsBase}/npm/\n`);
    expect(proxySeen.map((s) => s.line)).toEqual([`CONNECT ${tlsBase}`]);
    expect(r.message).toMatch(
      new RegExp(
        `^cannot download onnxruntime from https://${tlsBase}/npm${TGZ} through proxy ${proxyUrl}: .*certificate`,
      ),
    );
  });

  it('proxy credentials go to the proxy and appear in no message', async () => {
    const withUser = proxyUrl.replace('http://', `http://me:${PROXY_PASSWORD}@`);
    const r = await resolveWith({ HTTP_PROXY: withUser }, `registry=http://${reg}/npm/\n`);
    expect(r.message).toMatch(/^integrity mismatch/);
    expect(proxySeen[0]?.proxyAuthorization).toBe(
      `Basic ${Buffer.from(`me:${PROXY_PASSWORD}`).toString('base64')}`,
    );
    expect(r.notices[0]).toContain(`through proxy ${proxyUrl} into`);
    expect(r.said).not.toContain(PROXY_PASSWORD);
    expect(r.said).not.toContain('me:');
  });

  it('a proxy that refuses the credentials: one message naming it, no credential, no stack', async () => {
    const wrong = proxyUrl.replace('http://', `http://wrong:${PROXY_PASSWORD}@`);
    const r = await resolveWith(
      { HTTP_PROXY: wrong, NODE_AUTH_TOKEN: TOKEN },
      `registry=http://${reg}/npm/\n//${reg}/:_authToken=\${NODE_AUTH_TOKEN}\n`,
    );
    expect(r.message).toMatch(
      new RegExp(
        `^cannot download onnxruntime from http://${reg}/npm${TGZ} through proxy ${proxyUrl}: .*407.*; set EMBEDDING_GATE_ONNXRUNTIME_DIR`,
      ),
    );
    expect(registrySeen).toEqual([]);
    expect(r.said).not.toMatch(new RegExp(`${PROXY_PASSWORD}|${TOKEN}|wrong|\\n\\s+at `));
  });

  describe('settings that make no sense', () => {
    it.each([
      [
        'a registry that is not a URL',
        {},
        'registry=not a url\n',
        /^the npm registry setting \(an unparseable URL\) is not an http\(s\) URL; and onnxruntime-web/,
      ],
      [
        'a proxy that is not a URL',
        { HTTP_PROXY: 'http://[oops' },
        `registry=http://${'$'}{REG}/npm/\n`,
        /^cannot download onnxruntime from http:\/\/127\.0\.0\.1:\d+\/npm\/.* through proxy .*: .+; set EMBEDDING_GATE_ONNXRUNTIME_DIR/,
      ],
    ])('%s: one message, no stack', async (_, env: Record<string, string>, npmrc, message) => {
      const r = await resolveWith({ ...env, REG: reg }, npmrc);
      expect(r.message).toMatch(message);
      expect(r.message).not.toMatch(/\n\s+at /);
    });
  });
});
