import { runAnalyze } from '../../../src/pipeline/analyze';

/** Runs the analyze CLI in-process; its exit code and what it printed (one line per call, newline-ended). */
export async function analyze(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runAnalyze(argv, { stdout: (t) => (stdout += `${t}\n`), stderr: (t) => (stderr += `${t}\n`) });
  return { code, stdout, stderr };
}
