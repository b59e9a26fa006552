/** The evidence of a check as stored on the monitor and its results. */
export interface Evidence {
  outcome: string;
  location: string;
  checkedAt: string;
  statusCode?: number | null;
  responseTimeMs?: number | null;
  message?: string | null;
  details?: Record<string, unknown> | null;
}

/** Evidence as people read it in a ticket and a letter (labels in Russian and English). */
export function evidenceText(e: Evidence): string {
  const lines = [`Проверка / Check: ${e.outcome} (${e.location}, ${e.checkedAt})`];
  if (e.statusCode) lines.push(`Статус / Status: HTTP ${e.statusCode}`);
  if (e.message) lines.push(`Ошибка / Error: ${e.message}`);
  if (e.responseTimeMs !== null && e.responseTimeMs !== undefined)
    lines.push(`Время ответа / Response time: ${e.responseTimeMs} ms`);
  const details = e.details ?? {};
  if (details.url) lines.push(`URL: ${String(details.url)}`);
  const timings = details.timings as Record<string, number> | undefined;
  if (timings)
    lines.push(
      `Тайминги / Timings: ${Object.entries(timings)
        .map(([k, v]) => `${k.replace(/Ms$/, '')} ${v} ms`)
        .join(', ')}`,
    );
  if (details.excerpt) lines.push(`Ответ (начало) / Response excerpt:\n${String(details.excerpt)}`);
  return lines.join('\n');
}
