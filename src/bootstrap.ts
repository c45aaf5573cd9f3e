import type { Server } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import type { NestExpressApplication, NestExpressBodyParserOptionsFor } from '@nestjs/platform-express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { AuditMiddleware } from './audit/audit.middleware.js';
import { appConfig } from './config/namespaces.js';
import { ApiDocs } from './http/openapi/openapi.module.js';
import { assertUtf8, isBulkCsv, isBulkUpload, isJsonBody } from './http/request-shape.js';

/** 5,000 rows of a few hundred bytes each, with room to spare. */
const BULK_BODY_LIMIT = '5mb';

/** The HTTP settings main.ts and the e2e tests share; everything else lives in AppModule. */
export function configureApp(app: INestApplication): void {
  const express = app as NestExpressApplication;
  // Security headers on every answer (CSP, nosniff, frame options, HSTS, no X-Powered-By…). The CSP
  // does not ask browsers to upgrade to https: the service is often reached over plain HTTP inside
  // a network, where upgraded requests for the API docs' scripts would fail.
  app.use(helmet({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } }));
  const config = app.get<ConfigType<typeof appConfig>>(appConfig.KEY);
  limitHeaderTime(app.getHttpServer() as Server, config.headersTimeoutMs);
  // No ETags: answers describe live BroadWorks state, nobody revalidates them, and hashing every
  // body cost a measurable share of each request (bench/).
  express.set('etag', false);
  // Every write is recorded, a body refused unread (malformed, too large) too: the journal opens first.
  app.use(app.get(AuditMiddleware).openJournal);
  // Bodies are small JSON documents; anything bigger is refused with 413 before it is read, and a
  // body that is not valid UTF-8 with 400 (it would be decoded to U+FFFD and stored as such).
  // Nest's typing leaves `verify` out (it uses it for rawBody, which is off here): body-parser takes it.
  express.useBodyParser('json', {
    limit: '100kb',
    type: (req) => isJsonBody(req) && !isBulkUpload(req),
    verify: assertUtf8,
  } as NestExpressBodyParserOptionsFor<'json'>);
  // The bulk upload alone takes up to MAX_BULK_ITEMS rows, as JSON or CSV.
  express.useBodyParser('json', {
    limit: BULK_BODY_LIMIT,
    type: (req) => isJsonBody(req) && isBulkUpload(req),
    verify: assertUtf8,
  } as NestExpressBodyParserOptionsFor<'json'>);
  express.useBodyParser('text', {
    limit: BULK_BODY_LIMIT,
    type: isBulkCsv,
    verify: assertUtf8,
  } as NestExpressBodyParserOptionsFor<'text'>);
  // Nest's own messages (boot, errors) go through pino too, as JSON lines with the request id.
  app.useLogger(app.get(Logger));
  // The OpenAPI document, built from the controllers and DTOs: /api/docs (browsable) and /api/docs-json,
  // served during init, after the request log and metrics middleware (see OpenApiModule).
  app.get(ApiDocs).serveOn(app);
}

/**
 * A client must send its request headers within `timeoutMs` (HTTP_HEADERS_TIMEOUT_MS), or Node
 * answers 408 and closes the connection: a client that opens connections and never finishes them
 * cannot hold sockets for long. Node checks on an interval (30 s by default, read when the server
 * starts listening), so the check runs at a tenth of the timeout, between 50 ms and 1 s.
 */
function limitHeaderTime(server: Server, timeoutMs: number): void {
  server.headersTimeout = timeoutMs;
  // A documented option of http.createServer, which Nest calls for us; a plain property of the server.
  (server as Server & { connectionsCheckingInterval: number }).connectionsCheckingInterval = Math.min(
    1000,
    Math.max(50, Math.round(timeoutMs / 10)),
  );
}
