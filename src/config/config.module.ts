import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { validateEnvironment } from './environment.js';
import {
  apioConfig,
  appConfig,
  auditConfig,
  authConfig,
  jobsConfig,
  logConfig,
  ociConfig,
  storeConfig,
} from './namespaces.js';

/** Loads `ENV_FILE` (if given) into the environment, validates it, and provides the typed namespaces. */
@Module({
  imports: [
    ConfigModule.forRoot({
      isGlobal: true,
      cache: true,
      envFilePath: process.env.ENV_FILE ? [process.env.ENV_FILE] : [],
      validate: validateEnvironment,
      load: [appConfig, ociConfig, apioConfig, logConfig, authConfig, storeConfig, auditConfig, jobsConfig],
    }),
  ],
})
export class AppConfigModule {}
