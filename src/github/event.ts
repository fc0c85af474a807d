/**
 * What the Action needs from the workflow run's environment and event payload: the pull
 * request (number, head and base repositories, labels, author) and the run's identity
 * (workflow, job, run id). Read once from parameters, so tests pin every field.
 */
import { readFile } from 'node:fs/promises';

/** The pull request that triggered the run, as the payload describes it. */
export interface PullRequestInfo {
  readonly number: number;
  readonly url?: string;
  readonly title: string;
  readonly author: string;
  /** `owner/name` of the base repository. */
  readonly baseRepository: string;
  /** `owner/name` of the head repository; undefined when the fork was deleted. */
  readonly headRepository?: string;
  /** Head repository differs from the base one: the token is read-only. */
  readonly fromFork: boolean;
  readonly labels: readonly string[];
  /** The event's action (`opened`, `synchronize`, `labeled`, …). */
  readonly action?: string;
  /** Login of whoever caused the event. */
  readonly sender?: string;
  /** The label a `labeled` event added. */
  readonly eventLabel?: string;
}

/** The run's identity and where its API is. */
export interface RunInfo {
  readonly eventName: string;
  /** `owner/name`. */
  readonly repository?: string;
  readonly workflow: string;
  readonly job: string;
  readonly runId?: string;
  readonly serverUrl: string;
  readonly apiUrl: string;
  readonly pullRequest?: PullRequestInfo;
}

const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target']);

type Json = Record<string, unknown>;
const obj = (v: unknown): Json | undefined =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined;
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** Decodes the pull request from a `pull_request`/`pull_request_target` payload, else undefined. */
export function pullRequestFromPayload(
  eventName: string,
  payload: unknown,
): PullRequestInfo | undefined {
  if (!PULL_REQUEST_EVENTS.has(eventName)) return undefined;
  const p = obj(payload);
  const pr = obj(p?.pull_request);
  const number = pr?.number;
  if (!pr || typeof number !== 'number') return undefined;
  const fullName = (side: unknown) => str(obj(obj(side)?.repo)?.full_name);
  const baseRepository = fullName(pr.base) ?? str(obj(p?.repository)?.full_name) ?? '';
  const headRepository = fullName(pr.head);
  const labels = Array.isArray(pr.labels)
    ? pr.labels.map((l) => str(obj(l)?.name)).filter((n): n is string => !!n)
    : [];
  return {
    number,
    url: str(pr.html_url),
    title: str(pr.title) ?? '',
    author: str(obj(pr.user)?.login) ?? 'unknown',
    baseRepository,
    headRepository,
    fromFork: !headRepository || headRepository.toLowerCase() !== baseRepository.toLowerCase(),
    labels,
    action: str(p?.action),
    sender: str(obj(p?.sender)?.login),
    eventLabel: str(obj(p?.label)?.name),
  };
}

/**
 * Reads the run's identity from the environment and the pull request from the payload file
 * (`GITHUB_EVENT_PATH`). A missing or unreadable payload means "no pull request"; the
 * returned `problem` says why, for the log.
 */
export async function readRunInfo(
  env: Readonly<Record<string, string | undefined>>,
  read: (path: string) => Promise<string> = (path) => readFile(path, 'utf8'),
): Promise<{ run: RunInfo; problem?: string }> {
  const eventName = env.GITHUB_EVENT_NAME ?? '';
  const base = {
    eventName,
    repository: env.GITHUB_REPOSITORY || undefined,
    workflow: env.GITHUB_WORKFLOW || 'workflow',
    job: env.GITHUB_JOB || 'job',
    runId: env.GITHUB_RUN_ID || undefined,
    serverUrl: env.GITHUB_SERVER_URL || 'https://github.com',
    apiUrl: env.GITHUB_API_URL || 'https://api.github.com',
  };
  if (!PULL_REQUEST_EVENTS.has(eventName)) return { run: base };
  if (!env.GITHUB_EVENT_PATH) return { run: base, problem: 'GITHUB_EVENT_PATH is not set' };
  let payload: unknown;
  try {
    payload = JSON.parse(await read(env.GITHUB_EVENT_PATH));
  } catch (err) {
    return {
      run: base,
      problem: `cannot read the event payload ${env.GITHUB_EVENT_PATH}: ${(err as Error).message}`,
    };
  }
  const pullRequest = pullRequestFromPayload(eventName, payload);
  return pullRequest
    ? { run: { ...base, pullRequest } }
    : { run: base, problem: 'the event payload has no pull_request' };
}
