/** Where two texts first differ, as "line N: expected … / actual …", or null when equal. */
export function firstDifference(expected: string, actual: string): string | null {
  if (expected === actual) return null;
  const e = expected.split('\n');
  const a = actual.split('\n');
  for (let i = 0; i < Math.max(e.length, a.length); i++) {
    if (e[i] !== a[i]) return `line ${i + 1}: expected ${JSON.stringify(e[i]?.slice(0, 160))}, got ${JSON.stringify(a[i]?.slice(0, 160))}`;
  }
  return 'texts differ';
}
