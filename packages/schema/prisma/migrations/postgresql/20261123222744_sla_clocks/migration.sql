-- CreateEnum
CREATE TYPE "SlaEventKind" AS ENUM ('REACTION_WARNING', 'REACTION_BREACHED', 'RESOLUTION_WARNING', 'RESOLUTION_BREACHED', 'ESCALATED');

-- AlterTable
ALTER TABLE "StudioSettings" ADD COLUMN     "calendarVersion" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN     "reactedAt" TIMESTAMP(3),
ADD COLUMN     "reactionStartedAt" TIMESTAMP(3),
ADD COLUMN     "reactionWarningAt" TIMESTAMP(3),
ADD COLUMN     "resolutionElapsedMinutes" DOUBLE PRECISION NOT NULL DEFAULT 0,
ADD COLUMN     "resolutionRunningSince" TIMESTAMP(3),
ADD COLUMN     "resolutionTargetMinutes" INTEGER,
ADD COLUMN     "resolutionWarningAt" TIMESTAMP(3),
ADD COLUMN     "slaCheckAt" TIMESTAMP(3),
ADD COLUMN     "slaDueAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "SlaEvent" (
    "id" TEXT NOT NULL,
    "ticketId" TEXT NOT NULL,
    "kind" "SlaEventKind" NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "staffId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SlaEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SlaEvent_kind_createdAt_idx" ON "SlaEvent"("kind", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "SlaEvent_ticketId_kind_dueAt_key" ON "SlaEvent"("ticketId", "kind", "dueAt");

-- CreateIndex
CREATE INDEX "Ticket_slaCheckAt_idx" ON "Ticket"("slaCheckAt");

-- CreateIndex
CREATE INDEX "Ticket_slaDueAt_idx" ON "Ticket"("slaDueAt");

-- AddForeignKey
ALTER TABLE "SlaEvent" ADD CONSTRAINT "SlaEvent_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE CASCADE ON UPDATE CASCADE;

