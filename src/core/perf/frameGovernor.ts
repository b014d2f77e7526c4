/**
 * A frame-time governor for screens that run all day: it watches how long rendered frames take and
 * steps a quality ladder down (level 0 = best) while frames still meet the budget but come close to
 * it, and back up after a stable period of clearly fast frames. Pure logic: time is passed in, so
 * the same code runs in the browser and in unit tests.
 *
 * Hysteresis, so a wall never flickers between two levels:
 * - the band between `lowerAtShare` and `raiseAtShare` of the budget neither lowers nor raises;
 * - raising needs `stableMsBeforeRaise` of fast frames (and at least `minGoodFrames` of them);
 * - a raise that has to be undone within that wait was premature: the wait doubles (up to
 *   `maxStableMsBeforeRaise`); a lowering that comes later resets it.
 */
export interface FrameGovernorOptions {
  /** Number of quality levels: 0 is the best, levelCount − 1 the lightest. */
  levelCount: number;
  /** Frame time the screen must hold, milliseconds (33.3 ms = 30 frames per second). */
  budgetMs: number;
  /** Lower when the 90th percentile of the recent frames exceeds this share of the budget. */
  lowerAtShare: number;
  /** Raise only while the 90th percentile stays below this share of the budget. */
  raiseAtShare: number;
  /** Frames judged together (a sliding window). */
  windowFrames: number;
  /** Fast frames needed, for this long, before a better level is tried, milliseconds. */
  stableMsBeforeRaise: number;
  /** The longest the raise wait may grow to after premature raises, milliseconds. */
  maxStableMsBeforeRaise: number;
  /** Fast frames needed (besides the time) before a better level is tried. */
  minGoodFrames: number;
}

export const DEFAULT_FRAME_GOVERNOR_OPTIONS: Omit<FrameGovernorOptions, 'levelCount'> = {
  // 30 fps is smooth for slow camera flights over a community; a 60 Hz wall meeting it has headroom.
  budgetMs: 1000 / 30,
  // 85 % of 33.3 ms = 28.3 ms: act while frames still meet the budget.
  lowerAtShare: 0.85,
  // 55 % of 33.3 ms = 18.3 ms: frames at 60 Hz (16.7 ms) count as fast.
  raiseAtShare: 0.55,
  windowFrames: 20,
  stableMsBeforeRaise: 30_000,
  maxStableMsBeforeRaise: 10 * 60_000,
  minGoodFrames: 60,
};

export type GovernorDecision = 'lower' | 'raise' | null;

/** The q-quantile (0–1) of the values, nearest rank: p90 of 20 frames is the 18th fastest. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1];
}

export class FrameGovernor {
  readonly options: FrameGovernorOptions;
  private currentLevel: number;
  private window: number[] = [];
  /** When the current run of fast windows began (null: none running). */
  private goodSinceMs: number | null = null;
  private goodFrames = 0;
  private raiseWaitMs: number;
  private lastRaiseMs: number | null = null;

  constructor(options: Partial<FrameGovernorOptions> & Pick<FrameGovernorOptions, 'levelCount'>, startLevel = 0) {
    this.options = { ...DEFAULT_FRAME_GOVERNOR_OPTIONS, ...options };
    if (this.options.levelCount < 1) throw new RangeError('levelCount must be at least 1');
    if (!(this.options.raiseAtShare < this.options.lowerAtShare))
      throw new RangeError('raiseAtShare must be below lowerAtShare (hysteresis)');
    this.currentLevel = clampLevel(startLevel, this.options.levelCount);
    this.raiseWaitMs = this.options.stableMsBeforeRaise;
  }

  /** The level to render at: 0 is the best quality. */
  get level(): number {
    return this.currentLevel;
  }

  /** The wait for the next raise, milliseconds (grows after premature raises). */
  get raiseWait(): number {
    return this.raiseWaitMs;
  }

  /**
   * Takes the duration of one rendered frame (milliseconds) at time `nowMs` and says whether the
   * level changed. After a change the window starts empty: the new level is judged on its own frames.
   */
  observe(frameMs: number, nowMs: number): GovernorDecision {
    if (!Number.isFinite(frameMs) || frameMs < 0) return null;
    const o = this.options;
    this.window.push(frameMs);
    if (this.window.length > o.windowFrames) this.window.shift();
    if (this.window.length < o.windowFrames) return null;
    const p90 = quantile(this.window, 0.9);

    if (p90 > o.lowerAtShare * o.budgetMs) {
      this.goodSinceMs = null;
      this.goodFrames = 0;
      if (this.currentLevel >= o.levelCount - 1) return null;
      // A raise undone within its own wait came too early: wait longer before the next one. A raise
      // that held for its wait proves the level fits again: the wait starts from the base.
      if (this.lastRaiseMs !== null) {
        const premature = nowMs - this.lastRaiseMs < this.raiseWaitMs;
        this.raiseWaitMs = premature ? Math.min(this.raiseWaitMs * 2, o.maxStableMsBeforeRaise) : o.stableMsBeforeRaise;
      }
      this.lastRaiseMs = null;
      this.currentLevel++;
      this.window = [];
      return 'lower';
    }

    if (p90 < o.raiseAtShare * o.budgetMs) {
      this.goodSinceMs ??= nowMs;
      this.goodFrames++;
      if (this.currentLevel > 0 && nowMs - this.goodSinceMs >= this.raiseWaitMs && this.goodFrames >= o.minGoodFrames) {
        this.currentLevel--;
        this.lastRaiseMs = nowMs;
        this.goodSinceMs = null;
        this.goodFrames = 0;
        this.window = [];
        return 'raise';
      }
      return null;
    }

    // Between the two thresholds: hold, but the stable period starts over.
    this.goodSinceMs = null;
    this.goodFrames = 0;
    return null;
  }

  /** Sets the level directly (e.g. a fixed quality asked for by the operator); the history is cleared. */
  reset(level: number): void {
    this.currentLevel = clampLevel(level, this.options.levelCount);
    this.window = [];
    this.goodSinceMs = null;
    this.goodFrames = 0;
    this.lastRaiseMs = null;
    this.raiseWaitMs = this.options.stableMsBeforeRaise;
  }
}

function clampLevel(level: number, count: number): number {
  return Math.min(count - 1, Math.max(0, Math.round(level)));
}
