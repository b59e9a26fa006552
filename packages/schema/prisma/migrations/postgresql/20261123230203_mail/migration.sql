-- CreateEnum
CREATE TYPE "NotificationMode" AS ENUM ('OFF', 'IMMEDIATE', 'DIGEST');

-- AlterTable
ALTER TABLE "OutboxMail" ADD COLUMN     "digest" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "NotificationPreference" (
    "address" TEXT NOT NULL,
    "mode" "NotificationMode" NOT NULL DEFAULT 'IMMEDIATE',
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "NotificationPreference_pkey" PRIMARY KEY ("address")
);

-- CreateIndex
CREATE INDEX "OutboxMail_to_status_idx" ON "OutboxMail"("to", "status");

