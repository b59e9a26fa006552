-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN "escalatedAt" DATETIME;
ALTER TABLE "Ticket" ADD COLUMN "escalationReason" TEXT;

