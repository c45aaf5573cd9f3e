import { Injectable, Module, type INestApplication, type OnModuleInit } from '@nestjs/common';
import { serveOpenApi } from './openapi.js';

/**
 * Serves the API docs at the right moment of the boot. SwaggerModule.setup adds plain Express
 * routes; added before `app.init()` (as usual), they come before the middleware Nest registers
 * during init (request log, metrics), which then never see a docs request. Added here, in
 * onModuleInit, they come after that middleware and the controllers' routes, and before Nest's
 * 404 handler, which init registers last.
 */
@Injectable()
export class ApiDocs implements OnModuleInit {
  private app: INestApplication | undefined;

  /** Called by configureApp before init: SwaggerModule needs the application itself. */
  serveOn(app: INestApplication): void {
    this.app = app;
  }

  onModuleInit(): void {
    if (this.app) serveOpenApi(this.app);
  }
}

/** `/api/docs`, `/api/docs-json`, `/api/docs-yaml` (see openapi.ts); served once configureApp hands over the app. */
@Module({ providers: [ApiDocs] })
export class OpenApiModule {}
