-- CreateTable
CREATE TABLE "UpstreamCall" (
    "id" BIGSERIAL NOT NULL,
    "apiBaseUrl" TEXT NOT NULL,
    "username" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "calledAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UpstreamCall_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "UpstreamCall_apiBaseUrl_username_calledAt_idx" ON "UpstreamCall"("apiBaseUrl", "username", "calledAt");
