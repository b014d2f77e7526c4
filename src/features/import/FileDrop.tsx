import { useEffect, useState } from 'react';
import { translate } from '../../i18n/translate';
import { useApp } from '../../ui/StoreContext';

/** Files dropped anywhere on the window are imported; a veil says so while dragging. */
export function FileDrop({ onFiles }: { onFiles: (files: File[]) => void }) {
  const language = useApp((s) => s.language);
  const [dragging, setDragging] = useState(false);
  useEffect(() => {
    const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');
    const over = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      setDragging(true);
    };
    const leave = (e: DragEvent) => {
      if (e.relatedTarget === null) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      setDragging(false);
      onFiles(Array.from(e.dataTransfer?.files ?? []));
    };
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [onFiles]);
  return dragging ? <div className="drop-veil">{translate(language, 'import.drop')}</div> : null;
}
