-- The installation's administrator, apart from account admins (issue 10: one role was doing two jobs).
ALTER TYPE "Role" ADD VALUE 'INSTALLATION_ADMIN';

-- Sessions that end on the server: every session carries the user's version at sign-in (a change of password,
-- 2FA, role or a disabled flag moves it and ends them all), and a signed-out session's id is kept until the
-- session would have expired anyway.
ALTER TABLE "User" ADD COLUMN     "sessionVersion" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "totpLastStep" INTEGER;

-- CreateTable
CREATE TABLE "RevokedSession" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RevokedSession_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RevokedSession_expiresAt_idx" ON "RevokedSession"("expiresAt");
