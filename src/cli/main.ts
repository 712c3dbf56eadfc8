/**
 * The fiscal-sim command line. Commands load and validate input, call the model, and hand
 * tables to writers; no figure is computed here.
 */
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { registerWorkbookPreload } from './workbookPreload.ts';
import { chooseLang, type Lang } from '../i18n/lang.ts';
import { inLang } from '../i18n/text.ts';
import { CLI_TEXT } from './cliText.ts';
import { commanderError, helpConfiguration } from './commanderText.ts';
import { setMessageLang } from '../i18n/messageLang.ts';

/** fiscal-sim's version, from package.json (two folders up, from src/cli/ or dist/cli/). */
export function packageVersion(): string {
  const pkg: unknown = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  return pkg && typeof pkg === 'object' && 'version' in pkg && typeof pkg.version === 'string' ? pkg.version : 'unknown';
}

type Register = (program: Command, lang: Lang) => void;

/**
 * Every command, in the order help lists them, each module loaded only when asked for: a
 * command's module and what it imports are loaded only when that command runs, or help lists
 * them all (`explain` then starts without the parsers and writers of the other commands).
 */
const COMMANDS: Readonly<Record<string, () => Promise<Register>>> = {
  run: async () => (await import('./runCommand.ts')).registerRunCommand,
  explain: async () => (await import('./explainCommand.ts')).registerExplainCommand,
  compare: async () => (await import('./compareCommand.ts')).registerCompareCommand,
  params: async () => (await import('./paramsCommand.ts')).registerParamsCommand,
  schemes: async () => (await import('./schemesCommand.ts')).registerSchemesCommand,
  sweep: async () => (await import('./sweepCommand.ts')).registerSweepCommand,
  montecarlo: async () => (await import('./montecarloCommand.ts')).registerMontecarloCommand,
  report: async () => (await import('./reportCommand.ts')).registerReportCommand,
  validate: async () => (await import('./validateCommand.ts')).registerValidateCommand,
  template: async () => (await import('./templateCommand.ts')).registerTemplateCommand,
};

/**
 * The command a command line runs: its first word that is not an option (nor --lang's value),
 * when it names a command; undefined for help, an unknown word or none (every command is then
 * registered, so that help lists them and a mistyped name gets its suggestion).
 */
export function commandOf(args: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--lang') i++;
    else if (!a.startsWith('-')) return a in COMMANDS ? a : undefined;
  }
  return undefined;
}

/**
 * The program, its help in `lang` (chosen from the command line and environment before the
 * program is built, so that the help itself is in the reader's language). `--lang` is a global
 * option: it is accepted before or after the command name on every command. With `only`, the
 * command of that name alone (see commandOf).
 */
export async function buildProgram(lang: Lang = chooseLang(process.argv, process.env).lang, only?: string): Promise<Command> {
  const m = inLang(CLI_TEXT, lang);
  const program = new Command();
  program
    .name('fiscal-sim')
    .description(m.program)
    .configureHelp(helpConfiguration(lang))
    .helpOption('-h, --help', m.optHelp)
    .helpCommand('help [command]', m.helpCommand)
    .option('--lang <lang>', m.optLang)
    .version(packageVersion(), '-V, --version', m.optVersion)
    // commander throws instead of exiting, so that output is flushed before the program ends (runCli)
    .exitOverride()
    .showHelpAfterError()
    .addHelpText('after', m.debugHint)
    .configureOutput({ writeErr: (s) => process.stderr.write(s), outputError: (s, write) => write(commanderError(s, lang)) });
  for (const name of only !== undefined && only in COMMANDS ? [only] : Object.keys(COMMANDS)) (await COMMANDS[name]!())(program, lang);
  registerWorkbookPreload(program);
  return program;
}

/**
 * Error classes that are the user's input, not a defect: printed as they are, exit code 2.
 * Their modules are loaded here, after the fact, so that the program does not load them to
 * start (the command that threw has loaded them already).
 */
async function userError(e: unknown, lang: Lang): Promise<string | undefined> {
  const { InputError } = await import('../input/inputError.ts');
  const { ResolutionError } = await import('../scenarios/resolveYear.ts');
  const { ProjectionError } = await import('../scenarios/projection.ts');
  const { FormulaError } = await import('../scenarios/formula.ts');
  const { MoneyOverflowError } = await import('../model/money.ts');
  if (e instanceof InputError || e instanceof ResolutionError || e instanceof ProjectionError || e instanceof FormulaError) return e.message;
  if (e instanceof MoneyOverflowError) return inLang(CLI_TEXT, lang).tooLarge(e.message);
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
  const choice = chooseLang(args.slice(2), process.env);
  const lang = choice.lang;
  setMessageLang(lang);
  if (choice.problem !== undefined) {
    process.stderr.write(`fiscal-sim: ${choice.problem}\n`);
    return 2;
  }
  try {
    await (await buildProgram(lang, commandOf(args.slice(2)))).parseAsync(args);
    // a command that found a problem it reports itself (validate) sets the exit code
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    if (e instanceof Error && 'code' in e && typeof e.code === 'string' && e.code.startsWith('commander.')) {
      return 'exitCode' in e && typeof e.exitCode === 'number' ? e.exitCode : 1;
    }
    const message = await userError(e, lang);
    if (message !== undefined) {
      process.stderr.write(`fiscal-sim: ${message}\n${inLang(CLI_TEXT, lang).nothingWritten}\n`);
      if (debug && e instanceof Error) process.stderr.write(`${e.stack ?? ''}\n`);
      return 2;
    }
    reportUnexpected(e, debug, lang);
    return 1;
  }
}

/** One line for an error that is fiscal-sim's fault; the trace only with --debug. */
function reportUnexpected(e: unknown, debug: boolean, lang: Lang): void {
  const what = e instanceof Error ? `${e.name}: ${e.message.split('\n')[0]}` : String(e).split('\n')[0]!;
  process.stderr.write(`fiscal-sim: ${inLang(CLI_TEXT, lang).unexpected(what, debug)}\n`);
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
    reportUnexpected(e, argv.includes('--debug'), chooseLang(argv, process.env).lang);
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
