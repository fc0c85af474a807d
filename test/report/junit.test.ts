import { describe, expect, it } from 'vitest';
import { formatJunit, xmlEscape } from '../../src/report/junit.js';
import type { Report } from '../../src/gate/report-model.js';
import { expectGolden } from '../helpers/golden.js';
import { MACHINE_SAMPLE } from './sarif-fixture.js';

/** The attributes of every `<tag …>` element, in document order. */
function elements(xml: string, tag: string): Record<string, string>[] {
  return [...xml.matchAll(new RegExp(`<${tag}\\b([^>]*)>`, 'g'))].map((m) =>
    Object.fromEntries([...m[1]!.matchAll(/(\w[\w-]*)="([^"]*)"/g)].map((a) => [a[1]!, a[2]!])),
  );
}

describe('JUnit XML', () => {
  it('matches the golden file', () => {
    expectGolden('report.junit.xml', formatJunit(MACHINE_SAMPLE));
  });

  it('counts tests, failures and skips consistently at every level', () => {
    const xml = formatJunit(MACHINE_SAMPLE);
    const [root] = elements(xml, 'testsuites');
    const suites = elements(xml, 'testsuite');
    expect(suites.map((s) => s.name)).toEqual(['consumers', 'findings', 'verdict']);
    for (const key of ['tests', 'failures'] as const) {
      expect(Number(root![key])).toBe(suites.reduce((n, s) => n + Number(s[key]), 0));
    }
    expect(Number(root!.tests)).toBe(elements(xml, 'testcase').length);
    expect(Number(root!.failures)).toBe(elements(xml, 'failure').length);
    // junit-10 has no `skipped` on <testsuites>; the suites' add up to the skipped cases.
    expect(root!.skipped).toBeUndefined();
    expect(suites.reduce((n, s) => n + Number(s.skipped), 0)).toBe(elements(xml, 'skipped').length);
  });

  it('fails the blocking requirement, skips pending, waived and overridden ones, fails the verdict', () => {
    const xml = formatJunit(MACHINE_SAMPLE);
    expect(xml).toContain(
      '<testcase classname="consumers.search-index" name="dims: needs 768" time="0">\n      <failure type="contract.dims"',
    );
    expect(xml).toContain('at contracts/search index.yaml:9:9');
    expect(xml).toMatch(
      /classname="consumers.classifier" name="dims: needs 384"[^>]*>\n\s+<skipped message="pending consumer: needs 384, has 768"/,
    );
    expect(xml).toMatch(
      /classname="consumers.recommender"[^>]*>\n\s+<skipped message="overridden by alice/,
    );
    expect(xml).toMatch(
      /classname="vectors.readable"[^>]*>\n\s+<skipped message="waived \(owner @org\/data/,
    );
    expect(xml).toMatch(
      /classname="embedding-gate" name="promote docs 2.0.0 \(v2\)"[^>]*>\n\s+<failure type="verdict"/,
    );
    expect(xml).not.toContain('baseline.changed');
  });

  it('passes a clean report with no failures', () => {
    const clean: Report = {
      ...MACHINE_SAMPLE,
      verdict: 'pass',
      consumers: [],
      findings: [],
      counts: { error: 0, warning: 0, info: 0 },
    };
    const [root] = elements(formatJunit(clean), 'testsuites');
    expect(root).toMatchObject({ tests: '1', failures: '0', time: '0' });
  });

  it('escapes markup and drops characters XML cannot hold', () => {
    expect(xmlEscape('a<b>&"c"\'d\u0000\u001b')).toBe('a&lt;b&gt;&amp;&quot;c&quot;&apos;d');
    expect(formatJunit(MACHINE_SAMPLE)).toContain(
      'first ids &quot;doc-7&quot;, &quot;doc-91&quot; &lt;&amp;&gt;',
    );
  });
});
