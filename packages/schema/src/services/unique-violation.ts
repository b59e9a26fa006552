/** Whether Prisma refused a write because of a unique constraint (P2002), on either database. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string; cause?: { kind?: string } };
  return (
    e?.code === 'P2002' ||
    e?.cause?.kind === 'UniqueConstraintViolation' ||
    /Unique constraint failed/i.test(e?.message ?? '')
  );
}
