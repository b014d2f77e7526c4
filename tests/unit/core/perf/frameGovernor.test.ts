import { describe, expect, it } from 'vitest';
import { FrameGovernor, quantile, type GovernorDecision } from '../../../../src/core/perf/frameGovernor';

/** Budget 33.3 ms (30 fps): lower above 28.3 ms (85 %), raise below 18.3 ms (55 %). */
const options = { levelCount: 4, windowFrames: 10, stableMsBeforeRaise: 10_000, maxStableMsBeforeRaise: 40_000, minGoodFrames: 20 };

/** Feeds `count` frames of `frameMs`, one every `stepMs` from `startMs`; returns the decisions and the time after. */
function feed(
  g: FrameGovernor,
  frameMs: number,
  count: number,
  startMs: number,
  stepMs = frameMs,
): { decisions: GovernorDecision[]; endMs: number } {
  const decisions: GovernorDecision[] = [];
  let t = startMs;
  for (let i = 0; i < count; i++) {
    t += stepMs;
    const d = g.observe(frameMs, t);
    if (d) decisions.push(d);
  }
  return { decisions, endMs: t };
}

describe('quantile', () => {
  it('takes the nearest rank: p90 of 1..10 is 9, of 1..20 is 18', () => {
    expect(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBe(9);
    expect(
      quantile(
        Array.from({ length: 20 }, (_, i) => 20 - i),
        0.9,
      ),
    ).toBe(18);
    expect(quantile([], 0.9)).toBeNaN();
  });
});

describe('frame governor', () => {
  it('keeps the best level while frames are fast (16.7 ms at 60 Hz)', () => {
    const g = new FrameGovernor(options);
    expect(feed(g, 16.7, 500, 0).decisions).toEqual([]);
    expect(g.level).toBe(0);
  });

  it('lowers before frames drop: 30 ms frames still meet the 33.3 ms budget but pass 85 % of it (28.3 ms)', () => {
    const g = new FrameGovernor(options);
    const { decisions } = feed(g, 30, 10, 0);
    expect(decisions).toEqual(['lower']);
    expect(g.level).toBe(1);
  });

  it('judges a full window: nine slow frames are not yet a decision', () => {
    const g = new FrameGovernor(options);
    expect(feed(g, 40, 9, 0).decisions).toEqual([]);
    expect(g.level).toBe(0);
  });

  it('ignores a single hitch: one 200 ms frame among ten is above the 90th percentile', () => {
    const g = new FrameGovernor(options);
    let t = 0;
    for (let i = 0; i < 100; i++) {
      t += 17;
      expect(g.observe(i % 10 === 5 ? 200 : 16.7, t)).toBeNull();
    }
    expect(g.level).toBe(0);
  });

  it('steps down one level per window of slow frames and stops at the lightest level', () => {
    const g = new FrameGovernor(options);
    const { decisions } = feed(g, 60, 100, 0);
    expect(decisions).toEqual(['lower', 'lower', 'lower']);
    expect(g.level).toBe(3);
  });

  it('holds a level while frames sit between the thresholds (hysteresis band 18.3–28.3 ms)', () => {
    const g = new FrameGovernor(options, 2);
    expect(feed(g, 24, 2000, 0).decisions).toEqual([]);
    expect(g.level).toBe(2);
  });

  it('raises only after the stable period of fast frames: 10 s, not sooner', () => {
    const g = new FrameGovernor(options, 2);
    // 100 ms apart: the first full window is at 1 s, the stable period ends 10 s after it.
    const early = feed(g, 10, 100, 0, 100);
    expect(early.decisions).toEqual([]);
    expect(g.level).toBe(2);
    const later = feed(g, 10, 20, early.endMs, 100);
    expect(later.decisions).toEqual(['raise']);
    expect(g.level).toBe(1);
  });

  it('needs fast frames, not idle time: a render every 20 s does not raise until enough frames came', () => {
    const g = new FrameGovernor(options, 1);
    const { decisions } = feed(g, 10, 28, 0, 20_000);
    // The 10th frame fills the window: frames 10–28 are 19 good frames < minGoodFrames 20.
    expect(decisions).toEqual([]);
    expect(g.observe(10, 29 * 20_000)).toBe('raise');
  });

  it('doubles the wait after a premature raise, up to the cap, and resets it after a raise that held', () => {
    const g = new FrameGovernor(options, 1);
    // Two slow frames among ten put the 90th percentile at 40 ms: that lowers.
    let t = feed(g, 10, 200, 0, 100).endMs; // raised to 0 after 11 s (window full at 1 s + 10 s)
    expect(g.level).toBe(0);
    t = feed(g, 40, 2, t).endMs; // slow again 9 s after the raise: it was premature
    expect(g.level).toBe(1);
    expect(g.raiseWait).toBe(20_000);
    t = feed(g, 10, 250, t, 100).endMs; // raised again after 1 s + 20 s, then 4 s fast
    expect(g.level).toBe(0);
    t = feed(g, 40, 2, t).endMs;
    expect(g.level).toBe(1);
    expect(g.raiseWait).toBe(40_000);
    t = feed(g, 10, 450, t, 100).endMs; // raised after 41 s
    expect(g.level).toBe(0);
    t = feed(g, 40, 2, t).endMs;
    expect(g.raiseWait).toBe(40_000); // capped at maxStableMsBeforeRaise
    t = feed(g, 10, 450, t, 100).endMs; // raised after 41 s, then 4 s fast…
    expect(g.level).toBe(0);
    t = feed(g, 16.7, 10, t + 60_000).endMs; // …and a minute later still fast: the raise held
    feed(g, 40, 2, t);
    expect(g.level).toBe(1);
    expect(g.raiseWait).toBe(10_000);
  });

  it('keeps a longer wait across consecutive lowerings', () => {
    const g = new FrameGovernor(options, 1);
    let t = feed(g, 10, 200, 0, 100).endMs;
    t = feed(g, 40, 2, t).endMs;
    expect(g.raiseWait).toBe(20_000);
    feed(g, 40, 10, t);
    expect(g.level).toBe(2);
    expect(g.raiseWait).toBe(20_000);
  });

  it('ignores samples that are not frame times', () => {
    const g = new FrameGovernor(options);
    for (let i = 0; i < 20; i++) expect(g.observe(Number.NaN, i)).toBeNull();
    expect(g.observe(-1, 21)).toBeNull();
    expect(g.level).toBe(0);
  });

  it('rejects thresholds without a hysteresis band', () => {
    expect(() => new FrameGovernor({ levelCount: 3, lowerAtShare: 0.5, raiseAtShare: 0.5 })).toThrow(RangeError);
    expect(() => new FrameGovernor({ levelCount: 0 })).toThrow(RangeError);
  });

  it('reset() pins a level and clears the history', () => {
    const g = new FrameGovernor(options);
    feed(g, 40, 9, 0);
    g.reset(3);
    expect(g.level).toBe(3);
    expect(feed(g, 40, 9, 1000).decisions).toEqual([]);
  });
});
