/**
 * The reproducibility probe in its steps: the judge as a pure function, and runProbe over
 * a scripted runtime (probe-scenarios.ts) on every path — each failure's finding, and
 * every stored-vectors source closed and every session released, whatever happens.
 */
import { describe, expect, it } from 'vitest';
import type { Location } from '../../src/config/findings.js';
import { judgeProbe, type JudgeInput } from '../../src/staging/probe-judge.js';
import { runProbe } from '../../src/staging/probe.js';
import { runScenario, SCENARIOS, type Outcome } from './probe-scenarios.js';

const SET: Location = { file: 'manifest.yaml', line: 4 };

function judge(
  deviations: Record<string, number>,
  more: Partial<JudgeInput> & { ids?: readonly string[] } = {},
) {
  const ids = more.ids ?? Object.keys(deviations);
  const found = Uint8Array.from(ids, (id) => (id in deviations ? 1 : 0));
  return judgeProbe({
    deviations: Object.entries(deviations).map(([id, deviation]) => ({ id, deviation })),
    found,
    rowOf: new Map(ids.map((id, r) => [id, r * 10])),
    ids,
    tolerance: 1e-5,
    dtype: 'float32',
    modelFile: 'models/enc.onnx',
    storedFile: 'vectors.arrow',
    setLocation: SET,
    ...more,
  });
}

describe('judging a probe', () => {
  it('passes when every compared id is within the tolerance, with the summary keys in report order', () => {
    const { judged, findings } = judge({ a: 0, b: 2e-6, c: 1e-6 });
    expect(findings).toEqual([]);
    expect(JSON.stringify(judged)).toBe(
      JSON.stringify({
        outcome: 'pass',
        rows: 3,
        compared: 3,
        missing: 0,
        exceeding: 0,
        maxDeviation: 2e-6,
        meanDeviation: 1e-6,
        worst: [
          { id: 'b', deviation: 2e-6 },
          { id: 'c', deviation: 1e-6 },
          { id: 'a', deviation: 0 },
        ],
      }),
    );
  });

  it('names the worst ids, at the stored row of the worst one', () => {
    const devs = Object.fromEntries(
      Array.from({ length: 12 }, (_, i) => [`id${String(i).padStart(2, '0')}`, i * 1e-3]),
    );
    const { judged, findings } = judge({ ...devs, 'a-tie': devs.id11! });
    expect(judged.outcome).toBe('fail');
    expect(judged.exceeding).toBe(12);
    // The report's list breaks ties by id; at most 10.
    expect(judged.worst.map((d) => d.id)).toEqual([
      'a-tie',
      'id11',
      'id10',
      'id09',
      'id08',
      'id07',
      'id06',
      'id05',
      'id04',
      'id03',
    ]);
    expect(findings).toHaveLength(1);
    const [f] = findings;
    expect(f).toMatchObject({
      id: 'probe.deviation',
      severity: 'error',
      location: { file: 'vectors.arrow', id: 'id11', row: 110 },
      expected: { tolerance: 1e-5 },
      found: { exceeding: 12, maxDeviation: devs.id11 },
    });
    // The message's five keep run order among ties.
    expect(f!.message).toBe(
      '12 of 13 stored vectors differ from what models/enc.onnx produces for the probe inputs by more than 0.00001 ' +
        '(1 − cos, float32); worst: "id11" 1.10e-2, "a-tie" 1.10e-2, "id10" 1.00e-2, "id09" 9.00e-3, "id08" 8.00e-3. ' +
        'The stored vectors were not produced by this model with this preprocessing',
    );
  });

  it('warns about probe ids missing from the stored vectors, and fails when nothing was compared', () => {
    const partial = judge({ a: 0 }, { ids: ['a', 'b', 'c'] });
    expect(partial.judged).toMatchObject({ outcome: 'pass', rows: 3, compared: 1, missing: 2 });
    expect(partial.findings).toEqual([
      {
        id: 'probe.coverage',
        severity: 'warning',
        message: '2 of 3 probe ids are not in the stored vectors vectors.arrow (first: "b", "c")',
        location: SET,
        expected: 3,
        found: 1,
      },
    ]);
    const none = judge({}, { ids: ['a', 'b'] });
    expect(none.judged).toMatchObject({ outcome: 'fail', compared: 0, maxDeviation: 0, worst: [] });
    expect(none.findings.map((f) => [f.id, f.severity, f.message])).toEqual([
      [
        'probe.coverage',
        'error',
        '2 of 2 probe ids are not in the stored vectors vectors.arrow (first: "a", "b"); nothing was compared',
      ],
    ]);
  });

  it('leaves out deviations that are not numbers', () => {
    const { judged } = judge({ a: NaN, b: 0 });
    expect(judged).toMatchObject({ outcome: 'pass', compared: 1, worst: [{ id: 'b' }] });
  });
});

const outcomes = new Map<string, Outcome>();
async function outcome(name: string): Promise<Outcome> {
  if (!outcomes.has(name)) outcomes.set(name, await runScenario(SCENARIOS[name]!, runProbe));
  return outcomes.get(name)!;
}
const summary = (o: Outcome) => [
  o.result?.outcome,
  o.findings?.map((f) => `${f.severity} ${f.id} @${f.location?.path ?? f.location?.file}`),
];

describe('runProbe, step by step', () => {
  it.each([
    ['pass', 'pass', []],
    [
      'tampered and missing',
      'fail',
      ['warning probe.coverage @/probe/set', 'error probe.deviation @vectors.arrow'],
    ],
    ['nothing stored', 'fail', ['error probe.coverage @/probe/set']],
    ['stored vectors unreadable', 'error', ['error probe.vectors @vectors.arrow']],
    ['declared stored vectors unreadable', 'error', ['error probe.vectors @/probe/vectors/path']],
    ['packed bits', 'error', ['warning probe.unsupported @/probe']],
    ['no model file', 'error', ['error probe.model @/probe/model']],
    [
      'plan problems',
      'error',
      [
        'error probe.model @/encoders/text/probe/output',
        'error probe.model @/encoders/text/probe/columns',
      ],
    ],
    ['missing column', 'error', ['error probe.inputs @/probe/set']],
    ['set is not parquet', 'error', ['error probe.inputs @/probe/set']],
    ['duplicate ids', 'error', ['error probe.inputs @/probe/set']],
    ['stream breaks', 'error', ['error probe.vectors @vectors.arrow']],
    ['misfit row stored', 'error', ['error probe.inputs @/probe/set']],
    [
      'misfit rows not stored',
      'fail',
      ['warning probe.coverage @/probe/set', 'error probe.deviation @vectors.arrow'],
    ],
    ['run fails', 'error', ['error probe.model @/probe/model']],
    ['wrong output shape', 'error', ['error probe.model @/probe/model']],
    ['non-finite', 'error', ['error probe.non-finite @/probe/model']],
    [
      'fixed batch, float16, encoder',
      'pass',
      ['warning probe.coverage @/encoders/image/probe/set'],
    ],
    ['groups by length, small batches', 'fail', ['error probe.deviation @vectors.arrow']],
    ['row numbers as ids', 'pass', ['warning probe.coverage @/probe/set']],
  ] as const)('%s: %s', async (name, result, findings) => {
    expect(summary(await outcome(name))).toEqual([result, findings]);
  });

  it('keeps the tolerance of the declaration until the stored dtype is known', async () => {
    expect((await outcome('packed bits')).result?.tolerance).toBe(0);
    expect((await outcome('no model file')).result?.tolerance).toBe(0.5);
    expect((await outcome('missing column')).result?.tolerance).toBe(1e-5);
  });

  it('says which row does not fit, and only for rows it compares', async () => {
    expect((await outcome('misfit row stored')).findings![0]!.message).toBe(
      'probe set probe.arrow: row 1 (id "b") has 2 values in column "input_ids", which does not fit model input "input_ids" (one row: [3])',
    );
    expect((await outcome('misfit rows not stored')).result).toMatchObject({ compared: 2 });
  });

  it('batches rows of one shape together, and fills a fixed batch dimension', async () => {
    // Lengths 1, 2, 1, 2, 1 in batches of 2: [g1, g3], [g5], [g2, g4].
    expect((await outcome('groups by length, small batches')).runs).toEqual([2, 1, 2]);
    // Four stored rows, batch_size 2, but the model's batch is 4.
    expect((await outcome('fixed batch, float16, encoder')).runs).toEqual([4]);
  });

  it('prefixes an encoder probe finding with its modality, the judge’s too', async () => {
    const { findings } = await outcome('fixed batch, float16, encoder');
    expect(findings![0]!.message).toMatch(/^image encoder: 2 of 6 probe ids are not in /);
  });

  it('closes the stored vectors and releases the session on every path', async () => {
    for (const name of Object.keys(SCENARIOS)) {
      const o = await outcome(name);
      expect([name, o.closed, o.released]).toEqual([name, o.opened, o.sessions]);
    }
    expect(String((await outcome('unexpected open error')).thrown)).toBe(
      'TypeError: bug in a reader',
    );
    const streamBug = await outcome('unexpected stream error');
    expect(String(streamBug.thrown)).toBe('RangeError: bug');
    expect(streamBug).toMatchObject({ opened: 1, closed: 1, sessions: 1, released: 1 });
    // A source that fails to close still lets the session go.
    const closing = await outcome('closing fails');
    expect(String(closing.thrown)).toBe('Error: close failed');
    expect(closing).toMatchObject({ closed: 1, sessions: 1, released: 1 });
  });
});
