/**
 * `npm run user:add -- --username … --role administrator|caseworker|public [--community …]
 * [--grids grid-1,grid-2] [--display-name …]`: adds an account. The password comes from FCT_PASSWORD
 * or standard input (first line), never from the command line, where other users of the machine and
 * the shell history would see it.
 */
import { parseArgs } from 'node:util';
import { ROLES, type Role } from '../../data/privacy/mask';
import { migrate } from '../db/migrate';
import { openStoreFromEnvironment } from '../openStore';
import { seedSample } from '../seed';
import { createUser } from '../users';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('password: ');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0];
}

const { values } = parseArgs({
  options: {
    username: { type: 'string' },
    role: { type: 'string' },
    community: { type: 'string' },
    grids: { type: 'string' },
    'display-name': { type: 'string' },
  },
});
if (!values.username || !values.role || !(ROLES as readonly string[]).includes(values.role)) {
  console.error(`usage: npm run user:add -- --username NAME --role ${ROLES.join('|')} [--community ID] [--grids grid-1,grid-2] [--display-name TEXT]
the password is read from FCT_PASSWORD or standard input`);
  process.exit(2);
}
const password = process.env.FCT_PASSWORD ?? (await readStdin());
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const store = await openStoreFromEnvironment(process.env.DATABASE_URL, resolve(process.env.FCT_DATA_DIR ?? join(root, 'data')));
try {
  await migrate(store);
  // As the service does on start: the sample community exists, so its accounts can be added first.
  await seedSample(store);
  await createUser(store, {
    username: values.username,
    displayName: values['display-name'] ?? values.username,
    role: values.role as Role,
    communityId: values.community ?? null,
    gridIds: values.grids
      ? values.grids
          .split(',')
          .map((g) => g.trim())
          .filter(Boolean)
      : [],
    password,
  });
  console.log(`added ${values.username} (${values.role})`);
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  await store.close();
}
