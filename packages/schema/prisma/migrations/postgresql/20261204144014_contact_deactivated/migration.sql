-- AlterTable
ALTER TABLE "Contact" ADD COLUMN     "deactivatedAt" TIMESTAMP(3);

