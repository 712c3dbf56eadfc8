/**
 * The reading of every .xlsx a command is given, before the command runs: exceljs is
 * asynchronous and loaded only then, and the loaders (synchronous) then find the workbook read.
 */
import type { Command } from 'commander';
import { isWorkbookPath, preloadWorkbook } from '../input/xlsxWorkbook.ts';

export function registerWorkbookPreload(program: Command): void {
  program.hook('preAction', async (_program, command) => {
    if (command.name() === 'template') return;
    const opts = command.opts<Record<string, unknown>>();
    // the arguments (scenarios of compare, schemes …) and the options that name input files
    const given: unknown[] = [...command.args, ...['scenario', 'compare', 'override'].flatMap((k) => (Array.isArray(opts[k]) ? (opts[k] as unknown[]) : [opts[k]]))];
    for (const v of given) if (typeof v === 'string' && isWorkbookPath(v)) await preloadWorkbook(v);
  });
}
