import { because, type Reason } from '../../core/errors';
import { createToWgs84, detectAxisOrder, detectCrs, type CrsDetection, type CrsId, type CrsSource } from '../../core/geo/crs';
import type { Project } from './geometry';
import { ImportError, type ImportOptions } from './importResult';

export interface ResolvedCrs {
  sourceCrs: CrsId;
  crs: CrsDetection;
  axesSwapped: boolean;
  project: Project;
}

/**
 * Settles the CRS and axis order of a file: the caller's choice wins, then the file's declaration,
 * then a guess from the coordinates. A declared-but-unsupported or unguessable CRS stops the
 * import with an ImportError: converting with a wrong CRS would misplace every feature.
 */
export function resolveSourceCrs(
  file: string,
  source: CrsSource,
  options: ImportOptions,
  /** What the format implies when nothing is declared and the values fit no system of China (GeoJSON: WGS84). */
  fallback?: { crs: CrsId } & Reason,
): ResolvedCrs {
  let crs: CrsDetection;
  if (options.sourceCrs) {
    const { order } = detectAxisOrder(options.sourceCrs, source.samples ?? []);
    crs = { crs: options.sourceCrs, confidence: 'declared', axisOrder: order, ...because('chosen by the user', 'issue.crs.chosen') };
  } else {
    crs = detectCrs(source);
    if (!crs.crs && !crs.declared && fallback) {
      crs = {
        crs: fallback.crs,
        confidence: 'guessed',
        axisOrder: 'east-north',
        reason: fallback.reason,
        ...(fallback.message ? { message: fallback.message } : {}),
      };
    }
  }
  if (!crs.crs) {
    const code = crs.declared ? 'unsupported-crs' : 'unknown-crs';
    throw new ImportError(code, {
      file,
      ...because(`coordinate system: ${crs.reason}; choose the coordinate system to import it`, 'issue.crs.choose', {
        why: crs.message ?? crs.reason,
      }),
    });
  }
  const axesSwapped = options.swapAxes ?? crs.axisOrder === 'north-east';
  return { sourceCrs: crs.crs, crs, axesSwapped, project: createToWgs84(crs.crs, { swapAxes: axesSwapped }) };
}
