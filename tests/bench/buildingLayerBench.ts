/**
 * Benchmark page: N synthetic buildings drawn by the app's BuildingLayer (one batched Primitive), as
 * one Entity per building, or tiled in the page into 3D Tiles 1.1 (the city tiler's quadtree and glb,
 * engine/cesium/tilesFromMemory.ts) and streamed from blob: URLs, in the app's offline viewer with the
 * 'light' profile. Query: ?n=1000&approach=primitive|entity|tiles&seed=1. Publishes on `window.__bench`.
 * For tiles, the screen-space error is set so every tile loads: all N buildings are drawn, as by the others.
 * Method: first complete frame = first postRender after the buildings and the globe tiles are ready; FPS = frames over 5 s while the camera orbits.
 */
import { Cartesian3, HeadingPitchRange, Math as CesiumMath, PolygonHierarchy } from 'cesium';
import { createLocalFrame } from '../../src/core/geo/localFrame';
import { createRandom } from '../../src/core/random';
import type { ContextBuilding, LonLat } from '../../src/core/model/types';
import { createOfflineViewer } from '../../src/engine/cesium/offlineViewer';
import { BuildingLayer } from '../../src/engine/cesium/renderers/buildingLayer';
import { tilesetFromBuildings } from '../../src/engine/cesium/tilesFromMemory';
import { toCesiumColor } from '../../src/engine/cesium/renderers/polygonBatch';
import type { Rgb } from '../../src/layers/buildingColorModes';
import type { Approach, BenchResult } from './benchTypes';

const CENTER: LonLat = [120.17, 30.27];
const GRID_SPACING_M = 45;
const ORBIT_DEG_PER_S = 6;
const ORBIT_MS = 5000;
const PALETTE: Rgb[] = [
  [214, 196, 168],
  [176, 190, 205],
  [222, 170, 140],
  [160, 200, 170],
  [200, 200, 200],
];

function publish(result: BenchResult): void {
  window.__bench = result;
}

/** N rotated rectangles, one per 45 m grid cell; the largest diagonal (41 m) keeps neighbours apart. */
function generateBuildings(n: number, seed: number): { buildings: ContextBuilding[]; colors: Map<string, Rgb>; extentM: number } {
  const random = createRandom(seed);
  const frame = createLocalFrame(CENTER);
  const side = Math.ceil(Math.sqrt(n));
  const extentM = side * GRID_SPACING_M;
  const buildings: ContextBuilding[] = [];
  const colors = new Map<string, Rgb>();
  for (let i = 0; i < n; i++) {
    const cx = ((i % side) + 0.5) * GRID_SPACING_M - extentM / 2;
    const cy = (Math.floor(i / side) + 0.5) * GRID_SPACING_M - extentM / 2;
    const w = random.range(12, 32);
    const d = random.range(10, 26);
    const angle = random.range(0, Math.PI);
    const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
    // Counter-clockwise, closed.
    const corners: [number, number][] = [
      [-w / 2, -d / 2],
      [w / 2, -d / 2],
      [w / 2, d / 2],
      [-w / 2, d / 2],
      [-w / 2, -d / 2],
    ];
    const ring = corners.map(([x, y]) => frame.toLonLat(cx + x * cos - y * sin, cy + x * sin + y * cos));
    const id = `b${i}`;
    buildings.push({ id, footprint: [ring], heightMeters: random.range(9, 159), kind: 'bench' });
    colors.set(id, random.pick(PALETTE));
  }
  return { buildings, colors, extentM };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function run(): void {
  const params = new URLSearchParams(location.search);
  const n = Number(params.get('n') ?? 1000);
  const approach = (params.get('approach') ?? 'primitive') as Approach;
  const seed = Number(params.get('seed') ?? 1);
  if (!(n > 0) || !['primitive', 'entity', 'tiles'].includes(approach)) throw new Error(`bad query: ${location.search}`);

  const { buildings, colors, extentM } = generateBuildings(n, seed);
  const viewer = createOfflineViewer(document.getElementById('viewer')!, 'light', document.getElementById('credits')!);
  const { scene, camera } = viewer;
  scene.renderError.addEventListener((_scene: unknown, error: unknown) => publish({ done: true, error: `render error: ${String(error)}` }));

  const center = Cartesian3.fromDegrees(CENTER[0], CENTER[1], 0);
  const pitch = CesiumMath.toRadians(-35);
  const range = 1.6 * extentM;
  camera.lookAt(center, new HeadingPitchRange(0, pitch, range));

  let buildingsReady: () => boolean;
  if (approach === 'primitive') {
    const layer = new BuildingLayer(buildings, colors, 'bench:');
    scene.primitives.add(layer.primitive);
    // Set in the afterRender of the frame that first drew the primitive, i.e. before that frame's postRender.
    buildingsReady = () => layer.ready;
  } else if (approach === 'tiles') {
    let ready = false;
    const tiled = buildings.map((b) => ({ id: b.id, parts: [b.footprint], heightMeters: b.heightMeters, attributes: {} }));
    void tilesetFromBuildings(tiled, { maximumScreenSpaceError: 0.01 }).then(
      ({ tileset }) => {
        scene.primitives.add(tileset);
        tileset.allTilesLoaded.addEventListener(() => (ready = true));
      },
      (error: unknown) => publish({ done: true, error: String(error) }),
    );
    buildingsReady = () => ready;
  } else {
    // Added in the same task that created the viewer, before its first tick: DataSourceDisplay.ready is
    // sticky, so it must never see an empty collection. Entity primitives are created hidden and shown on
    // the tick after they are ready, which is also when `ready` turns true.
    viewer.entities.suspendEvents();
    for (const b of buildings) {
      const flat = b.footprint[0].slice(0, -1).flat();
      viewer.entities.add({
        id: b.id,
        polygon: {
          hierarchy: new PolygonHierarchy(Cartesian3.fromDegreesArray(flat)),
          height: 0,
          extrudedHeight: b.heightMeters,
          material: toCesiumColor(colors.get(b.id)!),
        },
      });
    }
    viewer.entities.resumeEvents();
    buildingsReady = () => viewer.dataSourceDisplay.ready;
  }

  let phase: 'loading' | 'orbit' | 'done' = 'loading';
  let orbitStart = 0;
  const frameTimes: number[] = [];

  // The viewer renders on demand; ask for a frame every animation frame so loading (globe tiles,
  // asynchronous geometry) progresses and the orbit is drawn as fast as the renderer can.
  const pump = (): void => {
    if (phase === 'done') return;
    if (phase === 'orbit') {
      const heading = CesiumMath.toRadians((ORBIT_DEG_PER_S * (performance.now() - orbitStart)) / 1000);
      camera.lookAt(center, new HeadingPitchRange(heading, pitch, range));
    }
    scene.requestRender();
    requestAnimationFrame(pump);
  };
  requestAnimationFrame(pump);

  let firstCompleteFrameMs = 0;
  scene.postRender.addEventListener(() => {
    const now = performance.now();
    if (phase === 'loading') {
      if (!buildingsReady() || !scene.globe.tilesLoaded) return;
      firstCompleteFrameMs = now;
      phase = 'orbit';
      orbitStart = now;
      frameTimes.push(now);
    } else if (phase === 'orbit') {
      frameTimes.push(now);
      if (now - orbitStart < ORBIT_MS) return;
      phase = 'done';
      const intervals = frameTimes.slice(1).map((t, i) => t - frameTimes[i]);
      publish({
        done: true,
        firstCompleteFrameMs,
        fps: intervals.length / ((now - orbitStart) / 1000),
        p95FrameMs: percentile(intervals, 95),
      });
    }
  });
}

publish({ done: false });
try {
  run();
} catch (error) {
  publish({ done: true, error: String(error) });
}
