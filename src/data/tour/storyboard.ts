import { because, issueMessage, toReason, type IssueMessage, type IssueParam, type Reason } from '../../core/errors';
import type { CameraBookmark, LocalizedText } from '../../core/model/types';

/**
 * Storyboards of the briefing tour (汇报演示): a list of steps, each a scenario with a caption, shown
 * for a dwell time. Plain JSON, written by hand or downloaded from the large screen; the format is
 * documented in models/tours/README.md. This module parses and validates it (no DOM, no fetch).
 */

export const STORYBOARD_FORMAT = 'future-community-twin/storyboard';
export const STORYBOARD_VERSION = 1;
/** Used when neither the step nor the storyboard gives a dwell. */
export const DEFAULT_DWELL_SECONDS = 12;
/** A step longer than an hour is a typo, not a briefing. */
export const MAX_DWELL_SECONDS = 3600;
export const MAX_STEPS = 500;
const MAX_CAPTION_CHARS = 400;
const SAFE_ID = /^[A-Za-z0-9._-]{1,64}$/;

export interface StoryboardStep<ScenarioId extends string = string> {
  /** A scenario id of the registry (`health`, `party-building`…), or null for the overview (总览). */
  scenario: ScenarioId | null;
  caption: LocalizedText;
  /** Layers switched on for this step, on top of those the scenario shows. */
  layers: string[];
  /** A view to fly to instead of the scenario's own (only used on the storyboard's community). */
  camera?: CameraBookmark;
  /** Seconds the step stays on screen once its scene is drawn; default: the storyboard's. */
  dwellSeconds?: number;
}

/** `ScenarioId`: the ids of the vocabulary it was parsed with (the scenario registry's in the app). */
export interface Storyboard<ScenarioId extends string = string> {
  format: typeof STORYBOARD_FORMAT;
  version: typeof STORYBOARD_VERSION;
  /** File-name safe: the download is `<id>.json`. */
  id: string;
  title: LocalizedText;
  /** The community package (id) the camera overrides were written for; absent: any. */
  community?: string;
  defaultDwellSeconds: number;
  steps: StoryboardStep<ScenarioId>[];
}

/** The ids a storyboard may name; passed in, so this module stays below the scenario registry. */
export interface StoryboardVocabulary<ScenarioId extends string = string> {
  scenarioIds: readonly ScenarioId[];
  layerIds: readonly string[];
}

/** One problem: `step` is the 0-based index into `steps` (absent for top-level fields). */
export interface StoryboardIssue {
  step?: number;
  field: string;
  reason: string;
  /** The reason as a message for the UI (src/i18n `localizeStoryboardIssue`). */
  message?: IssueMessage;
}

export function formatStoryboardIssue(issue: StoryboardIssue): string {
  const where =
    issue.step === undefined ? `field "${issue.field}"` : `step ${issue.step + 1} (steps[${issue.step}]), field "${issue.field}"`;
  return `${where}: ${issue.reason}`;
}

export class StoryboardError extends Error {
  readonly issues: StoryboardIssue[];
  /** The file name or URL the storyboard came from. */
  readonly source: string;
  constructor(source: string, issues: StoryboardIssue[]) {
    super(`${source}: ${issues.length} problem(s) in the storyboard\n${issues.slice(0, 8).map(formatStoryboardIssue).join('\n')}`);
    this.name = 'StoryboardError';
    this.issues = issues;
    this.source = source;
  }
}

const TOP_FIELDS = ['format', 'version', 'id', 'title', 'community', 'defaultDwellSeconds', 'steps', 'description'];
const STEP_FIELDS = ['scenario', 'caption', 'layers', 'camera', 'dwellSeconds', 'note'];
const CAMERA_FIELDS = ['lon', 'lat', 'heightMeters', 'headingDeg', 'pitchDeg'];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const describe = (v: unknown) =>
  v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'string' ? `"${v.slice(0, 40)}"` : String(v);
/** `describe` as a message parameter ("an array" is translated). */
const described = (v: unknown): IssueParam => (Array.isArray(v) ? issueMessage('issue.value.array') : describe(v));
const unknownField = (allowed: readonly string[]) =>
  because(`unknown field (expected one of ${allowed.join(', ')})`, 'issue.field.unknownExpectedOneOf', { allowed });
const mustBeObject = (v: unknown) => because(`must be an object, got ${describe(v)}`, 'issue.field.mustBeObjectGot', { got: described(v) });
const MUST_BE_STRING = because('must be a string', 'issue.field.mustBeString');

/**
 * Reads a storyboard. Every problem is collected (not only the first), each naming its step and
 * field, and thrown as one StoryboardError; `source` (a file name or URL) heads the message.
 * Unknown fields are errors too: a misspelt `dwell` must not pass silently. `description` (top
 * level) and `note` (per step) are free comments for the author.
 */
export function parseStoryboard<ScenarioId extends string>(
  json: unknown,
  vocabulary: StoryboardVocabulary<ScenarioId>,
  source = 'storyboard',
): Storyboard<ScenarioId> {
  const issues: StoryboardIssue[] = [];
  const add: Add = (field, problem, step) => {
    const why = toReason(problem);
    issues.push(step === undefined ? { field, ...why } : { step, field, ...why });
  };
  if (!isObject(json)) {
    throw new StoryboardError(source, [
      {
        field: '(root)',
        ...because(`must be a JSON object, got ${describe(json)}`, 'issue.json.mustBeObjectGot', { got: described(json) }),
      },
    ]);
  }

  for (const key of Object.keys(json)) if (!TOP_FIELDS.includes(key)) add(key, unknownField(TOP_FIELDS));
  if (json.format !== STORYBOARD_FORMAT) {
    add(
      'format',
      because(`must be "${STORYBOARD_FORMAT}", got ${describe(json.format)}`, 'issue.field.mustBeValueGot', {
        value: STORYBOARD_FORMAT,
        got: described(json.format),
      }),
    );
  }
  if (json.version !== STORYBOARD_VERSION) {
    add(
      'version',
      because(`must be ${STORYBOARD_VERSION}, got ${describe(json.version)}`, 'issue.field.mustBeNumberValueGot', {
        value: STORYBOARD_VERSION,
        got: described(json.version),
      }),
    );
  }
  let id = 'storyboard';
  if (typeof json.id === 'string' && SAFE_ID.test(json.id)) id = json.id;
  else add('id', because('must be 1–64 letters, digits, ".", "_" or "-"', 'issue.storyboard.idChars'));
  const title = localized(json.title, 'title', add) ?? { zh: '', en: '' };
  let community: string | undefined;
  if (json.community !== undefined) {
    if (typeof json.community === 'string' && SAFE_ID.test(json.community)) community = json.community;
    else add('community', because('must be a community package id', 'issue.storyboard.communityId'));
  }
  let defaultDwellSeconds = DEFAULT_DWELL_SECONDS;
  if (json.defaultDwellSeconds !== undefined)
    defaultDwellSeconds = dwell(json.defaultDwellSeconds, 'defaultDwellSeconds', add) ?? DEFAULT_DWELL_SECONDS;
  if (json.description !== undefined && typeof json.description !== 'string') add('description', MUST_BE_STRING);

  const steps: StoryboardStep<ScenarioId>[] = [];
  if (!Array.isArray(json.steps) || json.steps.length === 0)
    add('steps', because('must be a non-empty array of steps', 'issue.storyboard.stepsRequired'));
  else if (json.steps.length > MAX_STEPS) {
    add(
      'steps',
      because(`has ${json.steps.length} steps, at most ${MAX_STEPS} are allowed`, 'issue.storyboard.tooManySteps', {
        count: json.steps.length,
        max: MAX_STEPS,
      }),
    );
  } else
    json.steps.forEach((raw, i) => {
      const step = parseStep(raw, i, vocabulary, add);
      if (step) steps.push(step);
    });

  if (issues.length) throw new StoryboardError(source, issues);
  const storyboard: Storyboard<ScenarioId> = {
    format: STORYBOARD_FORMAT,
    version: STORYBOARD_VERSION,
    id,
    title,
    defaultDwellSeconds,
    steps,
  };
  if (community) storyboard.community = community;
  return storyboard;
}

type Add = (field: string, problem: string | Reason, step?: number) => void;

function parseStep<ScenarioId extends string>(
  raw: unknown,
  i: number,
  vocabulary: StoryboardVocabulary<ScenarioId>,
  add: Add,
): StoryboardStep<ScenarioId> | null {
  if (!isObject(raw)) {
    add('(step)', mustBeObject(raw), i);
    return null;
  }
  const stepAdd: Add = (field, problem) => add(field, problem, i);
  for (const key of Object.keys(raw)) if (!STEP_FIELDS.includes(key)) stepAdd(key, unknownField(STEP_FIELDS));
  let scenario: ScenarioId | null = null;
  if (!('scenario' in raw)) stepAdd('scenario', because('is missing (use null for the overview)', 'issue.storyboard.scenarioMissing'));
  else if (raw.scenario !== null) {
    if (typeof raw.scenario === 'string' && (vocabulary.scenarioIds as readonly string[]).includes(raw.scenario))
      scenario = raw.scenario as ScenarioId;
    else {
      stepAdd(
        'scenario',
        because(
          `unknown scenario ${describe(raw.scenario)} (expected null or one of ${vocabulary.scenarioIds.join(', ')})`,
          'issue.storyboard.unknownScenario',
          {
            scenario: described(raw.scenario),
            allowed: vocabulary.scenarioIds,
          },
        ),
      );
    }
  }
  const caption = localized(raw.caption, 'caption', stepAdd);
  const layers: string[] = [];
  if (raw.layers !== undefined) {
    if (!Array.isArray(raw.layers)) stepAdd('layers', because('must be an array of layer ids', 'issue.storyboard.layersArray'));
    else
      raw.layers.forEach((layer, k) => {
        if (typeof layer !== 'string' || !vocabulary.layerIds.includes(layer)) {
          stepAdd(
            `layers[${k}]`,
            because(
              `unknown layer ${describe(layer)} (expected one of ${vocabulary.layerIds.join(', ')})`,
              'issue.storyboard.unknownLayer',
              {
                layer: described(layer),
                allowed: vocabulary.layerIds,
              },
            ),
          );
        } else if (layers.includes(layer))
          stepAdd(`layers[${k}]`, because(`"${layer}" is listed twice`, 'issue.field.listedTwice', { value: layer }));
        else layers.push(layer);
      });
  }
  const step: StoryboardStep<ScenarioId> = { scenario, caption: caption ?? { zh: '', en: '' }, layers };
  if (raw.camera !== undefined) {
    const camera = parseCamera(raw.camera, stepAdd);
    if (camera) step.camera = camera;
  }
  if (raw.dwellSeconds !== undefined) {
    const seconds = dwell(raw.dwellSeconds, 'dwellSeconds', stepAdd);
    if (seconds !== null) step.dwellSeconds = seconds;
  }
  if (raw.note !== undefined && typeof raw.note !== 'string') stepAdd('note', MUST_BE_STRING);
  return step;
}

function localized(value: unknown, field: string, add: Add): LocalizedText | null {
  if (!isObject(value)) {
    add(field, because('must be an object {"zh": "…", "en": "…"}', 'issue.field.mustBeLocalized'));
    return null;
  }
  let ok = true;
  for (const lang of ['zh', 'en'] as const) {
    const text = value[lang];
    if (typeof text !== 'string' || text.trim() === '') {
      add(`${field}.${lang}`, because('must be a non-empty string', 'issue.field.mustBeNonEmptyString'));
      ok = false;
    } else if (text.length > MAX_CAPTION_CHARS) {
      add(
        `${field}.${lang}`,
        because(`is ${text.length} characters long, at most ${MAX_CAPTION_CHARS} fit on a wall`, 'issue.storyboard.captionTooLong', {
          count: text.length,
          max: MAX_CAPTION_CHARS,
        }),
      );
      ok = false;
    }
  }
  for (const key of Object.keys(value))
    if (key !== 'zh' && key !== 'en')
      add(`${field}.${key}`, because('unknown language (expected zh and en)', 'issue.storyboard.unknownLanguage'));
  return ok ? { zh: value.zh as string, en: value.en as string } : null;
}

function dwell(value: unknown, field: string, add: Add): number | null {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value > MAX_DWELL_SECONDS) {
    add(
      field,
      because(`must be a number of seconds above 0 and at most ${MAX_DWELL_SECONDS}, got ${describe(value)}`, 'issue.storyboard.dwell', {
        max: MAX_DWELL_SECONDS,
        got: described(value),
      }),
    );
    return null;
  }
  return value;
}

function parseCamera(value: unknown, add: Add): CameraBookmark | null {
  if (!isObject(value)) {
    add('camera', because('must be an object {lon, lat, heightMeters, headingDeg, pitchDeg}', 'issue.storyboard.cameraShape'));
    return null;
  }
  const ranges: Record<string, [number, number]> = {
    lon: [-180, 180],
    lat: [-90, 90],
    heightMeters: [1, 100_000],
    headingDeg: [-360, 360],
    pitchDeg: [-90, 90],
  };
  let ok = true;
  for (const key of Object.keys(value)) {
    if (CAMERA_FIELDS.includes(key)) continue;
    add(
      `camera.${key}`,
      because(`unknown field (expected ${CAMERA_FIELDS.join(', ')})`, 'issue.field.unknownExpected', { allowed: CAMERA_FIELDS }),
    );
    ok = false;
  }
  for (const key of CAMERA_FIELDS) {
    const v = value[key];
    const [min, max] = ranges[key];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) {
      add(
        `camera.${key}`,
        because(`must be a number from ${min} to ${max}, got ${describe(v)}`, 'issue.field.mustBeNumberFromTo', {
          min,
          max,
          got: described(v),
        }),
      );
      ok = false;
    }
  }
  return ok
    ? {
        lon: value.lon as number,
        lat: value.lat as number,
        heightMeters: value.heightMeters as number,
        headingDeg: value.headingDeg as number,
        pitchDeg: value.pitchDeg as number,
      }
    : null;
}

/** Seconds step `index` stays on screen: an operator's override (`?dwell=8`), else the step's, else the storyboard's. */
export function dwellSecondsOf(storyboard: Storyboard, index: number, overrideSeconds?: number | null): number {
  if (overrideSeconds !== undefined && overrideSeconds !== null) return overrideSeconds;
  return storyboard.steps[index]?.dwellSeconds ?? storyboard.defaultDwellSeconds;
}

/** The storyboard as the JSON a user downloads; parsing it again gives the same storyboard. */
export function serializeStoryboard(storyboard: Storyboard): Record<string, unknown> {
  return {
    format: STORYBOARD_FORMAT,
    version: STORYBOARD_VERSION,
    id: storyboard.id,
    title: storyboard.title,
    ...(storyboard.community ? { community: storyboard.community } : {}),
    defaultDwellSeconds: storyboard.defaultDwellSeconds,
    steps: storyboard.steps.map((s) => ({
      scenario: s.scenario,
      caption: s.caption,
      ...(s.layers.length ? { layers: s.layers } : {}),
      ...(s.camera ? { camera: s.camera } : {}),
      ...(s.dwellSeconds !== undefined ? { dwellSeconds: s.dwellSeconds } : {}),
    })),
  };
}
