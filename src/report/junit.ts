/**
 * JUnit XML, for CI systems and test reporters that show test results. Three suites:
 * - `consumers`: one test case per consumer requirement (passed, failed, or skipped when the
 *   consumer is pending or the finding is waived/overridden); the finding behind a failed
 *   requirement gives the failure its message and location;
 * - `findings`: one test case per other error or warning finding (failed when it blocks,
 *   skipped when suppressed, passed with its text as output when it does not block);
 * - `verdict`: one test case that fails when the gate blocks promotion.
 * Notes (info findings) are left out: they are not tests that can fail.
 *
 * The shape is the Jenkins xunit plugin's junit-10.xsd (test/fixtures/junit), which most
 * readers accept: a test case has no `file`/`line` attributes there (the location is in the
 * failure text and the output instead), `<testsuites>` has no `skipped`, and every element
 * has a `time` (seconds), because readers such as dorny/test-reporter show "NaNms" without
 * one. The report holds no per-check durations, so the times are 0.
 */
import { formatLocation, type Finding } from '../config/findings.js';
import { versionLabel } from './describe.js';
import { suppressionLabel } from './markdown-sections.js';
import { isBlocking, type ConsumerResult, type Report } from '../gate/report-model.js';

type Outcome =
  | { readonly kind: 'passed'; readonly output?: string }
  | {
      readonly kind: 'failed';
      readonly type: string;
      readonly message: string;
      readonly detail: string;
    }
  | { readonly kind: 'skipped'; readonly message: string };

interface TestCase {
  readonly classname: string;
  readonly name: string;
  /** Where the case points, said in its output (junit-10 has no file/line attributes). */
  readonly at?: string;
  readonly outcome: Outcome;
}

/** Seconds, as junit-10's SUREFIRE_TIME: the report measures no per-check time. */
const TIME = '0';

/** Escapes XML text and attribute values, dropping characters XML 1.0 cannot hold. */
export function xmlEscape(s: string): string {
  return s
    .replace(/[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function detailOf(f: Finding): string {
  const lines = [`${f.severity} ${f.id}${f.consumer ? ` (${f.consumer})` : ''}: ${f.message}`];
  const where = formatLocation(f.location);
  if (where) lines.push(`at ${where}`);
  if (f.fingerprint) lines.push(`fingerprint ${f.fingerprint}`);
  return lines.join('\n');
}

function outcomeOf(f: Finding, report: Report): Outcome {
  if (f.suppressed) return { kind: 'skipped', message: suppressionLabel(f) };
  if (isBlocking(f, report.failOn))
    return { kind: 'failed', type: f.id, message: f.message, detail: detailOf(f) };
  return { kind: 'passed', output: detailOf(f) };
}

function consumerCases(
  c: ConsumerResult,
  report: Report,
  byConsumer: ReadonlyMap<string, Finding>,
  used: Set<Finding>,
): TestCase[] {
  return c.requirements.map((r) => {
    const finding = byConsumer.get(`${c.consumer}\0contract.${r.requirement}`);
    if (finding) used.add(finding);
    const name = `${r.requirement}: needs ${r.expected}`;
    const at = formatLocation(finding?.location ?? { file: c.contract });
    const base = { classname: `consumers.${c.consumer}`, name, at };
    if (r.ok) return { ...base, outcome: { kind: 'passed' } };
    if (finding) {
      const outcome = outcomeOf(finding, report);
      // A pending consumer's failure is a warning that never blocks: report it as skipped.
      if (outcome.kind === 'passed' && c.status === 'pending') {
        return {
          ...base,
          outcome: {
            kind: 'skipped',
            message: `pending consumer: needs ${r.expected}, has ${r.found}`,
          },
        };
      }
      return { ...base, outcome };
    }
    const message = `needs ${r.expected}, has ${r.found}`;
    return c.status === 'pending'
      ? { ...base, outcome: { kind: 'skipped', message: `pending consumer: ${message}` } }
      : {
          ...base,
          outcome: { kind: 'failed', type: `contract.${r.requirement}`, message, detail: message },
        };
  });
}

function renderCase(t: TestCase): string {
  const open = `    <testcase classname="${xmlEscape(t.classname)}" name="${xmlEscape(t.name)}" time="${TIME}"`;
  const o = t.outcome;
  const at = t.at ? `at ${t.at}` : '';
  if (o.kind === 'passed') {
    const out = o.output ?? at;
    return out
      ? `${open}>\n      <system-out>${xmlEscape(out)}</system-out>\n    </testcase>`
      : `${open}/>`;
  }
  const out = at ? `\n      <system-out>${xmlEscape(at)}</system-out>` : '';
  if (o.kind === 'skipped')
    return `${open}>\n      <skipped message="${xmlEscape(o.message)}"/>${out}\n    </testcase>`;
  // A finding's failure text already says where; a bare requirement's does not.
  if (o.detail.includes(at)) {
    return `${open}>\n      <failure type="${xmlEscape(o.type)}" message="${xmlEscape(o.message)}">${xmlEscape(o.detail)}</failure>\n    </testcase>`;
  }
  return `${open}>\n      <failure type="${xmlEscape(o.type)}" message="${xmlEscape(o.message)}">${xmlEscape(o.detail)}</failure>${out}\n    </testcase>`;
}

function tally(cases: readonly TestCase[]) {
  return {
    tests: cases.length,
    failures: cases.filter((c) => c.outcome.kind === 'failed').length,
    skipped: cases.filter((c) => c.outcome.kind === 'skipped').length,
  };
}

function renderSuite(name: string, cases: readonly TestCase[]): string {
  const t = tally(cases);
  const head = `  <testsuite name="${xmlEscape(name)}" tests="${t.tests}" failures="${t.failures}" errors="0" skipped="${t.skipped}" time="${TIME}"`;
  if (!cases.length) return `${head}/>`;
  return `${head}>\n${cases.map(renderCase).join('\n')}\n  </testsuite>`;
}

/** The report as JUnit XML. */
export function formatJunit(report: Report): string {
  const used = new Set<Finding>();
  const byConsumer = new Map<string, Finding>();
  for (const f of report.findings) {
    const key = `${f.consumer}\0${f.id}`;
    if (f.consumer !== undefined && !byConsumer.has(key)) byConsumer.set(key, f);
  }
  const consumers = report.consumers
    .filter((c) => c.applies)
    .flatMap((c) => consumerCases(c, report, byConsumer, used));
  const findings: TestCase[] = report.findings
    .filter((f) => !used.has(f) && f.severity !== 'info')
    .map((f) => ({
      classname: f.id,
      name: `${f.id}${f.consumer ? ` (${f.consumer})` : ''} at ${formatLocation(f.location) || 'candidate'}`,
      at: formatLocation(f.location) || undefined,
      outcome: outcomeOf(f, report),
    }));
  const label = versionLabel(report.candidate);
  const verdict: TestCase[] = [
    {
      classname: 'embedding-gate',
      name: `promote ${label}`,
      at: report.candidate.manifest,
      outcome:
        report.verdict === 'pass'
          ? { kind: 'passed' }
          : {
              kind: 'failed',
              type: 'verdict',
              message: `blocked: ${report.counts.error} error(s), ${report.counts.warning} warning(s), fail-on ${report.failOn}`,
              detail: `embedding-gate blocks promotion of ${label}`,
            },
    },
  ];
  const all = [...consumers, ...findings, ...verdict];
  const t = tally(all);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    // junit-10 has no `skipped` on <testsuites>: the suites carry it.
    `<testsuites name="embedding-gate" tests="${t.tests}" failures="${t.failures}" errors="0" time="${TIME}">`,
    renderSuite('consumers', consumers),
    renderSuite('findings', findings),
    renderSuite('verdict', verdict),
    '</testsuites>',
    '',
  ].join('\n');
}
