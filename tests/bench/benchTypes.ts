/** What the benchmark page publishes on `window.__bench` for tests/bench/runBench.ts. */
export type Approach = 'primitive' | 'entity' | 'tiles';

export interface BenchResult {
  done: boolean;
  error?: string;
  /** performance.now() (origin: navigation start) at the first frame drawn with the buildings ready and the globe loaded. */
  firstCompleteFrameMs?: number;
  /** Rendered frames per second while the camera orbits. */
  fps?: number;
  p95FrameMs?: number;
}

declare global {
  interface Window {
    __bench?: BenchResult;
  }
}
