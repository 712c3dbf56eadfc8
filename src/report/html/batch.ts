/**
 * Write a batch of HTML reports: the province pages (and an overview when there are
 * several), the comparison page, then one page per county in chunks, each chunk written
 * atomically (temp files, then renames), with progress for long batches.
 */
import { join } from 'node:path';
import { writeFilesAtomically, type OutputFile } from '../atomicWrite.ts';
import { createProgress } from '../progress.ts';
import { say } from '../../i18n/messageLang.ts';
import { comparisonReport, type ComparisonInput } from './comparisonReport.ts';
import type { ReportContext } from './context.ts';
import { countyReport } from './countyReport.ts';
import { overviewReport, provinceReport } from './provinceReport.ts';

export interface HtmlBatch {
  /** counties of each province page, in page order */
  readonly provinces: ReadonlyMap<string, readonly number[]>;
  /** counties that get a page of their own */
  readonly counties: readonly number[];
  readonly comparison?: ComparisonInput;
}

export interface BatchOptions {
  readonly quiet?: boolean;
  /** county pages written per atomic chunk (default 100) */
  readonly chunk?: number;
}

/** Writes the batch under `out`; returns the paths written. */
export function writeHtmlBatch(ctx: ReportContext, batch: HtmlBatch, out: string, options: BatchOptions = {}): string[] {
  const written: string[] = [];
  const write = (files: OutputFile[]): void => {
    if (!files.length) return;
    writeFilesAtomically(files);
    written.push(...files.map((f) => f.path));
  };
  const layout = ctx.layout;
  const first: OutputFile[] = [];
  for (const [code, members] of batch.provinces) {
    if (ctx.pages.provinces.has(code)) first.push({ path: join(out, layout.province(code)), content: provinceReport(ctx, code, members) });
  }
  if (ctx.pages.index) first.push({ path: join(out, layout.index()), content: overviewReport(ctx, batch.provinces) });
  if (batch.comparison) first.push({ path: join(out, layout.comparison(batch.comparison.baseName)), content: comparisonReport(ctx, batch.comparison) });
  write(first);
  if (batch.counties.length) {
    const progress = createProgress(batch.counties.length, say({ zh: '县级报告', en: 'county reports' }), { quiet: options.quiet === true });
    const size = options.chunk ?? 100;
    let chunk: OutputFile[] = [];
    for (const i of batch.counties) {
      const c = ctx.run.counties[i]!;
      chunk.push({ path: join(out, layout.county(c.code)), content: countyReport(ctx, i) });
      progress.tick(1, `${c.code} ${c.name}`);
      if (chunk.length >= size) {
        write(chunk);
        chunk = [];
      }
    }
    write(chunk);
    progress.stop();
  }
  return written;
}
