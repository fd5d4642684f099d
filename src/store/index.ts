// Store room entry: open the store a location names. SQLite is the embedded default.
import { SqliteStore } from './sqlite/index.js';
import type { Store } from './types.js';

export type * from './types.js';

export function openStore(location: string): Store {
  if (/^postgres(ql)?:\/\//i.test(location)) {
    throw new Error('PostgreSQL store is not part of this build yet; use a SQLite file path for --db');
  }
  return new SqliteStore(location);
}
