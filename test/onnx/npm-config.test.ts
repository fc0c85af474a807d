/**
 * npm's settings as the runtime download reads them (src/onnx/npm-config.ts), on real
 * `.npmrc` files in a temporary folder: precedence, `${VAR}` expansion, credentials scoped by
 * nerf dart, npm's proxy and noproxy rules, and secrets scrubbed from any text.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  bypassesProxy,
  expandEnv,
  loadNpmConfig,
  nerfDart,
  npmNet,
  scrubSecrets,
} from '../../src/onnx/npm-config.js';
import { RuntimeUnavailableError } from '../../src/onnx/runtime-error.js';
import { registryOf } from '../../src/onnx/runtime-resolve.js';

const work = mkdtempSync(join(tmpdir(), 'eg-npmrc-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function file(path: string, text: string): string {
  const full = join(work, path);
  mkdirSync(join(full, '..'), { recursive: true });
  writeFileSync(full, text);
  return full;
}

describe('${VAR} expansion, as npm', () => {
  it('expands set variables, keeps unset ones, empties optional ones, honours escapes', () => {
    const env = { TOKEN: 'abc', EMPTY: '' };
    expect(expandEnv('${TOKEN}', env)).toBe('abc');
    expect(expandEnv('x-${TOKEN}-y', env)).toBe('x-abc-y');
    expect(expandEnv('${MISSING}', env)).toBe('${MISSING}');
    expect(expandEnv('${MISSING?}', env)).toBe('');
    expect(expandEnv('${EMPTY}', env)).toBe('');
    expect(expandEnv('\\${TOKEN}', env)).toBe('${TOKEN}');
    expect(expandEnv('\\\\${TOKEN}', env)).toBe('\\abc');
  });
});

describe('where the settings come from', () => {
  const home = join(work, 'home');
  file('home/.npmrc', 'registry=https://user.example/\nproxy=http://user-proxy:1\n');
  const project = join(work, 'project');
  file('project/package.json', '{}');
  file('project/.npmrc', 'registry=https://project.example/\n');
  mkdirSync(join(project, 'sub/dir'), { recursive: true });
  const prefix = join(work, 'prefix');
  file('prefix/etc/npmrc', 'registry=https://global.example/\nnoproxy=global.example\n');
  const execPath = join(prefix, 'bin', 'node');
  const base = { homedir: home, platform: 'linux', execPath };

  it('env over project over user over global', () => {
    const all = loadNpmConfig({ ...base, env: {}, cwd: join(project, 'sub/dir') });
    expect(all.get('registry')).toBe('https://project.example/');
    expect(all.get('proxy')).toBe('http://user-proxy:1');
    expect(all.get('noproxy')).toBe('global.example');
    expect(all.files).toEqual([
      join(project, '.npmrc'),
      join(home, '.npmrc'),
      join(prefix, 'etc/npmrc'),
    ]);
    const env = loadNpmConfig({ ...base, env: { NPM_CONFIG_REGISTRY: 'https://env.example/' } });
    expect(env.get('registry')).toBe('https://env.example/');
    const lower = loadNpmConfig({ ...base, env: { npm_config_https_proxy: 'http://p:2' } });
    expect(lower.get('https-proxy')).toBe('http://p:2');
    expect(loadNpmConfig({ ...base, env: {} }).get('registry')).toBe('https://user.example/');
    expect(registryOf({}, loadNpmConfig({ ...base, env: {} }))).toBe('https://user.example/');
    expect(
      registryOf(
        { EMBEDDING_GATE_NPM_REGISTRY: 'https://gate.example/' },
        loadNpmConfig({ ...base, env: {} }),
      ),
    ).toBe('https://gate.example/');
  });

  it('the user config named by NPM_CONFIG_USERCONFIG (as actions/setup-node sets it), with ${VAR}', () => {
    const rc = file(
      'runner-temp/.npmrc',
      '//npm.pkg.example/:_authToken=${NODE_AUTH_TOKEN}\nregistry=https://npm.pkg.example/\nalways-auth=true\n',
    );
    const c = loadNpmConfig({
      ...base,
      env: { NPM_CONFIG_USERCONFIG: rc, NODE_AUTH_TOKEN: 'ghp_secret' },
    });
    expect(c.get('registry')).toBe('https://npm.pkg.example/');
    expect(c.get('//npm.pkg.example/:_authToken')).toBe('ghp_secret');
    expect(c.get('always-auth')).toBe('true');
  });

  it('ini syntax: comments, quotes, arrays; sections are ignored', () => {
    const rc = file(
      'ini/.npmrc',
      '; comment\n# comment\nnoproxy[]=a.example\nnoproxy[]=b.example\n"https-proxy"="http://q:3"\n[section]\nregistry=https://nope.example/\n',
    );
    const c = loadNpmConfig({
      homedir: home,
      platform: 'linux',
      env: { npm_config_userconfig: rc },
    });
    expect(c.get('noproxy')).toBe('a.example,b.example');
    expect(c.get('https-proxy')).toBe('http://q:3');
    expect(c.get('registry')).toBeUndefined();
  });

  it('a .npmrc that cannot be read is an error naming it; a missing one is skipped', () => {
    const dir = join(work, 'a-dir.npmrc');
    mkdirSync(dir, { recursive: true });
    expect(() =>
      loadNpmConfig({ homedir: home, platform: 'linux', env: { npm_config_userconfig: dir } }),
    ).toThrow(RuntimeUnavailableError);
    expect(
      loadNpmConfig({
        homedir: home,
        platform: 'linux',
        env: { npm_config_userconfig: join(work, 'none') },
      }).files,
    ).toEqual([]);
  });
});

describe('credentials', () => {
  const config = (entries: Record<string, string>) => ({
    get: (k: string) => entries[k],
    keys: () => Object.keys(entries),
    files: [],
  });

  it('go only to URLs under the key they are scoped to (npm’s nerf dart, walked up the path)', () => {
    expect(nerfDart('https://r.example:8443/npm/pkg/-/pkg-1.tgz')).toBe(
      '//r.example:8443/npm/pkg/-/',
    );
    const net = npmNet(
      config({
        '//r.example/npm/:_authToken': 'tok-123',
        '//basic.example/:_auth': 'dXNlcjpwdw==',
        '//up.example/:username': 'me',
        '//up.example/:_password': Buffer.from('pa55').toString('base64'),
      }),
      {},
      'https://r.example/npm/',
    );
    expect(net.authorization('https://r.example/npm/onnxruntime-node/-/x.tgz')).toBe(
      'Bearer tok-123',
    );
    expect(net.authorization('https://r.example/other/x.tgz')).toBeUndefined();
    expect(net.authorization('https://cdn.example/npm/x.tgz')).toBeUndefined();
    expect(net.authorization('https://r.example:444/npm/x.tgz')).toBeUndefined();
    expect(net.authorization('https://basic.example/x.tgz')).toBe('Basic dXNlcjpwdw==');
    expect(net.authorization('https://up.example/x.tgz')).toBe(
      `Basic ${Buffer.from('me:pa55').toString('base64')}`,
    );
    expect(net.secrets).toEqual(
      expect.arrayContaining([
        'tok-123',
        'dXNlcjpwdw==',
        'pa55',
        Buffer.from('pa55').toString('base64'),
      ]),
    );
  });

  it('never over plain http except to this machine; never an unexpanded ${VAR}', () => {
    const net = npmNet(
      config({
        '//r.example/:_authToken': 'tok',
        '//127.0.0.1:4873/:_authToken': 'local',
        '//unset.example/:_authToken': '${NODE_AUTH_TOKEN}',
      }),
      {},
      'http://r.example/',
    );
    expect(net.authorization('http://r.example/x.tgz')).toBeUndefined();
    expect(net.authorization('https://r.example/x.tgz')).toBe('Bearer tok');
    expect(net.authorization('http://127.0.0.1:4873/x.tgz')).toBe('Bearer local');
    expect(net.authorization('https://unset.example/x.tgz')).toBeUndefined();
  });

  it('a top-level _authToken is the registry’s only', () => {
    const net = npmNet(config({ _authToken: 'legacy' }), {}, 'https://r.example/npm');
    expect(net.authorization('https://r.example/npm/x/-/x.tgz')).toBe('Bearer legacy');
    expect(net.authorization('https://elsewhere.example/npm/x.tgz')).toBeUndefined();
  });

  it('are scrubbed from text, longest first', () => {
    expect(scrubSecrets('token tok-123 and tok-1234', ['tok-123', 'tok-1234'])).toBe(
      'token *** and ***',
    );
  });
});

describe('proxies', () => {
  const none = { get: () => undefined, keys: () => [], files: [] };

  it('npm’s https-proxy, else proxy, for both schemes', () => {
    const c = {
      get: (k: string) => ({ 'https-proxy': 'http://hp:1', proxy: 'http://p:2' })[k],
      keys: () => ['https-proxy', 'proxy'],
      files: [],
    };
    const net = npmNet(c, { HTTPS_PROXY: 'http://env:3' }, 'https://r.example/');
    expect(net.proxy('https://r.example/x')).toBe('http://hp:1');
    expect(net.proxy('http://r.example/x')).toBe('http://hp:1');
  });

  it('else the environment in either case: https → HTTPS_PROXY; http → HTTPS_PROXY, HTTP_PROXY', () => {
    expect(npmNet(none, { https_proxy: 'http://a:1' }, 'https://r/').proxy('https://r/x')).toBe(
      'http://a:1',
    );
    expect(npmNet(none, { HTTP_PROXY: 'http://b:1' }, 'https://r/').proxy('https://r/x')).toBe(
      undefined,
    );
    expect(npmNet(none, { HTTP_PROXY: 'b:1' }, 'http://r/').proxy('http://r/x')).toBe('http://b:1');
  });

  it('bypassed for NO_PROXY / noproxy hosts (suffix by labels, ports, *)', () => {
    expect(bypassesProxy('https://registry.corp.example/x', 'corp.example')).toBe(true);
    expect(bypassesProxy('https://registry.corp.example/x', '.corp.example')).toBe(true);
    expect(bypassesProxy('https://registry.corp.example/x', '*.corp.example')).toBe(true);
    expect(bypassesProxy('https://notcorp.example/x', 'corp.example')).toBe(false);
    expect(bypassesProxy('http://127.0.0.1:8080/x', 'localhost, 127.0.0.1:8080')).toBe(true);
    expect(bypassesProxy('http://127.0.0.1:8081/x', '127.0.0.1:8080')).toBe(false);
    expect(bypassesProxy('https://any.example/x', '*')).toBe(true);
    const net = npmNet(
      none,
      { HTTPS_PROXY: 'http://p:1', no_proxy: 'r.example' },
      'https://r.example/',
    );
    expect(net.proxy('https://r.example/x')).toBeUndefined();
    expect(net.proxy('https://s.example/x')).toBe('http://p:1');
  });

  it('a proxy’s password is a secret', () => {
    const net = npmNet(none, { HTTPS_PROXY: 'http://me:pr0xy%21@p:1' }, 'https://r/');
    expect(net.secrets).toContain('pr0xy!');
  });
});
