#!/usr/bin/env node
// Tags a release of the Action: `npm run release -- X.Y.Z [--push] [--remote origin]`.
//
// Refuses unless the working tree is clean, package.json says X.Y.Z, the tag does not exist
// yet and dist/ is what the sources build (the build runs and must change nothing). Then it
// creates the annotated tag vX.Y.Z and moves the major tag vX to the same commit (stable
// versions only: a prerelease never moves vX), which is how users of `@v1` get the release.
// Nothing is pushed without --push. Exit 0 done, 2 refused (the reason on stderr).
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z.-]+))?$/;

function refuse(message) {
  process.stderr.write(`release: ${message}\n`);
  process.exit(2);
}

function git(args, options = {}) {
  // stdio 'inherit' (the pushes) returns null: git's own progress goes to the terminal.
  return (execFileSync('git', args, { encoding: 'utf8', ...options }) ?? '').trim();
}

const args = process.argv.slice(2);
const version = args.find((a) => !a.startsWith('--'));
const push = args.includes('--push');
const remoteAt = args.indexOf('--remote');
const remote = remoteAt >= 0 ? args[remoteAt + 1] : 'origin';
if (!version) refuse('usage: npm run release -- X.Y.Z [--push] [--remote origin]');
const match = SEMVER.exec(version);
if (!match) refuse(`"${version}" is not a version X.Y.Z (semver, optionally -prerelease)`);
const [, major, , , prerelease] = match;

const root = git(['rev-parse', '--show-toplevel']);
const status = git(['status', '--porcelain'], { cwd: root });
if (status)
  refuse(`the working tree has uncommitted changes; commit or stash them first:\n${status}`);
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
if (pkg.version !== version)
  refuse(
    `package.json says version ${pkg.version}, not ${version}; run \`npm version ${version} --no-git-tag-version\`, commit, and try again`,
  );
const tag = `v${version}`;
if (git(['tag', '--list', tag], { cwd: root }))
  refuse(`tag ${tag} exists already; versions are immutable`);

// dist/ must be exactly what the sources build: users run dist/ straight from the tag.
const build = process.env.EMBEDDING_GATE_RELEASE_BUILD ?? 'npm run build';
const built = spawnSync(build, { cwd: root, shell: true, stdio: ['ignore', 'ignore', 'inherit'] });
if (built.status !== 0) refuse(`\`${build}\` failed`);
const stale = git(['status', '--porcelain', '--untracked-files=all', 'dist'], { cwd: root });
if (stale)
  refuse(`dist/ is stale (the build changed it); commit the rebuilt dist/ first:\n${stale}`);

git(['tag', '--annotate', tag, '--message', `embedding-gate ${tag}`], { cwd: root });
const moved = [tag];
if (!prerelease) {
  git(['tag', '--force', `v${major}`, `${tag}^{}`], { cwd: root });
  moved.push(`v${major}`);
}
process.stdout.write(
  `tagged ${moved.join(' and ')} at ${git(['rev-parse', '--short', 'HEAD'], { cwd: root })}\n`,
);
if (push) {
  git(['push', remote, `refs/tags/${tag}`], { cwd: root, stdio: 'inherit' });
  if (!prerelease)
    git(['push', '--force', remote, `refs/tags/v${major}`], { cwd: root, stdio: 'inherit' });
} else {
  const majorPush = prerelease ? '' : ` && git push --force ${remote} v${major}`;
  process.stdout.write(`push with: git push ${remote} ${tag}${majorPush}\n`);
}
