import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { labelRoute } from '../../metrics/route-of.js';
import { ErrorEnvelopeDto } from './error-responses.js';

export const DOCS_PATH = 'api/docs';
export const DOCS_JSON_PATH = 'api/docs-json';

const DESCRIPTION = `
APIO-compatible REST API for BroadWorks hunt groups, carried out over OCI-P.

- Base path \`/api/v1/tenants/{tenantId}/groups/{groupId}/services/hunt_groups\`; every route answers with and
  without the trailing slash, and path parameters are URL-decoded (\`%40\` is \`@\`).
- Every error answer is the JSON envelope \`{"error", "code", "details"}\` (schema ErrorEnvelopeDto): 400 bad input
  (each bad field named with its reasons), 401 no or bad token, 403 out of the token's reach, 404 unknown tenant,
  group, hunt group or user, 409 the id is taken, 502 BroadWorks answered something that is not OCI-P, 503
  BroadWorks unreachable, 504 BroadWorks did not answer in time. A request that fails changes nothing.
- The examples are the seed's (APIO's documentation), on the demo world: tenant ApioSpTest, group ApioGrpTest.
- Operations: \`/health/live\`, \`/health/ready\`, \`/metrics\` (no token needed).
`.trim();

/** The document of every route Nest registered, from the controllers' and DTOs' decorators. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Hunt group API')
    .setDescription(DESCRIPTION)
    .setVersion('1')
    .addBearerAuth({
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
      description: 'An access token from POST /api/v1/auth/login, or a machine token',
    })
    .addTag('hunt groups', 'Create, read, update and delete hunt groups')
    .addTag('agents', 'Who can be an agent, and the weighted call distribution')
    .addTag('operations', 'Health probes and Prometheus metrics')
    .build();
  return SwaggerModule.createDocument(app, config, { extraModels: [ErrorEnvelopeDto] });
}

/** The route label of the Swagger UI's static files (scripts, styles, icons): one series for all of them. */
export const DOCS_ASSETS_ROUTE = `/${DOCS_PATH}/{*asset}`;

/**
 * `/api/docs` (Swagger UI, its assets served from the swagger-ui-dist package, no CDN),
 * `/api/docs-json` and `/api/docs-yaml`. The document is built on first request, once every module
 * is initialised. Call it once Nest has registered its middleware (OpenApiModule does), so docs
 * requests get a request log line and metrics like any other route.
 */
export function serveOpenApi(app: INestApplication): void {
  // The page and the documents are routes of their own; the static files are not: label them.
  app.use(`/${DOCS_PATH}`, labelRoute(DOCS_ASSETS_ROUTE));
  SwaggerModule.setup(DOCS_PATH, app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: DOCS_JSON_PATH,
    customSiteTitle: 'Hunt group API',
    // A token pasted into the page stays in that page's memory only: persisted, it would sit in the
    // browser's localStorage, readable by any script of this origin and left behind on shared machines.
    swaggerOptions: { persistAuthorization: false, displayRequestDuration: true },
  });
}
