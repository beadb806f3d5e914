import { Global, Module } from '@nestjs/common';
import { AppConfig, loadConfig } from './app-config';

/** Reads the environment when the app is built (not when this file is imported), so tests can set it first. */
@Global()
@Module({
  providers: [{ provide: AppConfig, useFactory: () => loadConfig() }],
  exports: [AppConfig],
})
export class ConfigModule {}
