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
import { chooseLang, type Lang } from '../i18n/lang.ts';
import { inLang } from '../i18n/text.ts';
import { CLI_TEXT } from './cliText.ts';

/**
 * The program, its help in `lang` (chosen from the command line and environment before the
 * program is built, so that the help itself is in the reader's language). `--lang` is a global
 * option: it is accepted before or after the command name on every command.
 */
export function buildProgram(lang: Lang = chooseLang(process.argv, process.env).lang): Command {
  const m = inLang(CLI_TEXT, lang);
  const titles: Readonly<Record<string, string>> = { 'Usage:': m.titleUsage, 'Options:': m.titleOptions, 'Commands:': m.titleCommands, 'Arguments:': m.titleArguments, 'Global Options:': m.titleGlobalOptions };
  const program = new Command();
  program
    .name('fiscal-sim')
    .description(m.program)
    .configureHelp({ styleTitle: (s) => titles[s] ?? s })
    .helpOption('-h, --help', m.optHelp)
    .helpCommand('help [command]', m.helpCommand)
    .option('--lang <lang>', m.optLang)
    .showHelpAfterError()
    .addHelpText('after', m.debugHint)
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  registerRunCommand(program, lang);
  registerExplainCommand(program, lang);
  registerCompareCommand(program, lang);
  registerParamsCommand(program, lang);
  registerSchemesCommand(program, lang);
  registerSweepCommand(program, lang);
  registerMontecarloCommand(program, lang);
  registerReportCommand(program, lang);
  registerValidateCommand(program, lang);
  registerTemplateCommand(program, lang);
  return program;
}

/** Error classes that are the user's input, not a defect: printed as they are, exit code 2. */
function userError(e: unknown, lang: Lang): string | undefined {
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
  if (choice.problem !== undefined) {
    process.stderr.write(`fiscal-sim: ${choice.problem}\n`);
    return 2;
  }
  try {
    await buildProgram(lang).parseAsync(args);
    // a command that found a problem it reports itself (validate) sets the exit code
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    const message = userError(e, lang);
    if (message !== undefined) {
      process.stderr.write(`fiscal-sim: ${message}\n${inLang(CLI_TEXT, lang).nothingWritten}\n`);
      if (debug && e instanceof Error) process.stderr.write(`${e.stack ?? ''}\n`);
      return 2;
    }
    if (e instanceof Error && 'code' in e && typeof e.code === 'string' && e.code.startsWith('commander.')) {
      return 'exitCode' in e && typeof e.exitCode === 'number' ? e.exitCode : 1;
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

const isEntry = process.argv[1] !== undefined && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isEntry) {
  main(process.argv).then((code) => process.exit(code), (e: unknown) => {
    reportUnexpected(e, process.argv.includes('--debug'), chooseLang(process.argv, process.env).lang);
    process.exit(1);
  });
}
