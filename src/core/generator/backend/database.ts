// backend/src/db/client.ts and backend/src/db/migrate.ts: opening the database (embedded PGlite
// or PostgreSQL) and applying the SQL migrations once each.
import type { LayerTable } from '../layerFiles';
import client from '../templates/backend/src/db/client.ts?text';
import migrate from '../templates/backend/src/db/migrate.ts?text';
import migrateScript from '../templates/backend/src/scripts/migrate.ts?text';
import type { BackendModel } from './model';

export const DATABASE_LAYER: LayerTable<BackendModel> = {
  layer: 'backend/db',
  serves: (model) => ['api', ...model.entities.map((e) => `entity:${e.entity.name}`)],
  files: [
    {
      path: 'backend/src/db/client.ts',
      content: client,
      explanation:
        'Connects to the database: an embedded PostgreSQL (PGlite) that needs no installation for development and tests, or a real PostgreSQL server when DATABASE_URL is set.',
    },
    {
      path: 'backend/src/db/migrate.ts',
      content: migrate,
      explanation:
        'Applies the SQL files in migrations/ once each, in order, and remembers which ran in a _migrations table. The server calls it at startup.',
    },
    {
      path: 'backend/src/scripts/migrate.ts',
      content: migrateScript,
      explanation: 'Command behind `npm run migrate`: brings the configured database up to date and exits.',
    },
  ],
};
