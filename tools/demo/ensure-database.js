// Creates the demo database named in DATABASE_URL when it does not exist yet.
const { Client } = require('pg');

(async () => {
  const url = new URL(process.env.DATABASE_URL);
  const name = url.pathname.slice(1);
  url.pathname = '/postgres';
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
  if (rowCount === 0) await client.query(`create database "${name.replace(/"/g, '""')}"`);
  await client.end();
})().catch((error) => {
  console.error(`cannot reach PostgreSQL at ${process.env.DATABASE_URL}: ${error.message}`);
  process.exit(1);
});
