/**
 * Judging the findings, once, after every step: pending consumers' findings never block,
 * every finding gets its workspace-relative file and fingerprint, waivers, the override label. Waivers: findings a team has decided to accept until a date. A waiver names a finding by
 * its check id, consumer and fingerprint; a matching finding is kept in the report, marked
 * waived, and no longer blocks. A waiver past its expiry is itself an error, so accepted
 * risks are looked at again instead of living forever.
 */
import { createHash } from 'node:crypto';
import { isAbsolute, posix, relative, resolve, sep } from 'node:path';
import type { FailOn, OverrideRecord } from './report-model.js';
import type { Finding } from '../config/findings.js';
import type { LoadedContract } from '../config/contract.js';
import { applyOverride, type OverrideDeclaration } from './override.js';
import type { LoadedWaivers, Waiver } from '../config/waivers.js';

export type { LoadedWaivers, Waiver } from '../config/waivers.js';

/** Length of a fingerprint in hex characters (64 bits: ample for one report's findings). */
export const FINGERPRINT_HEX = 16;

/**
 * The stable identity of a finding: the first 16 hex characters of
 * sha256(JSON.stringify([id, consumer, file, path])), where `file` is the location's
 * workspace-relative file (`workspaceFile`, else `file`) with `\` turned into `/` and a
 * leading `./` removed, and `path` is the field's JSON pointer (`/requires/dims`). Missing
 * parts are empty strings. Line numbers and messages are left out on purpose: a waiver must
 * survive an edit above the field or a new count in the message, and must not survive the
 * finding moving to another field or consumer. The working directory is left out too: the
 * same gate run from any directory with the same workspace gives the same fingerprints.
 */
export function fingerprintFinding(f: Finding): string {
  const shown = f.location?.workspaceFile ?? f.location?.file;
  const file = shown ? posix.normalize(shown.replace(/\\/g, '/')).replace(/^\.\//, '') : '';
  const parts = [f.id, f.consumer ?? '', file, f.location?.path ?? ''];
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, FINGERPRINT_HEX);
}

/**
 * The instant a waiver stops holding, in epoch milliseconds: the end of the named day (UTC)
 * for a date, the instant itself for a date-time.
 */
export function expiryInstant(expires: string): number {
  if (/^\d{4}-\d{2}-\d{2}$/.test(expires)) return Date.parse(`${expires}T00:00:00Z`) + 86_400_000;
  return Date.parse(expires);
}

/**
 * Applies waivers to fingerprinted findings at the instant `now`. Returns the findings with
 * waived ones marked `suppressed`, followed by the waivers file's own findings: its schema
 * errors, `waiver.expired` (error, at the entry's `expires`) and `waiver.unused` (info, a
 * waiver that matched nothing: the problem is fixed or the fingerprint is wrong).
 * An expired waiver waives nothing.
 */
export function applyWaivers(
  findings: readonly Finding[],
  loaded: LoadedWaivers,
  now: Date,
): Finding[] {
  const out: Finding[] = [];
  const used = new Set<number>();
  const expired = new Set<number>();
  loaded.waivers.forEach((w, i) => {
    if (now.getTime() >= expiryInstant(w.expires)) expired.add(i);
  });
  for (const f of findings) {
    const index = f.id.startsWith('waiver.') ? -1 : loaded.waivers.findIndex((w) => matches(w, f));
    const w = loaded.waivers[index];
    if (!w) {
      out.push(f);
      continue;
    }
    used.add(index);
    if (expired.has(index) || f.suppressed) {
      out.push(f);
      continue;
    }
    out.push({
      ...f,
      suppressed: {
        kind: 'waiver',
        reason: w.reason,
        owner: w.owner,
        expires: w.expires,
        location: loaded.doc.locate(['waivers', index]),
      },
    });
  }
  out.push(...loaded.findings);
  loaded.waivers.forEach((w, i) => {
    const subject = `waiver for ${w.check}${w.consumer ? ` (${w.consumer})` : ''}, owner ${w.owner}`;
    if (expired.has(i)) {
      out.push({
        id: 'waiver.expired',
        severity: 'error',
        message:
          `${subject}, expired ${w.expires}: renew it with a new date and a reason, or fix the finding ` +
          `and delete the waiver${used.has(i) ? '' : ' (it no longer matches any finding)'}`,
        location: loaded.doc.locate(['waivers', i, 'expires']),
        expected: `expires after ${now.toISOString()}`,
        found: w.expires,
      });
    } else if (!used.has(i)) {
      out.push({
        id: 'waiver.unused',
        severity: 'info',
        message: `${subject} matches no finding (fingerprint ${w.fingerprint}): the finding is gone, or the fingerprint is not the one in the report; delete the waiver or copy the fingerprint from the JSON report`,
        location: loaded.doc.locate(['waivers', i, 'fingerprint']),
      });
    }
  });
  return out;
}

function matches(w: Waiver, f: Finding): boolean {
  return (
    w.check === f.id && (w.consumer ?? '') === (f.consumer ?? '') && w.fingerprint === f.fingerprint
  );
}

/** What a pending consumer's downgraded finding says, after its message. */
export const PENDING_NOTE = ' — pending consumer: reported, does not block';

/**
 * The consumers whose findings do not block: those every contract names as `status:
 * pending`. A name that an active contract also uses stays blocking, so a second contract
 * can never quietly lift a live consumer's errors.
 */
export function pendingConsumers(contracts: readonly LoadedContract[]): ReadonlySet<string> {
  const pending = new Set<string>();
  const active = new Set<string>();
  for (const { contract } of contracts) {
    if (!contract) continue;
    ((contract.status ?? 'active') === 'pending' ? pending : active).add(contract.consumer);
  }
  for (const name of active) pending.delete(name);
  return pending;
}

/**
 * A pending consumer is checked and reported like any other but never blocks (Pact's
 * pending pacts): every finding naming it is marked `pending` (which {@link decideVerdict}
 * never counts as blocking, at any `fail-on`), and its errors become warnings that say so.
 * Checks report at their natural severity and name the consumer; this is the one place
 * that decides. Idempotent, and never raises a severity.
 */
export function downgradePending(
  findings: readonly Finding[],
  pending: ReadonlySet<string>,
): Finding[] {
  return findings.map((f) => {
    if (f.consumer === undefined || !pending.has(f.consumer)) return f;
    if (f.severity !== 'error') return f.pending ? f : { ...f, pending: true };
    return { ...f, severity: 'warning', message: f.message + PENDING_NOTE, pending: true };
  });
}

/**
 * The file of `f`'s location relative to `workspace` (with `/`; `../` when outside it), as
 * `workspaceFile`. `location.file` is relative to `cwd` for display; the workspace-relative
 * one is what identifies the finding, so a waiver or a SARIF URI does not depend on the
 * directory the gate ran from.
 */
export function placeFinding(f: Finding, workspace: string, cwd: string): Finding {
  const loc = f.location;
  if (!loc || loc.workspaceFile !== undefined || !loc.file) return f;
  const rel = relative(resolve(workspace), resolve(cwd, loc.file));
  const workspaceFile = isAbsolute(rel) ? rel : rel.split(sep).join('/');
  return { ...f, location: { ...loc, workspaceFile: workspaceFile || '.' } };
}

/** What {@link judgeFindings} needs besides the findings. */
export interface JudgeOptions {
  readonly waivers?: LoadedWaivers;
  readonly override?: OverrideDeclaration;
  readonly failOn: FailOn;
  /** The clock: waiver expiry is decided at this instant. */
  readonly now: () => Date;
  /** Consumers whose findings are reported without blocking ({@link pendingConsumers}). */
  readonly pendingConsumers?: ReadonlySet<string>;
  /**
   * The workspace root and the directory location files are relative to: every finding's
   * identity is made workspace-relative ({@link placeFinding}). Without them, `file` is used.
   */
  readonly paths?: { readonly workspace: string; readonly cwd: string };
}

/**
 * The last step before the verdict: marks pending consumers' findings (never blocking),
 * places and fingerprints every finding, applies the waivers, then the override label (so a
 * waived finding is reported as waived, and the waivers file's own errors are never lifted
 * by a label).
 */
export function judgeFindings(
  findings: readonly Finding[],
  options: JudgeOptions,
): { findings: Finding[]; override?: OverrideRecord } {
  const judged = options.pendingConsumers
    ? downgradePending(findings, options.pendingConsumers)
    : findings;
  const paths = options.paths;
  const identify = (f: Finding): Finding => {
    const placed = paths ? placeFinding(f, paths.workspace, paths.cwd) : f;
    return placed.fingerprint ? placed : { ...placed, fingerprint: fingerprintFinding(placed) };
  };
  let out = judged.map(identify);
  if (options.waivers) {
    out = applyWaivers(out, options.waivers, options.now());
    out = out.map(identify);
  }
  if (!options.override) return { findings: out };
  const { findings: lifted, record } = applyOverride(out, options.override, options.failOn);
  return { findings: lifted, override: record };
}
