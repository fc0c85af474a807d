/**
 * Whether and how the Action comments on the pull request. A comment is a convenience: its
 * failure is logged and never changes the verdict or the exit code.
 */
import * as core from '@actions/core';
import { upsertStickyComment, type CommentsApi } from '../github/comments.js';
import type { RunInfo } from '../github/event.js';
import type { PullRequestTarget } from '../github/octokit.js';
import type { Report } from '../gate/report-model.js';
import type { ActionConfig } from './inputs.js';
import { Input } from './inputs.js';
import { commentText } from './publish.js';

/** Builds the comments API for one pull request (octokit on a runner). */
export type CommentsApiFactory = (
  token: string,
  baseUrl: string,
  target: PullRequestTarget,
) => CommentsApi;

export interface CommentContext {
  readonly config: ActionConfig;
  readonly run: RunInfo;
  readonly reportPath: string;
  readonly toolVersion: string;
  readonly api: CommentsApiFactory;
}

/**
 * Posts or updates the sticky comment when `pr-comment` allows it. Returns what happened,
 * in one line, for the log and tests.
 */
export async function commentOnPullRequest(report: Report, ctx: CommentContext): Promise<string> {
  const { config, run } = ctx;
  const pr = run.pullRequest;
  const explicit = config.prComment === 'on';
  const say = (message: string, asNotice: boolean): string => {
    if (asNotice) core.notice(message, { title: 'embedding-gate: no pull-request comment' });
    else core.info(message);
    return message;
  };
  if (config.prComment === 'off') return say(`${Input.PrComment} is off: no comment`, false);
  if (!pr)
    return say(
      `not a pull request run (event "${run.eventName || 'unknown'}"): no comment`,
      explicit,
    );
  if (pr.fromFork) {
    return say(
      `pull request #${pr.number} comes from a fork (${pr.headRepository ?? 'deleted repository'}), whose token is read-only: ` +
        'comment skipped; the report is in the job summary',
      true,
    );
  }
  if (!config.githubToken) return say(`${Input.GithubToken} is empty: comment skipped`, true);
  const [owner, repo] = (run.repository ?? pr.baseRepository).split('/');
  if (!owner || !repo)
    return say('the repository is unknown (GITHUB_REPOSITORY is not set): comment skipped', true);

  const { marker, body, level } = commentText(report, {
    header: config.commentHeader,
    reportOnly: config.reportOnly,
    reportPath: ctx.reportPath,
    run,
    toolVersion: ctx.toolVersion,
  });
  try {
    const result = await upsertStickyComment(
      ctx.api(config.githubToken, run.apiUrl, { owner, repo, number: pr.number }),
      marker,
      body,
    );
    if (result.action === 'skipped') return say(`comment skipped: ${result.reason}`, true);
    const detail = level ? ` (detail level ${level} to fit the comment limit)` : '';
    return say(
      `${result.action} comment ${result.id} on pull request #${pr.number}${detail}`,
      false,
    );
  } catch (err) {
    const message = `could not comment on pull request #${pr.number}: ${(err as Error).message}`;
    core.warning(message, { title: 'embedding-gate: pull-request comment failed' });
    return message;
  }
}
