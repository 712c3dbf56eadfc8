/**
 * items.csv written as bytes straight from the item table's typed columns: the same bytes as
 * forEachItemLine's lines (itemLines.ts), without a string per line or per amount. Each
 * county's and each item's fixed text is encoded once (per year) and copied; amounts in fen
 * are written as digits by integer arithmetic. On the national five-year run this part of
 * the output made about 40 million short strings (a line and seven amounts per row), whose
 * garbage collection and encoding took longer than computing the figures.
 */
import { assertFen } from '../../model/money.ts';
import { valueFor } from '../../model/parameters.ts';
import type { YearRun } from '../../simulation/runSimulation.ts';
import { csvField } from '../csv.ts';
import { fenToUnitText, type MoneyUnit } from '../moneyUnits.ts';
import type { ChunkedTextWriter } from './chunkedWriter.ts';
import { wholeYuan } from './moneyText.ts';

const COMMA = 0x2c;
const NEWLINE = 0x0a;
const MINUS = 0x2d;
const DOT = 0x2e;
const ZERO = 0x30;

/** The money columns of a row, in ITEM_MONEY_COLUMNS order. */
const MONEY = ['costFen', 'centralFen', 'provincialFen', 'prefectureFen', 'countyFen', 'specialFen', 'retainedFen'] as const;

/** Bytes an amount in fen takes at most as yuan text: sign, 14 digits, point, 2 decimals. */
const MAX_AMOUNT_BYTES = 18;

/**
 * Writes `fen` as yuan with two decimals ("-1234.50", as fenText) into `buf` at `at`; returns
 * the end. Throws unless `fen` is a safe integer.
 */
export function putFen(buf: Buffer, at: number, fen: number): number {
  if (!Number.isSafeInteger(fen)) assertFen(fen, 'amount');
  const abs = fen < 0 ? -fen : fen;
  if (fen < 0) buf[at++] = MINUS;
  // yuan and cents: the exact integer quotient and remainder
  const yuan = wholeYuan(abs);
  const cents = abs - yuan * 100;
  let end: number;
  if (yuan <= 0x7fffffff) {
    // small-integer arithmetic (nearly every amount: under 2.1 billion yuan)
    let v = yuan | 0;
    end = at + (v < 10 ? 1 : v < 100 ? 2 : v < 1000 ? 3 : v < 10000 ? 4 : v < 100000 ? 5 : v < 1000000 ? 6 : v < 10000000 ? 7 : v < 100000000 ? 8 : v < 1000000000 ? 9 : 10);
    for (let i = end - 1; i >= at; i--) {
      const q = (v / 10) | 0;
      buf[i] = ZERO + (v - q * 10);
      v = q;
    }
  } else {
    // digits as text (exact for every safe integer)
    end = at + buf.write(String(yuan), at, 'latin1');
  }
  const tens = (cents / 10) | 0;
  buf[end++] = DOT;
  buf[end++] = ZERO + tens;
  buf[end++] = ZERO + (cents - tens * 10);
  return end;
}

/** Writes text known to be ASCII (a number's text) into `buf` at `at`; returns the end. */
function putAscii(buf: Buffer, at: number, text: string): number {
  for (let i = 0; i < text.length; i++) buf[at++] = text.charCodeAt(i);
  return at;
}

/** Whether every character of `text` is ASCII. */
function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

/**
 * Writes the items.csv lines (ITEM_COLUMNS order, each ending in LF) of the selected counties,
 * in county then catalog order, to `out`; returns the number of lines. With a display unit
 * (万元, 亿元) the money columns follow again in that unit.
 */
export function writeItemLines(run: YearRun, selected: ReadonlySet<number>, out: ChunkedTextWriter, unit?: MoneyUnit): number {
  const items = run.result.items;
  const per = items.itemsPerCounty;
  const params = run.params.items;
  const year = csvField(String(run.year));
  const middle = params.map((p) => Buffer.from(`${year},${csvField(p.id)},${csvField(p.nameZh)},${csvField(p.domain)},${csvField(p.driver)},`, 'utf8'));
  const tail = params.map((p) => Buffer.from(`,${csvField(p.rule.id)}`, 'utf8'));
  const fixedStandard = params.map((p) => (typeof p.annualStandard === 'number' ? csvField(String(p.annualStandard)) : undefined));
  const columns = MONEY.map((c) => items.columns[c]);
  const { beneficiaries } = items.columns;
  const display = unit && unit !== 'yuan' ? unit : undefined;
  const selectedInOrder = [...selected].filter((ci) => ci >= 0 && ci < items.countyCount).sort((a, b) => a - b);
  let lines = 0;
  for (const ci of selectedInOrder) {
    const c = run.counties[ci]!;
    const head = Buffer.from(`${csvField(c.code)},${csvField(c.name)},`, 'utf8');
    const costIndex = Buffer.from(`,${csvField(String(c.costIndex))}`, 'utf8');
    for (let i = 0, k = ci * per; i < per; i++, k++) {
      const standard = fixedStandard[i] ?? csvField(String(valueFor(params[i]!.annualStandard, c)));
      // numbers' text: ASCII, one byte a character
      const people = csvField(beneficiaries[k]!.toFixed(2));
      const mid = middle[i]!;
      const end = tail[i]!;
      // text pieces: at most 3 bytes a UTF-16 unit
      const most = head.length + mid.length + end.length + costIndex.length + 3 * (people.length + standard.length) + 1 + MONEY.length * (MAX_AMOUNT_BYTES + 1) + 1;
      const extra = display ? MONEY.map((m) => fenToUnitText(items.columns[m][k]!, display)) : undefined;
      const extraBytes = extra ? extra.reduce((a, t) => a + 3 * t.length + 1, 0) : 0;
      const { buffer: buf, at } = out.room(most + extraBytes);
      let o = at;
      o += head.copy(buf, o);
      o += mid.copy(buf, o);
      o = isAscii(people) ? putAscii(buf, o, people) : o + buf.write(people, o, 'utf8');
      buf[o++] = COMMA;
      o = isAscii(standard) ? putAscii(buf, o, standard) : o + buf.write(standard, o, 'utf8');
      o += costIndex.copy(buf, o);
      for (let m = 0; m < columns.length; m++) {
        buf[o++] = COMMA;
        o = putFen(buf, o, columns[m]![k]!);
      }
      o += end.copy(buf, o);
      if (extra) {
        for (const t of extra) {
          buf[o++] = COMMA;
          o += buf.write(t, o, 'utf8');
        }
      }
      buf[o++] = NEWLINE;
      out.advance(o);
      lines++;
    }
  }
  return lines;
}
