/**
 * {@link CommentsApi} over GitHub's REST API with the toolkit's octokit
 * (`@actions/github`'s getOctokit: the token, the runner's proxy settings, pagination by
 * the `Link` header). The base URL comes in as a parameter (`GITHUB_API_URL` on a runner, a
 * local server in tests, GitHub Enterprise Server elsewhere).
 */
import { getOctokit } from '@actions/github';
import { COMMENTS_PER_PAGE, type CommentsApi, type IssueComment } from './comments.js';

/** Where the comment goes. */
export interface PullRequestTarget {
  readonly owner: string;
  readonly repo: string;
  readonly number: number;
}

/** The comments API of one pull request, authenticated with `token`, at `baseUrl`. */
export function octokitCommentsApi(
  token: string,
  baseUrl: string,
  target: PullRequestTarget,
): CommentsApi {
  const octokit = getOctokit(token, { baseUrl });
  const { owner, repo, number: issue_number } = target;
  return {
    async *pages() {
      const pages = octokit.paginate.iterator(octokit.rest.issues.listComments, {
        owner,
        repo,
        issue_number,
        per_page: COMMENTS_PER_PAGE,
      });
      for await (const page of pages) yield page.data as IssueComment[];
    },
    async create(body) {
      const r = await octokit.rest.issues.createComment({ owner, repo, issue_number, body });
      return r.data;
    },
    async update(id, body) {
      const r = await octokit.rest.issues.updateComment({ owner, repo, comment_id: id, body });
      return r.data;
    },
  };
}
