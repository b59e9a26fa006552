/** The bearer secret of an `Authorization: Bearer …` header, if any. */
export function bearerSecret(header: string | null | undefined): string | null {
  const match = header?.match(/^Bearer\s+(\S+)$/i);
  return match?.[1] ?? null;
}
