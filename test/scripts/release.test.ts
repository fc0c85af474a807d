/** scripts/release.mjs on a real temporary git repository with a bare remote. */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();

/** A repository at version `version` with dist/, a bare remote, and the release script. */
function repo(version: string): { dir: string; remote: string } {
  const base = mkdtempSync(join(tmpdir(), 'eg-release-'));
  dirs.push(base);
  const remote = join(base, 'remote.git');
  const dir = join(base, 'work');
  git(base, 'init', '--quiet', '--bare', remote);
  mkdirSync(join(dir, 'scripts'), { recursive: true });
  mkdirSync(join(dir, 'dist'));
  git(dir, 'init', '--quiet', '--initial-branch', 'main');
  git(dir, 'config', 'user.email', 'ci@example.com');
  git(dir, 'config', 'user.name', 'ci');
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ version }) + '\n');
  writeFileSync(join(dir, 'dist/cli.js'), 'built\n');
  copyFileSync(join(ROOT, 'scripts/release.mjs'), join(dir, 'scripts/release.mjs'));
  git(dir, 'add', '-A');
  git(dir, 'commit', '--quiet', '-m', 'init');
  git(dir, 'remote', 'add', 'origin', remote);
  return { dir, remote };
}

function release(dir: string, args: string[], build = 'true') {
  return spawnSync('node', ['scripts/release.mjs', ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, EMBEDDING_GATE_RELEASE_BUILD: build },
  });
}

describe('npm run release', () => {
  it('tags vX.Y.Z, moves vX to it, and pushes both with --push', () => {
    const { dir, remote } = repo('1.4.2');
    const r = release(dir, ['1.4.2', '--push']);
    expect(r.stderr).not.toMatch(/release:|Error/);
    expect(r.status).toBe(0);
    const head = git(dir, 'rev-parse', 'HEAD');
    expect(git(dir, 'rev-parse', 'v1.4.2^{}')).toBe(head);
    expect(git(dir, 'rev-parse', 'v1')).toBe(head);
    expect(git(dir, 'cat-file', '-t', 'v1.4.2')).toBe('tag');
    expect(git(remote, 'rev-parse', 'v1')).toBe(head);
    expect(git(remote, 'rev-parse', 'v1.4.2^{}')).toBe(head);
  });

  it('moves vX forward on the next release, and never for a prerelease', () => {
    const { dir } = repo('1.0.0');
    expect(release(dir, ['1.0.0']).status).toBe(0);
    const first = git(dir, 'rev-parse', 'v1');
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ version: '1.1.0-rc.1' }) + '\n');
    git(dir, 'commit', '--quiet', '-am', 'rc');
    const rc = release(dir, ['1.1.0-rc.1']);
    expect(rc.status).toBe(0);
    expect(rc.stdout).toMatch(/^tagged v1\.1\.0-rc\.1 at /);
    expect(git(dir, 'rev-parse', 'v1')).toBe(first);
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ version: '1.1.0' }) + '\n');
    git(dir, 'commit', '--quiet', '-am', '1.1.0');
    expect(release(dir, ['1.1.0']).status).toBe(0);
    expect(git(dir, 'rev-parse', 'v1')).toBe(git(dir, 'rev-parse', 'HEAD'));
    expect(release(dir, ['1.1.0']).stdout).toBe('');
  });

  it.each([
    ['a version that is no semver', (d: string) => release(d, ['1.2']), /is not a version X\.Y\.Z/],
    [
      'a package.json version that differs',
      (d: string) => release(d, ['2.0.0']),
      /package\.json says version 1\.0\.0, not 2\.0\.0/,
    ],
    [
      'uncommitted changes',
      (d: string) => (writeFileSync(join(d, 'stray.txt'), 'x'), release(d, ['1.0.0'])),
      /uncommitted changes/,
    ],
    [
      'a stale dist/',
      (d: string) => release(d, ['1.0.0'], 'echo rebuilt > dist/cli.js'),
      /dist\/ is stale/,
    ],
    ['a failing build', (d: string) => release(d, ['1.0.0'], 'false'), /`false` failed/],
    [
      'a tag that exists',
      (d: string) => (release(d, ['1.0.0']), release(d, ['1.0.0'])),
      /tag v1\.0\.0 exists already/,
    ],
  ])('refuses %s (exit 2), tagging nothing new', (_what, run, message) => {
    const { dir } = repo('1.0.0');
    const r = run(dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});
