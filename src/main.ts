import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { ConfigType } from '@nestjs/config';
import { AppModule } from './app.module.js';
import { configureApp } from './bootstrap.js';
import { appConfig, ociConfig } from './config/namespaces.js';

const app = await NestFactory.create(AppModule, { bodyParser: false });
configureApp(app);
app.enableShutdownHooks();
const config = app.get<ConfigType<typeof appConfig>>(appConfig.KEY);
const oci = app.get<ConfigType<typeof ociConfig>>(ociConfig.KEY);
await app.listen(config.port, config.host);
const where = oci.driver === 'memory' ? `the embedded simulated BroadWorks (${oci.worldFile})` : `BroadWorks at ${oci.host}:${oci.port}`;
new Logger('Main').log(`Hunt group API listening on http://localhost:${(app.getHttpServer().address() as { port: number }).port} on ${where}`);
