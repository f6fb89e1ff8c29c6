import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** A throwaway database or vhost for one test file. */
export interface TestResource {
  url: string;
  name: string;
  drop(): Promise<void>;
}

const LOCAL_POSTGRES = 'postgres://postgres@127.0.0.1:5432/postgres';

/** A fresh, empty database next to `adminUrl`'s; drop() removes it even with sessions still open. */
export async function createTestDatabase(adminUrl = LOCAL_POSTGRES): Promise<TestResource> {
  const name = `chasqui_test_${randomBytes(6).toString('hex')}`;
  await asAdmin(adminUrl, `create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), name, drop: () => asAdmin(adminUrl, `drop database if exists ${name} with (force)`) };
}

async function asAdmin(adminUrl: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
