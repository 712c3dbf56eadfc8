/**
 * The fiscal-sim command line. Commands load and validate input, call the model, and hand
 * tables to writers; no figure is computed here.
 */
import { Command } from 'commander';
import { InputError } from '../input/inputError.ts';
import { registerRunCommand } from './runCommand.ts';
import { registerExplainCommand } from './explainCommand.ts';
import { registerCompareCommand } from './compareCommand.ts';
import { registerParamsCommand } from './paramsCommand.ts';
import { registerMontecarloCommand } from './montecarloCommand.ts';
import { registerSchemesCommand } from './schemesCommand.ts';
import { registerSweepCommand } from './sweepCommand.ts';
import { registerReportCommand } from './reportCommand.ts';
import { registerValidateCommand } from './validateCommand.ts';
import { registerTemplateCommand } from './templateCommand.ts';
import { ResolutionError } from '../scenarios/resolveYear.ts';
import { ProjectionError } from '../scenarios/projection.ts';
import { FormulaError } from '../scenarios/formula.ts';
import { MoneyOverflowError } from '../model/money.ts';

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('fiscal-sim')
    .description("Who pays for basic public services in China's counties: cost sharing, transfers and each county's financing gap.")
    .showHelpAfterError()
    .addHelpText('after', '\nAdd --debug to any command to print the stack trace of an unexpected error. / 加 --debug 可显示内部错误的调用栈。')
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  registerRunCommand(program);
  registerExplainCommand(program);
  registerCompareCommand(program);
  registerParamsCommand(program);
  registerSchemesCommand(program);
  registerSweepCommand(program);
  registerMontecarloCommand(program);
  registerReportCommand(program);
  registerValidateCommand(program);
  registerTemplateCommand(program);
  return program;
}

/** Error classes that are the user's input, not a defect: printed as they are, exit code 2. */
function userError(e: unknown): string | undefined {
  if (e instanceof InputError || e instanceof ResolutionError || e instanceof ProjectionError || e instanceof FormulaError) return e.message;
  if (e instanceof MoneyOverflowError) {
    return `an amount is too large to compute exactly / 金额过大，无法精确计算:\n  ${e.message}\n  Check the standards, amounts, populations and years given (see "Limits" in the README).`;
  }
  return undefined;
}

/**
 * Run the command line. Every failure reaching the user is one path: an input problem prints
 * its file, place and reason (exit 2, nothing written); an unexpected error prints one line
 * asking to report it (exit 1), and its stack trace only with --debug.
 */
export async function main(argv: string[]): Promise<number> {
  const debug = argv.includes('--debug');
  const args = argv.filter((a) => a !== '--debug');
  try {
    await buildProgram().parseAsync(args);
    // a command that found a problem it reports itself (validate) sets the exit code
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    const message = userError(e);
    if (message !== undefined) {
      process.stderr.write(`fiscal-sim: ${message}\nNothing was written. / 未写出任何文件。\n`);
      if (debug && e instanceof Error) process.stderr.write(`${e.stack ?? ''}\n`);
      return 2;
    }
    if (e instanceof Error && 'code' in e && typeof e.code === 'string' && e.code.startsWith('commander.')) {
      return 'exitCode' in e && typeof e.exitCode === 'number' ? e.exitCode : 1;
    }
    reportUnexpected(e, debug);
    return 1;
  }
}

/** One line for an error that is fiscal-sim's fault; the trace only with --debug. */
function reportUnexpected(e: unknown, debug: boolean): void {
  const what = e instanceof Error ? `${e.name}: ${e.message.split('\n')[0]}` : String(e).split('\n')[0];
  process.stderr.write(`fiscal-sim: unexpected error (${what}). This is a bug in fiscal-sim: please report it with the command you ran${debug ? '' : ', and run it again with --debug for the details'}. / 程序内部错误，请报告此问题。\n`);
  if (debug) process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
}

const isEntry = process.argv[1] !== undefined && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isEntry) {
  main(process.argv).then((code) => process.exit(code), (e: unknown) => {
    reportUnexpected(e, process.argv.includes('--debug'));
    process.exit(1);
  });
}
