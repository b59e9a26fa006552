-- CreateEnum
CREATE TYPE "RollupPeriod" AS ENUM ('HOUR', 'DAY');

-- AlterEnum
ALTER TYPE "MonitorState" ADD VALUE 'NOT_SUPPORTED';

-- AlterEnum
ALTER TYPE "CheckOutcome" ADD VALUE 'NOT_SUPPORTED';

-- AlterTable
ALTER TABLE "Monitor" DROP COLUMN "consecutiveFailures",
DROP COLUMN "consecutiveSuccesses",
ADD COLUMN     "central" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "degradedAfterMs" INTEGER,
ADD COLUMN     "expiresAt" TIMESTAMP(3),
ADD COLUMN     "expiryWarnedDays" INTEGER,
ADD COLUMN     "lastEvidence" JSONB,
ADD COLUMN     "lastHeartbeatAt" TIMESTAMP(3),
ADD COLUMN     "leaseOwner" TEXT,
ADD COLUMN     "leaseUntil" TIMESTAMP(3),
ADD COLUMN     "tallies" JSONB NOT NULL DEFAULT '{}';

-- AlterTable
ALTER TABLE "CheckResult" ADD COLUMN     "details" JSONB;

-- CreateTable
CREATE TABLE "MonitorAssignment" (
    "id" TEXT NOT NULL,
    "monitorId" TEXT NOT NULL,
    "agentId" TEXT NOT NULL,
    "nextCheckAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaseUntil" TIMESTAMP(3),
    "lastReportAt" TIMESTAMP(3),

    CONSTRAINT "MonitorAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MonitorStateChange" (
    "id" TEXT NOT NULL,
    "monitorId" TEXT NOT NULL,
    "fromState" "MonitorState" NOT NULL,
    "toState" "MonitorState" NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "reason" TEXT,
    "evidence" JSONB,
    "incidentId" TEXT,

    CONSTRAINT "MonitorStateChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MonitorIncident" (
    "id" TEXT NOT NULL,
    "monitorId" TEXT NOT NULL,
    "siteId" TEXT NOT NULL,
    "kind" "MonitorState" NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "endedAt" TIMESTAMP(3),
    "ticketId" TEXT,
    "inMaintenance" BOOLEAN NOT NULL DEFAULT false,
    "evidence" JSONB,

    CONSTRAINT "MonitorIncident_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MonitorRollup" (
    "id" TEXT NOT NULL,
    "monitorId" TEXT NOT NULL,
    "period" "RollupPeriod" NOT NULL,
    "bucketStart" TIMESTAMP(3) NOT NULL,
    "checks" INTEGER NOT NULL,
    "up" INTEGER NOT NULL,
    "degraded" INTEGER NOT NULL,
    "down" INTEGER NOT NULL,
    "errors" INTEGER NOT NULL,
    "minMs" INTEGER,
    "avgMs" INTEGER,
    "p95Ms" INTEGER,
    "maxMs" INTEGER,

    CONSTRAINT "MonitorRollup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MaintenanceWindow" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "monitorId" TEXT,
    "siteId" TEXT,
    "organizationId" TEXT,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3),
    "recurring" BOOLEAN NOT NULL DEFAULT false,
    "weekdays" JSONB NOT NULL DEFAULT '[]',
    "localStart" TEXT,
    "durationMinutes" INTEGER,
    "timeZone" TEXT NOT NULL DEFAULT 'UTC',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MaintenanceWindow_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MonitorAssignment_agentId_nextCheckAt_idx" ON "MonitorAssignment"("agentId", "nextCheckAt");

-- CreateIndex
CREATE UNIQUE INDEX "MonitorAssignment_monitorId_agentId_key" ON "MonitorAssignment"("monitorId", "agentId");

-- CreateIndex
CREATE INDEX "MonitorStateChange_monitorId_at_idx" ON "MonitorStateChange"("monitorId", "at");

-- CreateIndex
CREATE INDEX "MonitorIncident_siteId_startedAt_idx" ON "MonitorIncident"("siteId", "startedAt");

-- CreateIndex
CREATE INDEX "MonitorIncident_monitorId_startedAt_idx" ON "MonitorIncident"("monitorId", "startedAt");

-- CreateIndex
CREATE INDEX "MonitorRollup_period_bucketStart_idx" ON "MonitorRollup"("period", "bucketStart");

-- CreateIndex
CREATE UNIQUE INDEX "MonitorRollup_monitorId_period_bucketStart_key" ON "MonitorRollup"("monitorId", "period", "bucketStart");

-- CreateIndex
CREATE INDEX "MaintenanceWindow_monitorId_idx" ON "MaintenanceWindow"("monitorId");

-- CreateIndex
CREATE INDEX "MaintenanceWindow_siteId_idx" ON "MaintenanceWindow"("siteId");

-- CreateIndex
CREATE INDEX "MaintenanceWindow_organizationId_idx" ON "MaintenanceWindow"("organizationId");

-- CreateIndex
CREATE INDEX "CheckResult_checkedAt_idx" ON "CheckResult"("checkedAt");

-- AddForeignKey
ALTER TABLE "MonitorAssignment" ADD CONSTRAINT "MonitorAssignment_monitorId_fkey" FOREIGN KEY ("monitorId") REFERENCES "Monitor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MonitorAssignment" ADD CONSTRAINT "MonitorAssignment_agentId_fkey" FOREIGN KEY ("agentId") REFERENCES "MonitorAgent"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MonitorStateChange" ADD CONSTRAINT "MonitorStateChange_monitorId_fkey" FOREIGN KEY ("monitorId") REFERENCES "Monitor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MonitorStateChange" ADD CONSTRAINT "MonitorStateChange_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "MonitorIncident"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MonitorIncident" ADD CONSTRAINT "MonitorIncident_monitorId_fkey" FOREIGN KEY ("monitorId") REFERENCES "Monitor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MonitorRollup" ADD CONSTRAINT "MonitorRollup_monitorId_fkey" FOREIGN KEY ("monitorId") REFERENCES "Monitor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MaintenanceWindow" ADD CONSTRAINT "MaintenanceWindow_monitorId_fkey" FOREIGN KEY ("monitorId") REFERENCES "Monitor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

