-- Requests refused before anyone signed in (a cross-origin write without a session, a sign-in refused by the lockout)
-- are counted, not recorded one audit row each: an anonymous caller could otherwise grow the append-only audit log
-- without bound. One row per source address and minute, its count moved by each refusal; the daily retention job
-- removes rows older than 90 days (lib/audit/anonymous-refusal.ts).
CREATE TABLE "AnonymousRefusal" (
    "sourceIp" TEXT NOT NULL,
    "minute" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 1,
    "firstPath" TEXT NOT NULL,
    "lastPath" TEXT NOT NULL,

    CONSTRAINT "AnonymousRefusal_pkey" PRIMARY KEY ("sourceIp", "minute")
);
CREATE INDEX "AnonymousRefusal_minute_idx" ON "AnonymousRefusal"("minute");
