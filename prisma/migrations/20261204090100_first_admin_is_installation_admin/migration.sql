-- On an installation that already has users, the first admin (the one /setup or the demo created) becomes the
-- installation's administrator; every other admin stays an account admin. A new enum value can only be used once
-- the migration that added it has committed, hence a migration of its own.
UPDATE "User" SET "role" = 'INSTALLATION_ADMIN'
 WHERE "id" = (SELECT "id" FROM "User" WHERE "role" = 'ADMIN' ORDER BY "createdAt", "id" LIMIT 1)
   AND NOT EXISTS (SELECT 1 FROM "User" WHERE "role" = 'INSTALLATION_ADMIN');
