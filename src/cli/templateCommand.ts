/**
 * `fiscal-sim template [--out FILE]`: an Excel workbook to edit as a scenario (情景, 参数 and
 * 县级数据 sheets, layout in src/input/xlsxScenario.ts), which `run`, `compare` and `report` take
 * as `--scenario file.xlsx`, and whose 县级数据 sheet `--override` takes.
 * (Every .xlsx a command is given is read before it runs: workbookPreload.ts.)
 */
import type { Lang } from '../i18n/lang.ts';
import { inLang } from '../i18n/text.ts';
import { CLI_TEXT } from './cliText.ts';
import type { Command } from 'commander';
import { DEFAULT_DATA_DIR } from '../input/bundledPaths.ts';
import type { TemplateOptions } from './templateWorkbook.ts';

export function registerTemplateCommand(program: Command, lang: Lang): void {
  const m = inLang(CLI_TEXT, lang);
  program
    .command('template')
    .description(m.templateDescription)
    .option('--out <file>', m.templateOptOut, 'fiscal-sim-template.xlsx')
    .option('--counties <file>', m.templateOptCounties)
    .option('--province <province>', m.templateOptProvince)
    .option('--data <dir>', m.paramsOptData, DEFAULT_DATA_DIR)
    // the workbook's code and the data it reads are loaded when the command runs, so that --help does not wait for them
    .action(async (opts: TemplateOptions) => (await import('./templateWorkbook.ts')).writeTemplate(opts, m));
}
