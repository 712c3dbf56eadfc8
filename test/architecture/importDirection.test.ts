/**
 * Imports run one way (ARCHITECTURE.md, the developers' guide): cli → analysis/report → tables →
 * simulation → scenarios → input → model, with the bilingual text (i18n) beneath them all. The
 * model owns its types, so it imports nothing above it; the input layer turns files into the
 * model's types. A file may import its own layer or any layer below it, never one above.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../../src');

/** rank of each top-level folder of src/: higher may import lower or equal, never higher */
const RANK: Readonly<Record<string, number>> = {
  i18n: 0,
  model: 1,
  input: 2,
  scenarios: 3,
  simulation: 4,
  tables: 5,
  analysis: 6,
  report: 6,
  import: 6,
  cli: 7,
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return e.name.endsWith('.ts') ? [p] : [];
  });
}

/** the relative module specifiers a file imports, statically or dynamically */
function importedSpecifiers(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(?:^|[\s;])(?:import|export)\s[^'"`;]*?from\s+'(\.[^']+)'/gm)) out.push(m[1]!);
  for (const m of text.matchAll(/\bimport\(\s*'(\.[^']+)'\s*\)/g)) out.push(m[1]!);
  return out;
}

function layerOf(file: string): string {
  return relative(SRC, file).split(sep)[0]!;
}

function violations(): string[] {
  const bad: string[] = [];
  for (const file of sourceFiles(SRC)) {
    const from = layerOf(file);
    for (const spec of importedSpecifiers(readFileSync(file, 'utf8'))) {
      const target = resolve(dirname(file), spec);
      if (!target.startsWith(SRC + sep)) continue;
      const to = layerOf(target);
      if (RANK[from] === undefined || RANK[to] === undefined) bad.push(`${relative(SRC, file)} → ${spec}: folder without a layer`);
      else if (RANK[to] > RANK[from]) bad.push(`${relative(SRC, file)} (${from}) imports ${relative(SRC, target)} (${to})`);
    }
  }
  return bad.sort();
}

describe('import direction', () => {
  it('finds static, re-exported and dynamic imports (so the check below can fail)', () => {
    const text = [
      "import { a } from '../model/x.ts';",
      "import type { B } from '../input/y.ts';",
      "export { c } from './z.ts';",
      "const m = await import('../cli/w.ts');",
      "import { readFileSync } from 'node:fs';",
    ].join('\n');
    expect(importedSpecifiers(text)).toEqual(['../model/x.ts', '../input/y.ts', './z.ts', '../cli/w.ts']);
  });

  it('every src/ folder is a layer and no file imports a layer above its own', () => {
    expect(violations()).toEqual(KNOWN);
  });
});

/** back-edges still to mend (each names the file); empty when the layers are clean */
const KNOWN: readonly string[] = [];
