import type { CaredeskWidget } from './caredesk-widget.ts';

/** Takes a screenshot with the lazily loaded snapdom part and adds it to the files. */
export async function takeScreenshot(w: CaredeskWidget): Promise<void> {
  const t = w.t;
  w.busy = true;
  w.notice = t('capturing');
  try {
    const { captureViewport } = await import('./lazy/screenshot.ts');
    const blob = await captureViewport(w.localName);
    const stamp = new Date().toISOString().slice(0, 19).replace(/[T:]/g, '-');
    w.addFiles([new File([blob], `screenshot-${stamp}.png`, { type: 'image/png' })]);
  } catch {
    w.problems = [t('shotFailed')];
  } finally {
    w.busy = false;
    w.notice = '';
  }
}

/** Opens the annotation editor (its own lazy part) and replaces the file with the marked-up one. */
export async function annotateFile(w: CaredeskWidget, file: File): Promise<void> {
  const { annotate } = await import('./lazy/annotate.ts');
  const panel = w.renderRoot.querySelector('.panel') as HTMLElement;
  const marked = await annotate(file, panel, w.activeLocale);
  if (marked) {
    const copy = new File([marked], file.name.replace(/\.\w+$/, '.png'), { type: 'image/png' });
    w.files = w.files.map((f) => (f === file ? copy : f));
  }
}
