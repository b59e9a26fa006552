-- DropIndex
DROP INDEX "CheckResult_monitorId_checkedAt_idx";

-- DropIndex
DROP INDEX "CheckResult_checkedAt_idx";

-- AlterTable
ALTER TABLE "Monitor" ALTER COLUMN "tallies" DROP NOT NULL,
ALTER COLUMN "tallies" DROP DEFAULT;

-- AlterTable
ALTER TABLE "CheckResult" DROP CONSTRAINT "CheckResult_pkey",
DROP COLUMN "id",
ADD CONSTRAINT "CheckResult_pkey" PRIMARY KEY ("monitorId", "checkedAt", "location");

