/**
 * The sticky pull-request comment: one comment per workflow and job, found again by a
 * hidden marker on its first line and edited in place, so a pull request carries one
 * current report instead of one per push. Talks to GitHub through {@link CommentsApi}; the
 * octokit implementation is in octokit.ts.
 */

/** An issue comment, as much of it as we read. */
export interface IssueComment {
  readonly id: number;
  readonly body?: string | null;
}

/** The REST endpoints the sticky comment uses, for one pull request. */
export interface CommentsApi {
  /** Pages of the pull request's comments, oldest first (GET …/issues/{n}/comments). */
  pages(): AsyncIterable<readonly IssueComment[]>;
  /** POST …/issues/{n}/comments */
  create(body: string): Promise<IssueComment>;
  /** PATCH …/issues/comments/{id} */
  update(id: number, body: string): Promise<IssueComment>;
}

/** Comments per page requested; GitHub's maximum, so few requests. */
export const COMMENTS_PER_PAGE = 100;
/** Pages read at most (10,000 comments): a bound on the loop, whatever the server says. */
export const MAX_COMMENT_PAGES = 100;

/**
 * The hidden marker, `<!-- embedding-gate:workflow/job -->`, with `:key` appended when a job
 * runs the gate more than once. Characters that could end the HTML comment are replaced.
 */
export function commentMarker(workflow: string, job: string, key?: string): string {
  const safe = (s: string) => s.replace(/[^A-Za-z0-9 _./()@+#-]/g, '_').replace(/-{2,}/g, '-');
  return `<!-- embedding-gate:${safe(workflow)}/${safe(job)}${key ? `:${safe(key)}` : ''} -->`;
}

export type StickyResult =
  | { readonly action: 'created' | 'updated'; readonly id: number; readonly pagesRead: number }
  | { readonly action: 'skipped'; readonly reason: string; readonly status?: number };

/** HTTP status of an octokit RequestError (or anything with a numeric `status`). */
function statusOf(err: unknown): number | undefined {
  const status = (err as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}

/**
 * Creates the comment, or updates the first one whose body starts with `marker` (also when
 * the new report passes: the old failing report must not stay visible). `body` must start
 * with the marker. A 403 (a read-only token: fork pull requests, missing
 * `pull-requests: write`) gives `skipped`; any other failure is thrown.
 */
export async function upsertStickyComment(
  api: CommentsApi,
  marker: string,
  body: string,
): Promise<StickyResult> {
  if (!body.startsWith(marker)) throw new Error('the comment body must start with its marker');
  try {
    let pagesRead = 0;
    let found: IssueComment | undefined;
    for await (const page of api.pages()) {
      pagesRead++;
      found = page.find((c) => typeof c.body === 'string' && c.body.startsWith(marker));
      if (found || pagesRead >= MAX_COMMENT_PAGES) break;
    }
    if (found) {
      const updated = await api.update(found.id, body);
      return { action: 'updated', id: updated.id, pagesRead };
    }
    const created = await api.create(body);
    return { action: 'created', id: created.id, pagesRead };
  } catch (err) {
    const status = statusOf(err);
    if (status === 403) {
      return {
        action: 'skipped',
        status,
        reason:
          'the token may not write comments (HTTP 403): give the job `permissions: pull-requests: write`; ' +
          'pull requests from forks get a read-only token',
      };
    }
    throw err;
  }
}
