/**
 * The fiscal-sim command line. Commands load and validate input, call the model, and hand
 * tables to writers; no figure is computed here.
 */
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { registerRunCommand } from './runCommand.ts';
import { registerExplainCommand } from './explainCommand.ts';
import { registerCompareCommand } from './compareCommand.ts';
import { registerParamsCommand } from './paramsCommand.ts';
import { registerMontecarloCommand } from './montecarloCommand.ts';
import { registerSchemesCommand } from './schemesCommand.ts';
import { registerSweepCommand } from './sweepCommand.ts';
import { registerReportCommand } from './reportCommand.ts';
import { registerValidateCommand } from './validateCommand.ts';

/** fiscal-sim's version, from package.json (two folders up, from src/cli/ or dist/cli/). */
export function packageVersion(): string {
  const pkg: unknown = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  return pkg && typeof pkg === 'object' && 'version' in pkg && typeof pkg.version === 'string' ? pkg.version : 'unknown';
}

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('fiscal-sim')
    .version(packageVersion(), '-V, --version', 'print the version / 显示版本号')
    // commander throws instead of exiting, so that output is flushed before the program ends (runCli)
    .exitOverride()
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
  return program;
}

/**
 * Error classes that are the user's input, not a defect: printed as they are, exit code 2.
 * Their modules are loaded here, after the fact, so that the program does not load them to
 * start (the command that threw has loaded them already).
 */
async function userError(e: unknown): Promise<string | undefined> {
  const { InputError } = await import('../input/inputError.ts');
  const { ResolutionError } = await import('../scenarios/resolveYear.ts');
  const { ProjectionError } = await import('../scenarios/projection.ts');
  const { FormulaError } = await import('../scenarios/formula.ts');
  const { MoneyOverflowError } = await import('../model/money.ts');
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
    if (e instanceof Error && 'code' in e && typeof e.code === 'string' && e.code.startsWith('commander.')) {
      return 'exitCode' in e && typeof e.exitCode === 'number' ? e.exitCode : 1;
    }
    const message = await userError(e);
    if (message !== undefined) {
      process.stderr.write(`fiscal-sim: ${message}\nNothing was written. / 未写出任何文件。\n`);
      if (debug && e instanceof Error) process.stderr.write(`${e.stack ?? ''}\n`);
      return 2;
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

/**
 * Run as the program: the exit code once everything written to stdout and stderr has reached
 * its reader. Exiting before that loses whatever the pipe had not taken (64 KiB on Linux:
 * `explain … | wc -c`). A reader that stops early (`… | head -1`) ends the output quietly.
 */
export async function runCli(argv: string[]): Promise<void> {
  for (const stream of [process.stdout, process.stderr]) stream.on('error', ignoreClosedReader);
  let code: number;
  try {
    code = await main(argv);
  } catch (e) {
    reportUnexpected(e, argv.includes('--debug'));
    code = 1;
  }
  process.exitCode = code;
  await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
  // a handle left open by a library (a timer, a worker) must not keep the finished program alive
  process.exit(code);
}

/** A reader that has gone away (EPIPE) is not an error of the command; any other is. */
function ignoreClosedReader(e: NodeJS.ErrnoException): void {
  if (e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED') return;
  throw e;
}

/** Resolves when everything written to the stream before now has been handed to the system. */
function flushed(stream: NodeJS.WriteStream): Promise<void> {
  if (stream.destroyed || !stream.writable) return Promise.resolve();
  return new Promise((resolve) => stream.write('', () => resolve()));
}

const isEntry = process.argv[1] !== undefined && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isEntry) await runCli(process.argv);
