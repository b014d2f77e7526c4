/** City-wide progress of Hangzhou's future communities (`?view=city`). */
export function CityApp() {
  return null;
}
