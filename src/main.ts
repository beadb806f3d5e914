import 'reflect-metadata';
import { createApi } from './bootstrap';
import { ConfigError, loadConfig } from './config/app-config';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApi();
  await app.listen({ port: config.PORT, host: '0.0.0.0' });
}

main().catch((err: Error) => {
  console.error(err instanceof ConfigError ? err.message : (err.stack ?? err.message));
  process.exit(1);
});
