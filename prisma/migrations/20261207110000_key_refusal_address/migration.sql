-- Find a key by any address it was refused from, not only the last one (issue 14's run of the support journey).
CREATE INDEX "KeyRefusal_address_idx" ON "KeyRefusal"("address");
