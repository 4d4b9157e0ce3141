-- AlterTable
ALTER TABLE "ApiKey" ADD COLUMN     "upstreamName" TEXT,
ADD COLUMN     "refusedCount" INTEGER,
ADD COLUMN     "lastRefusedIp" TEXT,
ADD COLUMN     "lastRefusedAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "ApiKey_accountId_name_idx" ON "ApiKey"("accountId", "name");

-- CreateIndex
CREATE INDEX "ApiKey_accountId_createdAt_idx" ON "ApiKey"("accountId", "createdAt");

-- CreateIndex
CREATE INDEX "ApiKey_accountId_lastUsedAt_idx" ON "ApiKey"("accountId", "lastUsedAt");

-- CreateIndex
CREATE INDEX "ApiKey_accountId_useCount_idx" ON "ApiKey"("accountId", "useCount");

-- CreateIndex
CREATE INDEX "ApiKey_accountId_usageFetchedAt_idx" ON "ApiKey"("accountId", "usageFetchedAt");

-- CreateIndex
CREATE INDEX "ApiKey_accountId_ipsFetchedAt_idx" ON "ApiKey"("accountId", "ipsFetchedAt");
