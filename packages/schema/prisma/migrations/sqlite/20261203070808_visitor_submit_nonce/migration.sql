-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN "submitNonceHash" TEXT;

