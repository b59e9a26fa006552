-- DropIndex
DROP INDEX "Ticket_status_priority_queuedAt_idx";

-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN     "priorityRank" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "Ticket_status_priorityRank_queuedAt_idx" ON "Ticket"("status", "priorityRank", "queuedAt");

