-- AlterTable
ALTER TABLE "Site" ADD COLUMN     "statusPage" BOOLEAN NOT NULL DEFAULT false;

