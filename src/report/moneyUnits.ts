/**
 * Money in the units a finance office prints: 元, 万元 (10,000 yuan) or 亿元 (100 million
 * yuan), from exact integer fen. The one place where a display unit is chosen and rounded
 * (CSV, workbook; the HTML pages may reuse it).
 *
 * Rounding: to the unit's two decimals (0.01 元 = 1 fen, 0.01 万元 = 100 yuan, 0.01 亿元 =
 * 1 million yuan), half away from zero, by integer arithmetic on fen (no floating-point
 * amount is rounded). Where a total is printed under its parts, `apportionToUnit` rounds the
 * total once and shares the rounding among the parts by largest remainder (调整尾差), so the
 * printed parts add up to the printed total. The exact yuan-to-the-fen columns are always
 * kept beside the display columns.
 */

export const MONEY_UNITS = ['yuan', 'wan', 'yi'] as const;
export type MoneyUnit = (typeof MONEY_UNITS)[number];

export interface MoneyUnitInfo {
  /** fen in one unit */
  readonly fenPerUnit: number;
  /** decimals printed */
  readonly decimals: number;
  readonly zh: string;
  readonly en: string;
  /** suffix of display columns in CSV (counties.csv: gap → gap_wan) */
  readonly suffix: string;
}

export const MONEY_UNIT_INFO: Readonly<Record<MoneyUnit, MoneyUnitInfo>> = {
  yuan: { fenPerUnit: 100, decimals: 2, zh: '元', en: 'yuan', suffix: '_yuan' },
  wan: { fenPerUnit: 1_000_000, decimals: 2, zh: '万元', en: '10,000 yuan', suffix: '_wan' },
  yi: { fenPerUnit: 10_000_000_000, decimals: 2, zh: '亿元', en: '100 million yuan', suffix: '_yi' },
};

const NAMES: Readonly<Record<string, MoneyUnit>> = { yuan: 'yuan', '元': 'yuan', wan: 'wan', '万': 'wan', '万元': 'wan', yi: 'yi', '亿': 'yi', '亿元': 'yi' };

/** The unit a user names: yuan|wan|yi or 元|万元|亿元 (万, 亿); undefined when it is none of them. */
export function parseMoneyUnit(name: string): MoneyUnit | undefined {
  return NAMES[name.trim().toLowerCase()];
}

/** fen in one printed step of the unit (0.01 万元 = 10,000 fen). */
export function stepFen(unit: MoneyUnit): number {
  const u = MONEY_UNIT_INFO[unit];
  return u.fenPerUnit / 10 ** u.decimals;
}

/** Exact integer quotient and remainder of two non-negative safe integers (the double division corrected). */
function divmod(a: number, b: number): [number, number] {
  let q = Math.floor(a / b);
  let r = a - q * b;
  while (r < 0) {
    q -= 1;
    r += b;
  }
  while (r >= b) {
    q += 1;
    r -= b;
  }
  return [q, r];
}

/** fen rounded to whole steps of the unit, half away from zero (an integer count of steps). */
export function fenToSteps(fen: number, unit: MoneyUnit): number {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`${fen} is not an exact number of fen`);
  const step = stepFen(unit);
  const [q, r] = divmod(Math.abs(fen), step);
  const steps = 2 * r >= step ? q + 1 : q;
  return fen < 0 ? 0 - steps : steps; // 0 − 0 is +0, never −0
}

/** A count of steps as text with the unit's decimals ("-1234.50"). */
export function stepsText(steps: number, unit: MoneyUnit): string {
  const d = MONEY_UNIT_INFO[unit].decimals;
  const abs = Math.abs(steps);
  const [whole, frac] = divmod(abs, 10 ** d);
  return `${steps < 0 ? '-' : ''}${whole}${d ? `.${String(frac).padStart(d, '0')}` : ''}`;
}

/** fen as text in the unit, rounded half away from zero (1234567 fen → "1.23" 万元). */
export function fenToUnitText(fen: number, unit: MoneyUnit): string {
  return stepsText(fenToSteps(fen, unit), unit);
}

/** fen as a number in the unit, rounded as fenToUnitText (for spreadsheet cells). */
export function fenToUnitNumber(fen: number, unit: MoneyUnit): number {
  return Number(fenToUnitText(fen, unit));
}

/**
 * Parts and their total in whole steps of the unit such that the parts add up to the total:
 * the total is the exact sum rounded half away from zero; each part is its floor plus one
 * step for the parts with the largest remainders (ties to the earlier part) until the sum
 * matches. Every part is then within one step of its exact value.
 */
export function apportionToUnit(partsFen: readonly number[], unit: MoneyUnit): { parts: number[]; total: number } {
  const step = stepFen(unit);
  let sum = 0;
  const parts: number[] = [];
  const rema: number[] = [];
  for (const fen of partsFen) {
    if (!Number.isSafeInteger(fen)) throw new RangeError(`${fen} is not an exact number of fen`);
    sum += fen;
    // floor toward −∞ with a remainder in [0, step)
    const [q, r] = fen >= 0 ? divmod(fen, step) : ((): [number, number] => {
      const [qa, ra] = divmod(-fen, step);
      return ra === 0 ? [0 - qa, 0] : [-qa - 1, step - ra];
    })();
    parts.push(q);
    rema.push(r);
  }
  if (!Number.isSafeInteger(sum)) throw new RangeError(`the sum ${sum} is not an exact number of fen`);
  const total = fenToSteps(sum, unit);
  // Σ floors ≤ floor(sum / step) ≤ total ≤ Σ floors + number of parts, so 0 ≤ extra ≤ parts
  let extra = total - parts.reduce((a, b) => a + b, 0);
  const order = rema.map((_, i) => i).sort((a, b) => rema[b]! - rema[a]! || a - b);
  for (let k = 0; extra > 0 && k < order.length; k++, extra--) parts[order[k]!]! += 1;
  return { parts, total };
}
