/**
 * `[--seed N] [--out PATH]` of the seeded generators (sample community, city list): the same seed
 * gives the same bytes, which their tests compare with the committed files.
 */
export function parseSeedArgs(
  argv: readonly string[],
  defaults: { seed: number; out: string },
  usage: string,
): { seed: number; out: string } {
  const options = { ...defaults };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = argv[i + 1];
    if (arg === '--seed' && value !== undefined) {
      const seed = Number(value);
      if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff)
        throw new Error(`--seed must be an integer 0…4294967295, got "${value}"`);
      options.seed = seed;
      i++;
    } else if (arg === '--out' && value !== undefined) {
      options.out = value;
      i++;
    } else if (arg === '--help' || arg === '-h') {
      console.log(`usage: ${usage}`);
      process.exit(0);
    } else {
      throw new Error(`unknown or incomplete argument "${arg}" (usage: ${usage})`);
    }
  }
  return options;
}
