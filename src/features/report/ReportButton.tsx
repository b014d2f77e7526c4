import { useState } from 'react';
import { useApp, useTranslate } from '../../ui/StoreContext';

/**
 * 生成报告 / Report: the one-click community report (杭政办函〔2023〕52号 四(二)6). Enabled once the
 * service circles are computed, since the report prints them; what it does is the app's callback.
 */
export function ReportButton({ onReport }: { onReport: () => Promise<void> }) {
  const t = useTranslate();
  const ready = useApp((s) => s.community !== null && s.coverage !== null);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const click = () => {
    setBusy(true);
    setFailed(null);
    onReport()
      .catch((error: unknown) => setFailed(error instanceof Error ? error.message : String(error)))
      .finally(() => setBusy(false));
  };
  return (
    <button
      type="button"
      className="report-button"
      onClick={click}
      disabled={!ready || busy}
      title={failed ? `${t('report.failed')}: ${failed}` : ready ? t('report.buttonTitle') : t('report.buttonWaiting')}
      aria-busy={busy}
      data-testid="report-button"
    >
      {busy ? t('report.buttonBusy') : t('report.button')}
      {failed ? ' ⚠' : ''}
    </button>
  );
}
