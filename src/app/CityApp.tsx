import { useCallback, useEffect, useState } from 'react';
import { DataError } from '../core/errors';
import { HANGZHOU_CITY_FILE } from '../data/city/cityDataset';
import { HANGZHOU_COVERAGE_FILE, parseCommunityCoverage } from '../data/city/communityCoverageFile';
import { parseCityDataset } from '../data/city/readCityDataset';
import { cannotBeRead, parsePackageIndex } from '../data/package/readPackage';
import { localizeError } from '../i18n/issues';
import { parseLanguage, translate, type Language } from '../i18n/translate';
import { CityView, type CityLoadState, type CitySelection, type CityTable } from '../features/city/CityView';
import { modelsUrl } from '../features/community/loadCommunity';

/** `?view=city&district=<id>&entry=<id>`: the drill-down is part of the link, like the planner's state. */
function readSelection(search: string): CitySelection {
  const params = new URLSearchParams(search);
  return { district: params.get('district') || null, community: params.get('entry') || null };
}

/** `&table=gaps` opens the 一老一小 gaps table; the progress table is the default and leaves no parameter. */
function readTable(search: string): CityTable {
  return new URLSearchParams(search).get('table') === 'gaps' ? 'gaps' : 'progress';
}

function writeSelection(selection: CitySelection, table?: CityTable): void {
  const params = new URLSearchParams(window.location.search);
  for (const [key, value] of [
    ['district', selection.district],
    ['entry', selection.community],
    ['table', table === undefined ? params.get('table') : table === 'gaps' ? 'gaps' : null],
  ] as const) {
    if (value) params.set(key, value);
    else params.delete(key);
  }
  const search = params.toString() ? `?${params.toString()}` : '';
  if (search !== window.location.search)
    window.history.replaceState(null, '', `${window.location.pathname}${search}${window.location.hash}`);
}

/** The same page in the other language, keeping the rest of the link. */
function languageHref(language: Language): string {
  const params = new URLSearchParams(window.location.search);
  params.set('lang', language === 'en' ? 'zh-CN' : 'en');
  return `?${params.toString()}`;
}

/** The planner (`?community=<package id>`), in the same language; render profile kept for kiosks and tests. */
function plannerLink(packageId: string, language: Language): string {
  const current = new URLSearchParams(window.location.search);
  const params = new URLSearchParams({ community: packageId });
  if (language === 'en') params.set('lang', 'en');
  const profile = current.get('profile');
  if (profile) params.set('profile', profile);
  return `?${params.toString()}`;
}

/**
 * The 3D view over a community on the city base: the planner's camera 1.5 km south of it, looking
 * north 45° down, so the community sits in the middle of the view with the city around it; `fly=1`
 * starts over the city and flies down there.
 */
export function baseViewLink([lon, lat]: [number, number], language: Language): string {
  const current = new URLSearchParams(window.location.search);
  const params = new URLSearchParams({ cam: `${lon.toFixed(6)},${(lat - 0.0135).toFixed(6)},1500,0,-45`, fly: '1' });
  if (language === 'en') params.set('lang', 'en');
  const profile = current.get('profile');
  if (profile) params.set('profile', profile);
  return `?${params.toString()}`;
}

async function loadCity(language: Language): Promise<CityLoadState> {
  const base = modelsUrl();
  try {
    const response = await fetch(new URL(HANGZHOU_CITY_FILE, base));
    if (!response.ok) throw new DataError([{ file: `models/${HANGZHOU_CITY_FILE}`, ...cannotBeRead(`HTTP ${response.status}`) }]);
    const dataset = parseCityDataset(await response.text(), `models/${HANGZHOU_CITY_FILE}`);
    // A package path of the list → the id the planner opens it by (models/index.json).
    const packageIds = new Map<string, string>();
    try {
      const index = await fetch(new URL('index.json', base));
      if (index.ok) for (const entry of parsePackageIndex(await index.json())) packageIds.set(entry.path, entry.id);
    } catch {
      // Without the index, a package is opened by its folder name.
    }
    const plannerHref = (communityId: string) => {
      const pkg = dataset.communities.find((c) => c.id === communityId)?.package;
      if (!pkg) return null;
      return plannerLink(packageIds.get(pkg) ?? pkg.replace(/\/$/, '').split('/').pop()!, language);
    };
    const baseHref = (communityId: string) => baseViewLink(dataset.communities.find((c) => c.id === communityId)!.position, language);
    const loadCoverage = async (signal: AbortSignal) => {
      const file = `models/${HANGZHOU_COVERAGE_FILE}`;
      const response = await fetch(new URL(HANGZHOU_COVERAGE_FILE, base), { signal });
      if (!response.ok) throw new DataError([{ file, ...cannotBeRead(`HTTP ${response.status}`) }]);
      try {
        return parseCommunityCoverage(await response.text(), file);
      } catch (error) {
        throw new Error(localizeError(error, language), { cause: error });
      }
    };
    return { status: 'ready', dataset, plannerHref, baseHref, loadCoverage };
  } catch (error) {
    const message = localizeError(error, language);
    return { status: 'error', message };
  }
}

/** City-wide progress of Hangzhou's future communities (`?view=city`). */
export function CityApp() {
  const [language] = useState<Language>(() => parseLanguage(new URLSearchParams(window.location.search).get('lang')) ?? 'zh-CN');
  const [state, setState] = useState<CityLoadState>({ status: 'loading' });
  const [selection, setSelection] = useState<CitySelection>(() => readSelection(window.location.search));

  useEffect(() => {
    let cancelled = false;
    void loadCity(language).then((s) => {
      if (!cancelled) setState(s);
    });
    return () => {
      cancelled = true;
    };
  }, [language]);

  useEffect(() => {
    document.title = translate(language, 'city.documentTitle');
  }, [language]);

  const onSelectionChange = useCallback((next: CitySelection) => {
    setSelection(next);
    writeSelection(next);
  }, []);

  return (
    <CityView
      state={state}
      language={language}
      selection={selection}
      onSelectionChange={onSelectionChange}
      languageHref={languageHref(language)}
      initialTable={readTable(window.location.search)}
      onTableChange={(table) => writeSelection(selection, table)}
    />
  );
}
