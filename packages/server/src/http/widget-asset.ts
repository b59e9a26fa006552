import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const widgetDist = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'widget', 'dist', 'widget.js');

/** The built widget script, read once; null when the widget was not built. */
export function loadWidgetScript(path = widgetDist): Buffer | null {
  return existsSync(path) ? readFileSync(path) : null;
}
