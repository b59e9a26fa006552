-- CreateTable
CREATE TABLE "CheckSampleHour" (
    "monitorId" TEXT NOT NULL,
    "location" TEXT NOT NULL DEFAULT 'central',
    "hour" INTEGER NOT NULL,
    "checks" INTEGER NOT NULL,
    "samples" TEXT NOT NULL,

    PRIMARY KEY ("monitorId", "hour", "location"),
    CONSTRAINT "CheckSampleHour_monitorId_fkey" FOREIGN KEY ("monitorId") REFERENCES "Monitor" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

