-- CreateEnum
CREATE TYPE "InvoiceKind" AS ENUM ('MONTHLY', 'TICKET', 'CORRECTION');

-- AlterEnum
BEGIN;
CREATE TYPE "InvoiceStatus_new" AS ENUM ('ISSUED', 'PAID', 'VOID');
ALTER TABLE "Invoice" ALTER COLUMN "status" DROP DEFAULT;
ALTER TABLE "Invoice" ALTER COLUMN "status" TYPE "InvoiceStatus_new" USING ("status"::text::"InvoiceStatus_new");
ALTER TYPE "InvoiceStatus" RENAME TO "InvoiceStatus_old";
ALTER TYPE "InvoiceStatus_new" RENAME TO "InvoiceStatus";
DROP TYPE "InvoiceStatus_old";
ALTER TABLE "Invoice" ALTER COLUMN "status" SET DEFAULT 'ISSUED';
COMMIT;

-- DropIndex
DROP INDEX "TimeEntry_staffId_startedAt_idx";

-- AlterTable
ALTER TABLE "Invoice" ADD COLUMN     "correctsId" TEXT,
ADD COLUMN     "key" TEXT NOT NULL,
ADD COLUMN     "kind" "InvoiceKind" NOT NULL;

-- AlterTable
ALTER TABLE "InvoiceLine" ADD COLUMN     "coefficientPercent" INTEGER,
ADD COLUMN     "descriptionEn" TEXT NOT NULL,
ADD COLUMN     "kind" TEXT NOT NULL,
ADD COLUMN     "position" INTEGER NOT NULL,
ADD COLUMN     "priority" "TicketPriority",
ADD COLUMN     "rateKopecks" INTEGER;

-- CreateIndex
CREATE INDEX "TimeEntry_staffId_endedAt_idx" ON "TimeEntry"("staffId", "endedAt");

-- CreateIndex
CREATE INDEX "TimeEntry_startedAt_idx" ON "TimeEntry"("startedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Invoice_key_key" ON "Invoice"("key");

-- CreateIndex
CREATE INDEX "InvoiceLine_ticketId_idx" ON "InvoiceLine"("ticketId");

-- AddForeignKey
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_correctsId_fkey" FOREIGN KEY ("correctsId") REFERENCES "Invoice"("id") ON DELETE SET NULL ON UPDATE CASCADE;

