import { formatSuppressed, suppressCount } from '../../data/privacy/aggregate';
import { formatNumber } from '../../i18n/translate';
import { useApp } from '../../ui/StoreContext';

type Translate = (key: string, params?: Record<string, string | number>) => string;

/** Number formats of the reuse views in the current language; counts of people pass small-cell suppression. */
export function useReuseFormat() {
  const language = useApp((s) => s.language);
  const n = (value: number, digits = 0) => formatNumber(language, value, digits);
  return {
    n,
    /** A count of people: "<5" for 1–4, like every other count of residents on screen. */
    people: (value: number | null) => (value === null ? '–' : formatSuppressed(suppressCount(value), (x) => n(x))),
    percent: (share: number | null, digits = 0) => (share === null ? '–' : `${n(share * 100, digits)}%`),
    /** A difference of shares in percentage points, signed. */
    points: (delta: number) => `${delta > 0 ? '+' : delta < 0 ? '−' : '±'}${n(Math.abs(delta) * 100, 1)}`,
    minutes: (seconds: number) => (seconds === Infinity ? '∞' : n(seconds / 60, 1)),
  };
}

/**
 * A feasibility reason (English text from analysis/reuse/feasibility.ts) in the UI language: the
 * known patterns are translated, anything else is shown as it is rather than hidden.
 */
export function reasonText(reason: string, t: Translate): string {
  if (reason === 'no ground-floor access') return t('reuse.reason.noGroundAccess');
  if (reason === 'ground-floor access not recorded') return t('reuse.reason.groundAccessUnknown');
  let m = /^area on floors ≤ (\d+) \(no elevator\) ([\d.]+) < ([\d.]+) m²$/.exec(reason);
  if (m) return t('reuse.reason.areaNoElevator', { floor: m[1], area: m[2], min: m[3] });
  m = /^area ([\d.]+) < ([\d.]+) m²$/.exec(reason);
  if (m) return t('reuse.reason.area', { area: m[1], min: m[2] });
  return reason;
}
