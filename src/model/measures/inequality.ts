/**
 * Inequality measures over counties, unweighted or population-weighted (MODEL.md §6).
 * Floating point: these are analytic figures, not money.
 */

export interface TheilDecomposition {
  readonly total: number;
  readonly between: number;
  readonly within: number;
}

function checkInput(values: readonly number[], weights: readonly number[]): void {
  if (values.length !== weights.length) throw new RangeError('values and weights differ in length');
  for (const w of weights) if (!(w >= 0)) throw new RangeError(`weight ${w} is negative or not a number`);
}

function unitWeights(values: readonly number[], weights?: readonly number[]): readonly number[] {
  const w = weights ?? values.map(() => 1);
  checkInput(values, w);
  return w;
}

function weightedMean(values: readonly number[], weights: readonly number[]): number {
  let sw = 0, sx = 0;
  values.forEach((x, i) => { sw += weights[i]!; sx += weights[i]! * x; });
  return sx / sw;
}

/** Lorenz curve points (cumulative population share, cumulative value share), starting at (0,0). */
export function lorenzCurve(values: readonly number[], weights?: readonly number[]): Array<[number, number]> {
  const w = unitWeights(values, weights);
  const order = values.map((_, i) => i).sort((a, b) => values[a]! - values[b]!);
  const totalW = w.reduce((a, b) => a + b, 0);
  const totalX = values.reduce((a, x, i) => a + x * w[i]!, 0);
  const points: Array<[number, number]> = [[0, 0]];
  let cw = 0, cx = 0;
  for (const i of order) {
    cw += w[i]!;
    cx += values[i]! * w[i]!;
    points.push([cw / totalW, cx / totalX]);
  }
  return points;
}

/** Gini coefficient: 1 − Σ p_i (L_{i−1} + L_i) over the Lorenz curve. */
export function gini(values: readonly number[], weights?: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const points = lorenzCurve(values, weights);
  let area = 0;
  for (let k = 1; k < points.length; k++) {
    const [p0, l0] = points[k - 1]!;
    const [p1, l1] = points[k]!;
    area += (p1 - p0) * (l0 + l1);
  }
  return 1 - area;
}

/** Theil T index (GE(1)) with its between/within decomposition over the given groups. */
export function theil(values: readonly number[], groups: readonly string[], weights?: readonly number[]): TheilDecomposition {
  const w = unitWeights(values, weights);
  if (groups.length !== values.length) throw new RangeError('values and groups differ in length');
  if (values.some((x) => x < 0)) return { total: Number.NaN, between: Number.NaN, within: Number.NaN };
  const mu = weightedMean(values, w);
  const totalW = w.reduce((a, b) => a + b, 0);
  const term = (x: number, m: number): number => (x > 0 ? (x / m) * Math.log(x / m) : 0);
  let total = 0;
  values.forEach((x, i) => (total += (w[i]! / totalW) * term(x, mu)));
  const byGroup = new Map<string, number[]>();
  groups.forEach((g, i) => (byGroup.get(g) ?? byGroup.set(g, []).get(g)!).push(i));
  let between = 0, within = 0;
  for (const members of byGroup.values()) {
    const gw = members.reduce((a, i) => a + w[i]!, 0);
    const gx = members.reduce((a, i) => a + w[i]! * values[i]!, 0);
    const gm = gx / gw;
    const incomeShare = gx / (mu * totalW);
    if (gm > 0) between += incomeShare * Math.log(gm / mu);
    let tg = 0;
    for (const i of members) tg += (w[i]! / gw) * term(values[i]!, gm);
    within += incomeShare * tg;
  }
  return { total, between, within };
}

/** Coefficient of variation: standard deviation ÷ mean. */
export function coefficientOfVariation(values: readonly number[], weights?: readonly number[]): number {
  const w = unitWeights(values, weights);
  const mu = weightedMean(values, w);
  const totalW = w.reduce((a, b) => a + b, 0);
  let v = 0;
  values.forEach((x, i) => (v += (w[i]! / totalW) * (x - mu) ** 2));
  return Math.sqrt(v) / mu;
}

/** Highest ÷ lowest value (NaN when the lowest is not positive). */
export function maxMinRatio(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const min = Math.min(...values);
  return min > 0 ? Math.max(...values) / min : Number.NaN;
}

/** Mean of the top tenth ÷ mean of the bottom tenth (of units, or of population when weighted). */
export function decileRatio(values: readonly number[], weights?: readonly number[]): number {
  const w = unitWeights(values, weights);
  const order = values.map((_, i) => i).sort((a, b) => values[a]! - values[b]!);
  const totalW = w.reduce((a, b) => a + b, 0);
  const tail = (ids: number[]): number => {
    let need = totalW / 10, sw = 0, sx = 0;
    for (const i of ids) {
      if (need <= 0) break;
      const take = Math.min(need, w[i]!);
      sw += take;
      sx += take * values[i]!;
      need -= take;
    }
    return sx / sw;
  };
  const bottom = tail(order);
  const top = tail([...order].reverse());
  return bottom > 0 ? top / bottom : Number.NaN;
}

export interface InequalitySummary {
  readonly gini: number;
  readonly theil: TheilDecomposition;
  readonly cv: number;
  readonly maxMin: number;
  readonly decileRatio: number;
  readonly mean: number;
}

export function inequalitySummary(values: readonly number[], groups: readonly string[], weights?: readonly number[]): InequalitySummary {
  const w = unitWeights(values, weights);
  return {
    gini: gini(values, w),
    theil: theil(values, groups, w),
    cv: coefficientOfVariation(values, w),
    maxMin: maxMinRatio(values),
    decileRatio: decileRatio(values, w),
    mean: weightedMean(values, w),
  };
}
