-- AlterTable
ALTER TABLE "Contact" ADD COLUMN "deactivatedAt" DATETIME;

