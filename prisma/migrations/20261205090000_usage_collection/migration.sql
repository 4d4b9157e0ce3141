-- Usage collected on a schedule (lib/collection): every account's collection state, the keys people are looking at,
-- and the usage series kept as uses per hour (7 days) and per day (USAGE_RETENTION_MONTHS, 13 by default), so that a
-- chart over a year reads one row per key and day instead of every snapshot.

-- When a key's use count last went up: its IP list is fetched before the others' (a key in use may be refused).
ALTER TABLE "ApiKey" ADD COLUMN "usageChangedAt" TIMESTAMP(3);

-- Which collection wrote a snapshot: a collection retried after its process died writes each key's snapshot once.
ALTER TABLE "UsageSnapshot" ADD COLUMN "collectionId" TEXT;
CREATE UNIQUE INDEX "UsageSnapshot_keyId_collectionId_key" ON "UsageSnapshot"("keyId", "collectionId");
CREATE INDEX "UsageSnapshot_takenAt_idx" ON "UsageSnapshot"("takenAt");

-- One row per account: when its collection last ran, how it ended, and when the next one is due (later after
-- failures: the upstream is not hammered). Not a key table, so writing it does not move the account's keys version.
CREATE TABLE "AccountCollection" (
    "accountId" TEXT NOT NULL,
    "nextRunAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastStartedAt" TIMESTAMP(3),
    "lastFinishedAt" TIMESTAMP(3),
    "lastSucceededAt" TIMESTAMP(3),
    "lastUsageAt" TIMESTAMP(3),
    "failureCount" INTEGER NOT NULL DEFAULT 0,
    "lastProblem" TEXT,
    "lastUpstreamStatus" INTEGER,

    CONSTRAINT "AccountCollection_pkey" PRIMARY KEY ("accountId")
);
CREATE INDEX "AccountCollection_nextRunAt_idx" ON "AccountCollection"("nextRunAt");
ALTER TABLE "AccountCollection" ADD CONSTRAINT "AccountCollection_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A person has the key's page open: its IP list is collected first. One row per key, rewritten at most once a minute.
CREATE TABLE "KeyWatch" (
    "keyId" TEXT NOT NULL,
    "watchedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "KeyWatch_pkey" PRIMARY KEY ("keyId")
);
ALTER TABLE "KeyWatch" ADD CONSTRAINT "KeyWatch_keyId_fkey" FOREIGN KEY ("keyId") REFERENCES "ApiKey"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Uses per hour and per day: the growth of the use count between two collections, counted in the period of the
-- later one. The account is kept beside the key so that a view of many accounts reads one index.
CREATE TABLE "UsageHour" (
    "keyId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "uses" INTEGER NOT NULL,

    CONSTRAINT "UsageHour_pkey" PRIMARY KEY ("keyId", "startsAt")
);
CREATE INDEX "UsageHour_accountId_startsAt_idx" ON "UsageHour"("accountId", "startsAt");
CREATE INDEX "UsageHour_startsAt_idx" ON "UsageHour"("startsAt");
ALTER TABLE "UsageHour" ADD CONSTRAINT "UsageHour_keyId_fkey" FOREIGN KEY ("keyId") REFERENCES "ApiKey"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "UsageDay" (
    "keyId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "uses" INTEGER NOT NULL,

    CONSTRAINT "UsageDay_pkey" PRIMARY KEY ("keyId", "day")
);
CREATE INDEX "UsageDay_accountId_day_idx" ON "UsageDay"("accountId", "day");
CREATE INDEX "UsageDay_day_idx" ON "UsageDay"("day");
ALTER TABLE "UsageDay" ADD CONSTRAINT "UsageDay_keyId_fkey" FOREIGN KEY ("keyId") REFERENCES "ApiKey"("id") ON DELETE CASCADE ON UPDATE CASCADE;
