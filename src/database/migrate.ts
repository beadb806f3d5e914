import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/app-config';
import { dataSourceOptions } from './data-source-options';

/** Applies (or reverts the last of) the migrations without ts-node, from the build. */
async function main(): Promise<void> {
  const command = process.argv[2] ?? 'run';
  const ds = new DataSource(dataSourceOptions(loadConfig().DATABASE_URL));
  await ds.initialize();
  try {
    if (command === 'run') {
      const applied = await ds.runMigrations({ transaction: 'each' });
      process.stdout.write(`Applied ${applied.length} migration(s)\n`);
    } else if (command === 'revert') {
      await ds.undoLastMigration({ transaction: 'each' });
      process.stdout.write('Reverted the last migration\n');
    } else {
      throw new Error(`Unknown command "${command}" (use run or revert)`);
    }
  } finally {
    await ds.destroy();
  }
}

main().catch((err: Error) => {
  console.error(err.message);
  process.exit(1);
});
