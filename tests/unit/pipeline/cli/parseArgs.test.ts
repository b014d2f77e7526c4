import { describe, expect, it } from 'vitest';
import { parseCliArgs, parseCommandLine, UsageError, type ArgSpec } from '../../../../src/pipeline/cli/parseArgs';

interface Options {
  packageDir?: string;
  json: boolean;
  out?: string;
}
const SPEC: ArgSpec<Options> = {
  switches: { '--json': (o) => (o.json = true) },
  withValue: { '--out': (o, v) => (o.out = v) },
};
const parse = (...argv: string[]) => parseCliArgs<Options>(argv, { json: false }, SPEC);

describe('parseCliArgs', () => {
  it('reads the package folder, switches and options with a value in any order', () => {
    expect(parse('--out', 'r.pdf', 'models/x', '--json')).toEqual({ packageDir: 'models/x', json: true, out: 'r.pdf' });
    expect(parse()).toEqual({ json: false });
  });

  it('refuses a missing value, a value that looks like an option, unknown options and a second folder', () => {
    expect(() => parse('--out')).toThrow(new UsageError('--out needs a value'));
    expect(() => parse('--out', '--json')).toThrow(new UsageError('--out needs a value'));
    expect(() => parse('--verbose')).toThrow(new UsageError('unknown option --verbose'));
    expect(() => parse('a', 'b')).toThrow(new UsageError('unexpected argument "b"'));
  });

  it('takes a folder named like an object member for a folder, not an option', () => {
    expect(parse('constructor')).toEqual({ packageDir: 'constructor', json: false });
  });

  it('answers --help and -h with a UsageError without a reason', () => {
    expect(() => parse('--help')).toThrow(new UsageError(''));
    expect(() => parse('-h')).toThrow(new UsageError(''));
  });
});

describe('parseCommandLine', () => {
  it('prints the reason and the usage (the usage alone for --help) and returns undefined', () => {
    const lines: string[] = [];
    const io = { stderr: (t: string) => lines.push(t) };
    expect(parseCommandLine(['--verbose'], (argv) => parse(...argv), 'usage: x', io)).toBeUndefined();
    expect(parseCommandLine(['--help'], (argv) => parse(...argv), 'usage: x', io)).toBeUndefined();
    expect(lines).toEqual(['unknown option --verbose\nusage: x', 'usage: x']);
    expect(parseCommandLine(['--json'], (argv) => parse(...argv), 'usage: x', io)).toEqual({ json: true });
  });
});
