import { describe, expect, it } from 'vitest';
import { richCounties } from './richCounties.ts';
import { loadPolicyData } from '../../src/input/policyData.ts';
import { toCsv } from '../../src/report/csv.ts';
import { buildLinearModel, type LinearModel } from '../../src/analysis/linearModel.ts';
import { EvaluationScratch, evaluatePoint } from '../../src/analysis/evaluate.ts';
import { runMonteCarlo, type MonteCarloResult } from '../../src/analysis/montecarlo/runMonteCarlo.ts';
import { countyColumns, countyRows, measureColumns, measureRows } from '../../src/analysis/montecarlo/report.ts';
import { domainsOf } from '../../src/analysis/montecarlo/plan.ts';
import { sample } from '../../src/analysis/montecarlo/distributions.ts';
import { streamAt } from '../../src/analysis/montecarlo/draws.ts';
import { UncertaintySection } from '../../src/scenarios/uncertaintySchema.ts';

const policy = loadPolicyData();
const counties = richCounties(62, 11);
const spec = UncertaintySection.parse({
  seed: 42,
  draws: 96,
  quantiles: [0.05, 0.5, 0.95],
  variables: [
    { parameter: 'revenue_growth', scope: 'national', distribution: { kind: 'normal', mean: 0.1, sd: 0.03 } },
    { parameter: 'population_growth', scope: 'province', distribution: { kind: 'uniform', min: -0.01, max: 0.01 } },
    { parameter: 'own_revenue', scope: 'county', distribution: { kind: 'lognormal', median: 1, sigma: 0.2 } },
    { parameter: 'unit_cost', domain: 'health', scope: 'province', distribution: { kind: 'triangular', min: 0.9, mode: 1, max: 1.3 } },
    { parameter: 'coverage', scope: 'national', distribution: { kind: 'uniform', min: 0.9, max: 1 } },
  ],
});
const model = buildLinearModel({ policy, counties, basis: 'resident', years: [2012, 2013, 2014], focus: counties.map((_, i) => i).filter((i) => i % 3 !== 0), groups: domainsOf(spec) });

function output(r: MonteCarloResult, m: LinearModel = model): string {
  const s = new EvaluationScratch(m);
  evaluatePoint(m, {}, s);
  return toCsv(countyColumns(r.plan.quantiles), countyRows(r, m, counties)) + toCsv(measureColumns(r.plan.quantiles), measureRows(r, m, s.measures));
}

describe('Monte Carlo', () => {
  it('same seed, same numbers: byte-identical output with 1 and with 2 workers (and in-process, any chunk size)', async () => {
    const one = output(await runMonteCarlo(model, spec, { workers: 1 }));
    const two = output(await runMonteCarlo(model, spec, { workers: 2, chunk: 7 }));
    const inProcess = output(await runMonteCarlo(model, spec, { workers: 0, chunk: 50 }));
    expect(two).toBe(one);
    expect(inProcess).toBe(one);
  });

  it('another seed gives other numbers; the same seed again the same', async () => {
    const a = output(await runMonteCarlo(model, spec, { workers: 0 }));
    const b = output(await runMonteCarlo(model, { ...spec, seed: 43 }, { workers: 0 }));
    const c = output(await runMonteCarlo(model, spec, { workers: 0, chunk: 13 }));
    expect(b).not.toBe(a);
    expect(c).toBe(a);
  });

  it('with every variable fixed at the scenario value, every quantile is the scenario gap', async () => {
    const fixed = UncertaintySection.parse({ seed: 1, draws: 5, quantiles: [0.1, 0.9], variables: [{ parameter: 'own_revenue', scope: 'county', distribution: { kind: 'fixed', value: 1 } }] });
    const m = buildLinearModel({ policy, counties, basis: 'resident', years: [2012], focus: counties.map((_, i) => i) });
    const r = await runMonteCarlo(m, fixed, { workers: 0 });
    const s = new EvaluationScratch(m);
    evaluatePoint(m, {}, s);
    r.plan.focus.forEach((c, f) => {
      const o = f * 4;
      const gap = s.gap[0]![c]! / 100;
      expect(Math.abs(r.countyStats[o]! - gap)).toBeLessThanOrEqual(Math.abs(gap) * 2 ** -16 + 1);
      expect(r.countyStats[o + 1]).toBe(r.countyStats[o]);
      expect(r.countyStats[o + 3]).toBe(s.gap[0]![c]! > 0 ? 1 : 0);
    });
  });

  it('draws follow their distributions', () => {
    const rng = streamAt(7, 3);
    const N = 20000;
    const stats = (d: Parameters<typeof sample>[0]): { mean: number; sd: number; min: number; max: number } => {
      const xs = Array.from({ length: N }, () => sample(d, rng));
      const mean = xs.reduce((a, b) => a + b, 0) / N;
      return { mean, sd: Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / N), min: Math.min(...xs), max: Math.max(...xs) };
    };
    const normal = stats({ kind: 'normal', mean: 0.1, sd: 0.03 });
    expect(normal.mean).toBeCloseTo(0.1, 2);
    expect(normal.sd).toBeCloseTo(0.03, 2);
    const tri = stats({ kind: 'triangular', min: 0.9, mode: 1, max: 1.3 });
    expect(tri.mean).toBeCloseTo((0.9 + 1 + 1.3) / 3, 2);
    expect(tri.min).toBeGreaterThanOrEqual(0.9);
    expect(tri.max).toBeLessThanOrEqual(1.3);
    const logn = stats({ kind: 'lognormal', median: 1, sigma: 0.2 });
    expect(logn.mean).toBeCloseTo(Math.exp(0.02), 2);
    const clamped = stats({ kind: 'normal', mean: 0, sd: 1, min: -0.5, max: 0.5 });
    expect(clamped.min).toBe(-0.5);
    expect(clamped.max).toBe(0.5);
  });

  it('the stream states handed to tasks are the generators jumped to their first draw', async () => {
    const { streamStates } = await import('../../src/analysis/montecarlo/draws.ts');
    const starts = [0, 1, 7, 7, 40];
    const states = streamStates(42, starts);
    starts.forEach((first, t) => expect(states[t]).toEqual(streamAt(42, first).getState()));
    expect(states[2]).not.toEqual(states[1]);
    expect(() => streamStates(42, [3, 2])).toThrow(RangeError);
  });

  it('evaluating only the provinces with a reported county gives the same measures and reported gaps, bit for bit', () => {
    // reported: the counties of two provinces, with one county of each left out
    const provinces = [model.provinceOf[0]!, model.provinceOf[model.n - 1]!];
    const focus = Array.from({ length: model.n }, (_, c) => c).filter((c) => provinces.includes(model.provinceOf[c]!) && c !== 0);
    const m = buildLinearModel({ policy, counties, basis: 'resident', years: [2012, 2013, 2014], focus: focus.map((c) => model.countyIndex[c]!), groups: domainsOf(spec) });
    const full = new EvaluationScratch(m, false);
    const only = new EvaluationScratch(m, false, true);
    expect(only.reportedProvince.reduce((a, b) => a + b, 0)).toBe(2);
    const point = { revenueLevel: Float64Array.from({ length: m.n }, (_, c) => 0.8 + (c % 7) / 10), populationGrowth: 0.01, revenueGrowth: 0.05, coverage: 0.95 };
    evaluatePoint(m, point, full);
    evaluatePoint(m, point, only);
    m.years.forEach((_, y) => {
      expect(Array.from(only.measures[y]!)).toEqual(Array.from(full.measures[y]!));
      for (const c of only.reported) expect(only.gap[y]![c]).toBe(full.gap[y]![c]);
    });
    expect(only.reported.length).toBe(focus.length);
  });
});

describe('draw summaries', () => {
  it('quantiles by selection equal quantiles of the sorted draws (type 7), with ties and NaN', async () => {
    const { summarizeRows, quantileSorted } = await import('../../src/analysis/montecarlo/summarize.ts');
    const fc = (await import('fast-check')).default;
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: -50, max: 50 }), fc.double({ min: -1e6, max: 1e6, noNaN: true })), { minLength: 1, maxLength: 300 }), fc.boolean(), (xs, withNaN) => {
        const row = Float64Array.from(withNaN ? [...xs, Number.NaN] : xs);
        const qs = [0.95, 0, 0.05, 0.5, 1, 0.25];
        const sorted = Float64Array.from(row).sort();
        const out = new Float64Array(qs.length + 2);
        summarizeRows(row, row.length, 0, 1, qs, out);
        qs.forEach((q, k) => expect(out[k]).toBe(quantileSorted(sorted, q)));
        expect(out[qs.length + 1]).toBe(xs.filter((x) => x > 0).length / row.length);
      }),
      { numRuns: 300 },
    );
  });
});

describe('draw summaries of 24-bit floats (counting selection)', () => {
  it('quantiles, mean and P(> 0) equal those of the sorted unpacked draws, with ties, zeros and both signs', async () => {
    const { summarizeRows, quantileSorted } = await import('../../src/analysis/montecarlo/summarize.ts');
    const { packFloat24, unpackFloat24 } = await import('../../src/analysis/montecarlo/packedFloat.ts');
    const fc = (await import('fast-check')).default;
    const value = fc.oneof(fc.integer({ min: -5, max: 5 }), fc.double({ min: -1e12, max: 1e12, noNaN: true }), fc.constantFrom(0, -0, 1e-30, -1e-30, 3.4e38, -3.4e38));
    fc.assert(
      fc.property(fc.array(fc.array(value, { minLength: 7, maxLength: 7 }), { minLength: 1, maxLength: 120 }), (columns) => {
        // two rows of D draws each (row r, draw d at r·D + d)
        const D = columns.length;
        const bytes = new Uint8Array(2 * D * 3);
        columns.forEach((xs, d) => {
          packFloat24(bytes, d, xs[0]!);
          packFloat24(bytes, D + d, xs[1]! * xs[2]!);
        });
        const qs = [0.95, 0, 0.05, 0.5, 1, 0.25, 0.999];
        const out = new Float64Array(2 * (qs.length + 2));
        summarizeRows(bytes, D, 0, 2, qs, out);
        for (let r = 0; r < 2; r++) {
          const row = Float64Array.from({ length: D }, (_, d) => unpackFloat24(bytes, r * D + d));
          const sorted = Float64Array.from(row).sort();
          const o = r * (qs.length + 2);
          qs.forEach((q, k) => expect(out[o + k]).toBe(quantileSorted(sorted, q) + 0));
          expect(out[o + qs.length]).toBe(row.reduce((a, b) => a + b, 0) / D);
          expect(out[o + qs.length + 1]).toBe(row.filter((x) => x > 0).length / D);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('hand-computed quantiles of a small row', async () => {
    const { summarizeRows } = await import('../../src/analysis/montecarlo/summarize.ts');
    const { packFloat24 } = await import('../../src/analysis/montecarlo/packedFloat.ts');
    const xs = [40, -8, 0, 16, 4];
    const bytes = new Uint8Array(xs.length * 3);
    xs.forEach((x, d) => packFloat24(bytes, d, x));
    const out = new Float64Array(5);
    summarizeRows(bytes, xs.length, 0, 1, [0.5, 0.1, 0.875], out);
    // sorted −8, 0, 4, 16, 40: median 4; q0.1 at h = 0.4: −8 + 0.4·8 = −4.8; q0.875 at h = 3.5: 16 + 0.5·24 = 28
    expect([...out]).toEqual([4, -8 + 0.4 * 8, 28, 52 / 5, 3 / 5]);
  });
});

describe('24-bit storage of the gap draws', () => {
  it('round-trips to about 5 significant digits, keeps the sign, and rounds the same way every time', async () => {
    const { packFloat24, unpackFloat24 } = await import('../../src/analysis/montecarlo/packedFloat.ts');
    const fc = (await import('fast-check')).default;
    const bytes = new Uint8Array(3);
    fc.assert(
      fc.property(fc.oneof(fc.double({ min: 1e-3, max: 1e15, noNaN: true }), fc.double({ min: -1e15, max: -1e-3, noNaN: true })), (x) => {
        packFloat24(bytes, 0, x);
        const y = unpackFloat24(bytes, 0);
        expect(Math.abs(y - x)).toBeLessThanOrEqual(Math.abs(x) * 2 ** -16);
        if (x > 0) expect(y).toBeGreaterThan(0);
        if (x < 0) expect(y).toBeLessThan(0);
      }),
    );
    packFloat24(bytes, 0, 0);
    expect(unpackFloat24(bytes, 0)).toBe(0);
    packFloat24(bytes, 0, 1234567);
    expect(unpackFloat24(bytes, 0)).toBe(1234560);
  });
});
