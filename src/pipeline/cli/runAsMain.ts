import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/**
 * Runs a CLI's `run(argv, io)` when its file is the script Node was started with (not when a test
 * imports it), and sets the exit code it returns; an unexpected error exits 3 with its stack.
 */
export function runAsMain(moduleUrl: string, run: (argv: string[], io: CliIo) => Promise<number>): void {
  if (process.argv[1] === undefined || path.resolve(process.argv[1]) !== fileURLToPath(moduleUrl)) return;
  const io: CliIo = { stdout: (t) => process.stdout.write(`${t}\n`), stderr: (t) => process.stderr.write(`${t}\n`) };
  run(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error instanceof Error ? (error.stack ?? error.message) : error);
      process.exitCode = 3;
    },
  );
}
