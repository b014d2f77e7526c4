/**
 * Weekly opening hours in the common subset of OpenStreetMap's `opening_hours` syntax
 * (https://wiki.openstreetmap.org/wiki/Key:opening_hours): what a 错时共享 facility needs to say when
 * residents may use it, e.g. "Mo-Fr 17:00-21:00; Sa,Su 08:00-21:00" or "24/7".
 *
 * Supported: rules separated by ";", each an optional day selector (Mo Tu We Th Fr Sa Su, ranges
 * "Mo-Fr" and lists "Sa,Su") and one or more time spans "HH:MM-HH:MM" separated by ","; a later rule
 * for a day replaces an earlier one (as in OSM). Not supported (a clear error): public holidays,
 * months, weeks, "off", spans past midnight. Pure.
 */

export const WEEKDAYS = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Open spans per weekday (Mo … Su), minutes after midnight, [start, end) with end ≤ 1440. */
export type WeeklyHours = readonly (readonly (readonly [start: number, end: number])[])[];

/** A moment of the week: a weekday and minutes after midnight. */
export interface WeekTime {
  day: Weekday;
  minute: number;
}

export class WeeklyHoursError extends Error {}

const TIME = /^(\d{1,2}):(\d{2})$/;

function minutes(text: string, allow24: boolean): number {
  const m = TIME.exec(text);
  if (!m) throw new WeeklyHoursError(`"${text}" is not a time HH:MM`);
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (min > 59 || h > 24 || (h === 24 && (min !== 0 || !allow24))) throw new WeeklyHoursError(`"${text}" is not a time of day`);
  return h * 60 + min;
}

function days(selector: string): number[] {
  const out = new Set<number>();
  for (const part of selector.split(',')) {
    const [from, to] = part.split('-');
    const a = WEEKDAYS.indexOf(from as Weekday);
    const b = to === undefined ? a : WEEKDAYS.indexOf(to as Weekday);
    if (a < 0 || b < 0) throw new WeeklyHoursError(`"${part}" is not a weekday or range of weekdays (Mo Tu We Th Fr Sa Su)`);
    // A range may wrap the week: "Sa-Mo".
    for (let d = a; ; d = (d + 1) % 7) {
      out.add(d);
      if (d === b) break;
    }
  }
  return [...out];
}

/** Parses the hours; throws a WeeklyHoursError saying what is wrong. */
export function parseWeeklyHours(text: string): WeeklyHours {
  const week: [number, number][][] = WEEKDAYS.map(() => []);
  const trimmed = text.trim();
  if (trimmed === '') throw new WeeklyHoursError('is empty');
  if (trimmed === '24/7') return WEEKDAYS.map(() => [[0, 1440]]);
  for (const rule of trimmed.split(';').map((r) => r.trim())) {
    if (rule === '') continue;
    const match = /^(?:([A-Za-z,-]+)\s+)?([\d:,\s-]+)$/.exec(rule);
    if (!match) throw new WeeklyHoursError(`"${rule}" is not "days HH:MM-HH:MM"`);
    const selected = match[1] ? days(match[1]) : [0, 1, 2, 3, 4, 5, 6];
    const spans = match[2].split(',').map((span) => {
      const [from, to, extra] = span.trim().split('-');
      if (to === undefined || extra !== undefined) throw new WeeklyHoursError(`"${span.trim()}" is not a span HH:MM-HH:MM`);
      const start = minutes(from, false);
      const end = minutes(to, true);
      if (end <= start) throw new WeeklyHoursError(`"${span.trim()}" ends before it starts (spans past midnight are not supported)`);
      return [start, end] as [number, number];
    });
    for (const d of selected) week[d] = spans.slice().sort((p, q) => p[0] - q[0]);
  }
  return week;
}

/** Whether the hours include that moment of the week. */
export function isOpenAt(hours: WeeklyHours, at: WeekTime): boolean {
  const spans = hours[WEEKDAYS.indexOf(at.day)] ?? [];
  return spans.some(([start, end]) => at.minute >= start && at.minute < end);
}

/** Open hours a week, for a one-line summary ("28 h a week"). */
export function hoursPerWeek(hours: WeeklyHours): number {
  return hours.reduce((sum, spans) => sum + spans.reduce((s, [a, b]) => s + (b - a), 0), 0) / 60;
}
