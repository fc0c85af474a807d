import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commentMarker, upsertStickyComment } from '../../src/github/comments.js';
import { octokitCommentsApi } from '../../src/github/octokit.js';
import { GitHubApiServer } from './api-server.js';

const PR = { owner: 'shop', repo: 'embeddings', number: 7 };
const KEY = 'shop/embeddings#7';
const MARKER = commentMarker('PR check', 'gate');

describe('the sticky comment against a local REST server', () => {
  let server: GitHubApiServer;
  beforeEach(async () => {
    server = new GitHubApiServer();
    await server.start();
  });
  afterEach(() => server.close());

  it('creates the comment, then updates the same one in place', async () => {
    const api = octokitCommentsApi('t0ken', server.url, PR);
    const first = await upsertStickyComment(api, MARKER, `${MARKER}\n## ❌ blocked`);
    expect(first).toMatchObject({ action: 'created', pagesRead: 1 });
    const second = await upsertStickyComment(api, MARKER, `${MARKER}\n## ✅ pass`);
    expect(second).toMatchObject({
      action: 'updated',
      id: first.action === 'created' ? first.id : -1,
    });
    expect(server.list(KEY).map((c) => c.body)).toEqual([`${MARKER}\n## ✅ pass`]);
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /repos/shop/embeddings/issues/7/comments',
      'POST /repos/shop/embeddings/issues/7/comments',
      'GET /repos/shop/embeddings/issues/7/comments',
      'PATCH /repos/shop/embeddings/issues/comments/1000',
    ]);
    expect(server.requests[0]).toMatchObject({
      query: { per_page: '100' },
      authorization: 'token t0ken',
    });
  });

  it('follows the Link header across pages to find its comment', async () => {
    server.seed(KEY, 230);
    const mine = server.list(KEY)[215]!;
    mine.body = `${MARKER}\nold report`;
    const r = await upsertStickyComment(
      octokitCommentsApi('t', server.url, PR),
      MARKER,
      `${MARKER}\nnew report`,
    );
    expect(r).toMatchObject({ action: 'updated', id: mine.id, pagesRead: 3 });
    expect(
      server.requests.filter((q) => q.method === 'GET').map((q) => q.query.page ?? '1'),
    ).toEqual(['1', '2', '3']);
    expect(server.list(KEY)).toHaveLength(230);
  });

  it('reads every page before creating, and leaves comments of other jobs and quotes alone', async () => {
    server.seed(KEY, 150, (i) =>
      i === 3
        ? `> ${MARKER}\nquoted`
        : i === 4
          ? `${commentMarker('PR check', 'other-job')}\nx`
          : `c${i}`,
    );
    const r = await upsertStickyComment(
      octokitCommentsApi('t', server.url, PR),
      MARKER,
      `${MARKER}\nreport`,
    );
    expect(r).toMatchObject({ action: 'created', pagesRead: 2 });
    expect(server.list(KEY)).toHaveLength(151);
    expect(server.list(KEY)[3]!.body).toBe(`> ${MARKER}\nquoted`);
  });

  it('skips with the reason on 403 (read-only token)', async () => {
    server.readOnlyTokens.add('fork-token');
    const r = await upsertStickyComment(
      octokitCommentsApi('fork-token', server.url, PR),
      MARKER,
      `${MARKER}\nx`,
    );
    expect(r).toMatchObject({ action: 'skipped', status: 403 });
    expect(r.action === 'skipped' && r.reason).toMatch(/pull-requests: write/);
    expect(server.list(KEY)).toEqual([]);
  });

  it('throws other failures (422: body too long) for the caller to log', async () => {
    const huge = `${MARKER}\n${'x'.repeat(70_000)}`;
    await expect(
      upsertStickyComment(octokitCommentsApi('t', server.url, PR), MARKER, huge),
    ).rejects.toMatchObject({
      status: 422,
    });
  });

  it('refuses a body that does not start with its marker', async () => {
    await expect(
      upsertStickyComment(octokitCommentsApi('t', server.url, PR), MARKER, 'no marker'),
    ).rejects.toThrow(/marker/);
    expect(server.requests).toEqual([]);
  });
});

describe('commentMarker', () => {
  it('names workflow and job, and cannot close the HTML comment early', () => {
    expect(commentMarker('PR check', 'gate')).toBe('<!-- embedding-gate:PR check/gate -->');
    expect(commentMarker('a-->b', 'j', 'products <v2>')).toBe(
      '<!-- embedding-gate:a-_b/j:products _v2_ -->',
    );
  });
});
