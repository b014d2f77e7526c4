import type { CliIo } from './runAsMain';

/** A bad command line: the CLI prints the reason (none for --help) and its usage, and exits 2. */
export class UsageError extends Error {}

/**
 * The options a package CLI understands: switches (`--json`) and options that take the next
 * argument as their value (`--out FILE`). Each sets what it means on the options object.
 */
export interface ArgSpec<O> {
  switches: Record<string, (options: O) => void>;
  withValue: Record<string, (options: O, value: string, flag: string) => void>;
}

/**
 * Reads `argv` as `<package-dir>` and the spec's options, in any order, into `options`. A value
 * must follow its option and must not look like one (`--out --json` is an error); `--help` or
 * `-h`, an unknown `--option` or a second positional argument throws a `UsageError`.
 */
export function parseCliArgs<O extends { packageDir?: string }>(argv: readonly string[], options: O, spec: ArgSpec<O>): O {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (Object.hasOwn(spec.switches, arg)) spec.switches[arg](options);
    else if (Object.hasOwn(spec.withValue, arg)) {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`${arg} needs a value`);
      i++;
      spec.withValue[arg](options, value, arg);
    } else if (arg === '--help' || arg === '-h') throw new UsageError('');
    else if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg}`);
    else if (options.packageDir === undefined) options.packageDir = arg;
    else throw new UsageError(`unexpected argument "${arg}"`);
  }
  return options;
}

/**
 * Runs a CLI's argument parser; when it throws, prints the reason and the usage to stderr (the
 * usage alone for --help) and returns undefined, for the caller to exit with 2.
 */
export function parseCommandLine<O>(
  argv: readonly string[],
  parse: (argv: readonly string[]) => O,
  usage: string,
  io: Pick<CliIo, 'stderr'>,
): O | undefined {
  try {
    return parse(argv);
  } catch (error) {
    const message = (error as Error).message;
    io.stderr(message ? `${message}\n${usage}` : usage);
    return undefined;
  }
}
