import 'reflect-metadata';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { ConfigType } from '@nestjs/config';
import { AppModule } from './app.module.js';
import { configureApp } from './bootstrap.js';
import { appConfig, ociConfig } from './config/namespaces.js';
import { enableGracefulShutdown } from './lifecycle/graceful-shutdown.js';
import { limitHeapGrowth } from './lifecycle/heap-growth.js';

limitHeapGrowth();

// Boot messages wait for pino (configureApp) instead of going out in Nest's own format first.
const app = await NestFactory.create(AppModule, { bodyParser: false, bufferLogs: true });
configureApp(app);
const config = app.get<ConfigType<typeof appConfig>>(appConfig.KEY);
const oci = app.get<ConfigType<typeof ociConfig>>(ociConfig.KEY);
// Not app.enableShutdownHooks(): see graceful-shutdown.ts for why the order matters.
enableGracefulShutdown(app, { graceMs: config.shutdownGraceMs });
await app.listen(config.port, config.host);
const where =
  oci.driver === 'memory'
    ? `the embedded simulated BroadWorks (${oci.worldFile})`
    : `BroadWorks at ${oci.host}:${oci.port}`;
const url = `http://localhost:${((app.getHttpServer() as Server).address() as AddressInfo).port}`;
new Logger('Main').log(`Hunt group API listening on ${url} on ${where}; API docs at ${url}/api/docs`);
