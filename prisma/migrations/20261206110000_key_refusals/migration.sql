-- Calls sendSMS refused for a key, per address: when first and last, how many (a Default key used from an address
-- not on its list). The key page lists them beside Locked On IP, so that an admin learns why an integration fails
-- and can authorize the address in one step. Written by each usage collection from token_list.
CREATE TABLE "KeyRefusal" (
    "keyId" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "firstAt" TIMESTAMP(3) NOT NULL,
    "lastAt" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "KeyRefusal_pkey" PRIMARY KEY ("keyId", "address")
);
ALTER TABLE "KeyRefusal" ADD CONSTRAINT "KeyRefusal_keyId_fkey" FOREIGN KEY ("keyId") REFERENCES "ApiKey"("id") ON DELETE CASCADE ON UPDATE CASCADE;
