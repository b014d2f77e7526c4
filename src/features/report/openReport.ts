import type { AppStore } from '../../stores/appStore';

const FRAME_ID = 'community-report-frame';

/**
 * 生成报告: builds the report HTML, saves it as a download (an .html file that prints the same
 * anywhere, offline) and prints it from a hidden iframe, so the user can "Save as PDF" in the print
 * dialog. An iframe rather than a new window: window.open after the awaits below is no longer a
 * direct answer to the click and popup blockers would stop it.
 */
export async function openReport(store: AppStore, snapshot: (() => Promise<string>) | null): Promise<void> {
  const { reportDocument } = await import('./reportDocument');
  const { html, fileName } = await reportDocument(store, snapshot);
  download(html, fileName);
  document.getElementById(FRAME_ID)?.remove();
  const frame = document.createElement('iframe');
  frame.id = FRAME_ID;
  frame.title = fileName;
  frame.setAttribute('aria-hidden', 'true');
  frame.setAttribute('data-testid', 'report-frame');
  // Sandboxed: no script runs in the report, it cannot navigate or open anything. Printing it from
  // here needs exactly these two flags in Chromium: allow-same-origin to reach its window (print() is
  // not callable across origins), allow-modals for print() itself ("Ignored call to 'print()'. The
  // document is sandboxed, and the 'allow-modals' keyword is not set."). Without allow-scripts the
  // same origin gives the report's content nothing to run.
  frame.setAttribute('sandbox', 'allow-same-origin allow-modals');
  // Laid out at A4 width but out of sight: print() lays it out again for paper.
  frame.style.cssText = 'position:fixed;left:-10000px;top:0;width:210mm;height:297mm;border:0;visibility:hidden';
  frame.addEventListener(
    'load',
    () => {
      const view = frame.contentWindow;
      // Says on the frame that the print dialog was asked for (a sandbox that blocks it only warns in the console).
      view?.addEventListener('beforeprint', () => frame.setAttribute('data-printed', 'true'), { once: true });
      view?.focus();
      view?.print();
    },
    { once: true },
  );
  frame.srcdoc = html;
  document.body.appendChild(frame);
}

function download(html: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([html], { type: 'text/html;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // Give the download a moment to start before the object URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
