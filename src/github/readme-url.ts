/**
 * The address of this tool's README on GitHub, for SARIF rules' `helpUri`, from the variables
 * the runner sets: the repository and ref of the action being run
 * (`GITHUB_ACTION_REPOSITORY`, `GITHUB_ACTION_REF`). Nothing is invented: outside a run of
 * the action, there is no address and SARIF carries no `helpUri`.
 */

/** How the README's address is derived. */
export interface ReadmeUrlOptions {
  /**
   * The caller is the Action itself: a `uses: ./` step leaves `GITHUB_ACTION_REPOSITORY`
   * empty, and the action is then the workflow's own repository at `GITHUB_SHA`.
   */
  readonly action?: boolean;
}

/** `<server>/<owner>/<repo>/blob/<ref>/README.md`, or undefined when the run does not say. */
export function readmeUrlFromEnv(
  env: Readonly<Record<string, string | undefined>>,
  options: ReadmeUrlOptions = {},
): string | undefined {
  const server = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
  let repo = env.GITHUB_ACTION_REPOSITORY;
  let ref = env.GITHUB_ACTION_REF;
  if (!repo && options.action) {
    repo = env.GITHUB_REPOSITORY;
    ref = env.GITHUB_SHA;
  }
  if (!repo || !/^[\w.-]+\/[\w.-]+$/.test(repo)) return undefined;
  const at = ref && /^[\w./-]+$/.test(ref) ? ref : 'HEAD';
  return `${server}/${repo}/blob/${at}/README.md`;
}
