// Which modules reach outside the process, by what they are: Node's built-ins for the network, the file system and
// other processes, and the packages of common database and HTTP clients. Shared by the analyses that ask what a
// call does (`task-effects.ts` for fan-out, `resource-use.ts` for ordering), so both name the same modules alike.
import { builtinModules } from 'node:module';

import { normalizeModule } from '../util/module-specifiers';

export const NETWORK_MODULES: ReadonlySet<string> = new Set([
  'http',
  'https',
  'http2',
  'net',
  'tls',
  'dgram',
  'dns',
  'dns/promises',
]);
export const FILE_SYSTEM_MODULES: ReadonlySet<string> = new Set(['fs', 'fs/promises']);
export const PROCESS_MODULES: ReadonlySet<string> = new Set([
  'child_process',
  'cluster',
  'worker_threads',
]);
/** Every Node built-in, without the `node:` prefix. */
export const NODE_MODULES: ReadonlySet<string> = new Set(builtinModules.map(normalizeModule));

export const DATABASE_PACKAGES: ReadonlySet<string> = new Set([
  'pg',
  'postgres',
  'mysql',
  'mysql2',
  'mongodb',
  'mongoose',
  'redis',
  'ioredis',
  '@prisma/client',
  'sequelize',
  'typeorm',
  'knex',
  'better-sqlite3',
  'sqlite3',
  'drizzle-orm',
  'kysely',
  'cassandra-driver',
  '@elastic/elasticsearch',
]);
export const HTTP_CLIENT_PACKAGES: ReadonlySet<string> = new Set([
  'axios',
  'undici',
  'got',
  'node-fetch',
  'ky',
  'superagent',
  'needle',
  'cross-fetch',
  'ofetch',
]);
