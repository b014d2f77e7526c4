import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DWELL_SECONDS,
  dwellSecondsOf,
  formatStoryboardIssue,
  parseStoryboard,
  serializeStoryboard,
  StoryboardError,
  type StoryboardIssue,
} from '../../../../src/data/tour/storyboard';
import { LAYER_IDS } from '../../../../src/layers/layerCatalog';
import { SCENARIO_IDS } from '../../../../src/scenarios/registry';

const vocabulary = { scenarioIds: SCENARIO_IDS, layerIds: LAYER_IDS };

const minimal = () => ({
  format: 'future-community-twin/storyboard',
  version: 1,
  id: 'demo',
  title: { zh: '演示', en: 'Demo' },
  steps: [{ scenario: 'health', caption: { zh: '健康', en: 'Health' } }],
});

/** The issues a storyboard raises (none: []). */
function issuesOf(json: unknown): StoryboardIssue[] {
  try {
    parseStoryboard(json, vocabulary);
    return [];
  } catch (error) {
    if (!(error instanceof StoryboardError)) throw error;
    return error.issues;
  }
}

describe('storyboard parser', () => {
  it('reads a minimal storyboard, filling the defaults', () => {
    const s = parseStoryboard(minimal(), vocabulary);
    expect(s.defaultDwellSeconds).toBe(DEFAULT_DWELL_SECONDS);
    expect(s.steps).toEqual([{ scenario: 'health', caption: { zh: '健康', en: 'Health' }, layers: [] }]);
    expect(s.community).toBeUndefined();
  });

  it('ships a briefing of the overview, the nine scenarios and 一统, in the registry order', () => {
    const file = path.resolve('models/tours/briefing-nine-scenarios.json');
    const s = parseStoryboard(JSON.parse(readFileSync(file, 'utf8')), vocabulary, file);
    expect(s.id).toBe('briefing-nine-scenarios');
    expect(s.steps.map((step) => step.scenario)).toEqual([null, ...SCENARIO_IDS]);
    expect(s.steps.every((step) => step.caption.zh && step.caption.en)).toBe(true);
    expect(s.steps.some((step) => step.camera)).toBe(true);
    expect(s.community).toBe('sample-jinghe');
  });

  it('names the step and the field of every problem, all at once', () => {
    const json = minimal();
    json.steps = [
      { scenario: 'health', caption: { zh: '健康', en: 'Health' } },
      { scenario: 'helth', caption: { zh: '', en: 'x' }, layers: ['facilities', 'roofs', 'facilities'], dwellSeconds: 0 } as never,
      {
        caption: { zh: '总览', en: 'Overview' },
        camera: { lon: 120, lat: 95, heightMeters: 500, headingDeg: 0, pitchDeg: -40 },
        dwell: 5,
      } as never,
    ];
    expect(issuesOf(json)).toEqual([
      {
        step: 1,
        field: 'scenario',
        reason: expect.stringContaining('unknown scenario "helth"'),
        message: expect.objectContaining({ code: 'issue.storyboard.unknownScenario' }),
      },
      { step: 1, field: 'caption.zh', reason: 'must be a non-empty string', message: { code: 'issue.field.mustBeNonEmptyString' } },
      {
        step: 1,
        field: 'layers[1]',
        reason: expect.stringContaining('unknown layer "roofs"'),
        message: expect.objectContaining({ code: 'issue.storyboard.unknownLayer' }),
      },
      {
        step: 1,
        field: 'layers[2]',
        reason: '"facilities" is listed twice',
        message: { code: 'issue.field.listedTwice', params: { value: 'facilities' } },
      },
      {
        step: 1,
        field: 'dwellSeconds',
        reason: expect.stringContaining('above 0'),
        message: expect.objectContaining({ code: 'issue.storyboard.dwell' }),
      },
      {
        step: 2,
        field: 'dwell',
        reason: expect.stringContaining('unknown field'),
        message: expect.objectContaining({ code: 'issue.field.unknownExpectedOneOf' }),
      },
      {
        step: 2,
        field: 'scenario',
        reason: 'is missing (use null for the overview)',
        message: { code: 'issue.storyboard.scenarioMissing' },
      },
      {
        step: 2,
        field: 'camera.lat',
        reason: 'must be a number from -90 to 90, got 95',
        message: { code: 'issue.field.mustBeNumberFromTo', params: { min: -90, max: 90, got: '95' } },
      },
    ]);
  });

  it('says step numbers from 1 as people count, with the array index beside them', () => {
    expect(formatStoryboardIssue({ step: 1, field: 'caption.zh', reason: 'must be a non-empty string' })).toBe(
      'step 2 (steps[1]), field "caption.zh": must be a non-empty string',
    );
    expect(formatStoryboardIssue({ field: 'version', reason: 'must be 1, got 2' })).toBe('field "version": must be 1, got 2');
  });

  it('rejects other formats, versions, unsafe ids and empty step lists at the top level', () => {
    expect(issuesOf({ ...minimal(), format: 'other', version: 2, id: '../x', steps: [], extra: 1 }).map((i) => i.field)).toEqual([
      'extra',
      'format',
      'version',
      'id',
      'steps',
    ]);
    expect(issuesOf([])).toEqual([
      {
        field: '(root)',
        reason: 'must be a JSON object, got an array',
        message: { code: 'issue.json.mustBeObjectGot', params: { got: { code: 'issue.value.array' } } },
      },
    ]);
  });

  it('puts the source and the first problems into the error message', () => {
    expect(() => parseStoryboard({ ...minimal(), version: 3 }, vocabulary, 'my-tour.json')).toThrow(
      /^my-tour\.json: 1 problem\(s\)[^]*field "version": must be 1, got 3/,
    );
  });

  it('accepts null as the overview step and keeps camera, layers and dwell', () => {
    const json = minimal();
    json.steps = [
      {
        scenario: null,
        caption: { zh: '总览', en: 'Overview' },
        layers: ['boundary'],
        camera: { lon: 120.18, lat: 30.26, heightMeters: 900, headingDeg: 20, pitchDeg: -40 },
        dwellSeconds: 8,
      } as never,
    ];
    const [step] = parseStoryboard(json, vocabulary).steps;
    expect(step).toEqual({
      scenario: null,
      caption: { zh: '总览', en: 'Overview' },
      layers: ['boundary'],
      camera: { lon: 120.18, lat: 30.26, heightMeters: 900, headingDeg: 20, pitchDeg: -40 },
      dwellSeconds: 8,
    });
  });

  it('round-trips through the downloaded JSON', () => {
    const file = path.resolve('models/tours/briefing-nine-scenarios.json');
    const s = parseStoryboard(JSON.parse(readFileSync(file, 'utf8')), vocabulary);
    const again = parseStoryboard(JSON.parse(JSON.stringify(serializeStoryboard(s))), vocabulary);
    expect(again).toEqual(s);
  });
});

describe('dwell of a step', () => {
  const s = parseStoryboard(
    {
      ...minimal(),
      defaultDwellSeconds: 10,
      steps: [
        { scenario: null, caption: { zh: 'a', en: 'a' }, dwellSeconds: 4 },
        { scenario: null, caption: { zh: 'b', en: 'b' } },
      ],
    },
    vocabulary,
  );
  it('is the operator override, else the step’s, else the storyboard’s', () => {
    expect(dwellSecondsOf(s, 0)).toBe(4);
    expect(dwellSecondsOf(s, 1)).toBe(10);
    expect(dwellSecondsOf(s, 0, 8)).toBe(8);
    expect(dwellSecondsOf(s, 1, null)).toBe(10);
  });
});
