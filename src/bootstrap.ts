import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';

/** The HTTP settings main.ts and the e2e tests share; everything else lives in AppModule. */
export function configureApp(app: INestApplication): void {
  const express = app as NestExpressApplication;
  // Security headers on every answer (nosniff, frame-ancestors none, HSTS, no X-Powered-By…).
  app.use(helmet());
  // Bodies are small JSON documents; anything bigger is refused with 413 before it is read.
  express.useBodyParser('json', { limit: '100kb' });
}
