/**
 * Sign-in attempts per remote address in a sliding window (in memory: one service process). Beyond
 * the limit the address gets 429 until old attempts leave the window. Account lockout (users table)
 * is the second line, against a spread-out attack on one account.
 */
export class SignInRateLimiter {
  private readonly attempts = new Map<string, number[]>();

  constructor(
    private readonly maxAttempts: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records an attempt; false when the address has used up its attempts in the window. */
  allow(address: string): boolean {
    const now = this.now();
    const recent = (this.attempts.get(address) ?? []).filter((at) => now - at < this.windowMs);
    if (recent.length >= this.maxAttempts) {
      this.attempts.set(address, recent);
      return false;
    }
    recent.push(now);
    this.attempts.set(address, recent);
    if (this.attempts.size > 10_000) this.prune(now);
    return true;
  }

  private prune(now: number): void {
    for (const [address, times] of this.attempts) if (times.every((at) => now - at >= this.windowMs)) this.attempts.delete(address);
  }
}
