/**
 * Saves a JSON document as a file download (a Blob and an <a download>): everything stays on the
 * machine, which matters for an intranet deployment.
 */
export function downloadJson(fileName: string, data: unknown): void {
  const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // Give the download a moment to start before the object URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
