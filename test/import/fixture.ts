/** Loads the census import fixture (test/fixtures/census) as pipeline sources. */
import { readFileSync } from 'node:fs';
import type { SourceText, Sources } from '../../src/import/pipeline.ts';

export const FIXTURE_DIR = new URL('../fixtures/census/', import.meta.url);

export function fixtureText(file: string): SourceText {
  return { name: file, text: readFileSync(new URL(file, FIXTURE_DIR), 'utf8') };
}

export function fixtureSources(overrides: Partial<Sources> = {}): Sources {
  return {
    census: fixtureText('census.csv'),
    adminCodes: fixtureText('admin_codes.tsv'),
    crosswalk: fixtureText('admin_code_changes.csv'),
    expenditure: fixtureText('expenditure.csv'),
    poverty: fixtureText('poverty.csv'),
    provinces: fixtureText('provinces.yaml'),
    budget: fixtureText('budget.yaml'),
    countyCodes: fixtureText('county_codes.csv'),
    ...overrides,
  };
}

/** Replace one line of a source text (1-based, the header is line 1). */
export function editLine(src: SourceText, line: number, edit: (text: string) => string): SourceText {
  const lines = src.text.split(/\r?\n/);
  lines[line - 1] = edit(lines[line - 1]!);
  return { ...src, text: lines.join('\n') };
}
