-- CreateEnum
CREATE TYPE "UpstreamChangeAction" AS ENUM ('TOKEN_GENERATE', 'TOKEN_ADD_IP', 'TOKEN_DELETE');

-- CreateEnum
CREATE TYPE "UpstreamChangeState" AS ENUM ('OPEN', 'UNKNOWN', 'SUCCEEDED', 'FAILED');

-- AlterTable
ALTER TABLE "ApiKey" ADD COLUMN     "secretUnseenAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "UpstreamChange" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "keyId" TEXT,
    "action" "UpstreamChangeAction" NOT NULL,
    "params" JSONB NOT NULL DEFAULT '{}',
    "actorId" TEXT,
    "actorEmail" TEXT,
    "actorRole" "Role",
    "sourceIp" TEXT,
    "userAgent" TEXT,
    "state" "UpstreamChangeState" NOT NULL DEFAULT 'OPEN',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMP(3),
    "resolvedBy" TEXT,
    "detail" TEXT,
    "upstreamStatus" INTEGER,
    "checkAttempts" INTEGER NOT NULL DEFAULT 0,
    "lastCheckAt" TIMESTAMP(3),
    "lastCheckError" TEXT,
    "claimToken" TEXT,
    "claimedUntil" TIMESTAMP(3),

    CONSTRAINT "UpstreamChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "UpstreamChange_state_createdAt_idx" ON "UpstreamChange"("state", "createdAt");

-- CreateIndex
CREATE INDEX "UpstreamChange_accountId_state_idx" ON "UpstreamChange"("accountId", "state");

-- CreateIndex
CREATE INDEX "UpstreamChange_keyId_state_idx" ON "UpstreamChange"("keyId", "state");

-- AddForeignKey
ALTER TABLE "UpstreamChange" ADD CONSTRAINT "UpstreamChange_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;
