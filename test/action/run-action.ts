/**
 * Runs the built dist/action.js as the runner does, without blocking this process (so a
 * local API server in the test process can answer it): inputs as INPUT_* variables, the
 * GITHUB_* variables of a workflow run, the event payload in a file, and the output and
 * summary files read back afterwards.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseGithubOutput, type ActionRun } from '../helpers/action.js';
import { ROOT } from '../helpers/cli.js';

export interface RunOptions {
  readonly inputs: Record<string, string>;
  readonly workspace: string;
  /** The event: name and payload (written to GITHUB_EVENT_PATH). */
  readonly event?: { readonly name: string; readonly payload: unknown };
  readonly apiUrl?: string;
  readonly env?: Record<string, string>;
}

/** The workflow commands (`::name props::message`) the run printed, decoded. */
export interface WorkflowCommand {
  readonly command: string;
  readonly properties: Record<string, string>;
  readonly message: string;
}

const unescape = (s: string) =>
  s
    .replace(/%0D/g, '\r')
    .replace(/%0A/g, '\n')
    .replace(/%3A/g, ':')
    .replace(/%2C/g, ',')
    .replace(/%25/g, '%');

/** Parses `::error file=a,line=3::text` lines as the runner does. */
export function workflowCommands(stdout: string): WorkflowCommand[] {
  const out: WorkflowCommand[] = [];
  for (const line of stdout.split('\n')) {
    const m = /^::([a-z-]+)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!m) continue;
    const properties: Record<string, string> = {};
    for (const pair of (m[2] ?? '').split(',').filter(Boolean)) {
      const eq = pair.indexOf('=');
      properties[pair.slice(0, eq)] = unescape(pair.slice(eq + 1));
    }
    out.push({ command: m[1]!, properties, message: unescape(m[3]!) });
  }
  return out;
}

/** Runs dist/action.js once; resolves when the process exits (killed after 60 s). */
export async function runActionAsync(
  options: RunOptions,
): Promise<ActionRun & { commands: WorkflowCommand[] }> {
  const runnerTemp = mkdtempSync(join(tmpdir(), 'eg-runner-'));
  const outputFile = join(runnerTemp, 'output');
  const summaryFile = join(runnerTemp, 'summary');
  const eventFile = join(runnerTemp, 'event.json');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  writeFileSync(eventFile, JSON.stringify(options.event?.payload ?? {}));
  const inputEnv: Record<string, string> = {};
  for (const [name, value] of Object.entries(options.inputs))
    inputEnv[`INPUT_${name.toUpperCase()}`] = value;
  const child = spawn(process.execPath, [join(ROOT, 'dist/action.js')], {
    cwd: options.workspace,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: options.workspace,
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summaryFile,
      GITHUB_EVENT_NAME: options.event?.name ?? 'push',
      GITHUB_EVENT_PATH: eventFile,
      GITHUB_REPOSITORY: 'shop/embeddings',
      GITHUB_REPOSITORY_OWNER: 'shop',
      GITHUB_WORKFLOW: 'PR check',
      GITHUB_JOB: 'gate',
      GITHUB_RUN_ID: '4242',
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_RUN_NUMBER: '17',
      GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
      GITHUB_REF: 'refs/pull/12/merge',
      GITHUB_ACTOR: 'author',
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_API_URL: options.apiUrl ?? 'http://127.0.0.1:9',
      GITHUB_GRAPHQL_URL: `${options.apiUrl ?? 'http://127.0.0.1:9'}/graphql`,
      RUNNER_TEMP: runnerTemp,
      RUNNER_OS: 'Linux',
      ...inputEnv,
      ...options.env,
    },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  const status = await new Promise<number | null>((resolve) =>
    child.on('close', (code) => resolve(code)),
  );
  clearTimeout(timer);
  return {
    status,
    stdout,
    stderr,
    outputs: parseGithubOutput(readFileSync(outputFile, 'utf8')),
    summary: readFileSync(summaryFile, 'utf8'),
    commands: workflowCommands(stdout),
  };
}
