import type { INestApplication } from '@nestjs/common';

interface RouterLayer {
  route?: { path: string | string[]; methods: Record<string, boolean> };
}

/**
 * Every route Nest registered on Express, as `METHOD /path/{param}`: read from Express' own router,
 * so a controller added anywhere (a plugin included) shows up without this list being edited.
 * Left out: Swagger UI's routes (`/api/docs…`), which serve the document, and wildcard paths,
 * which are where Nest mounts middleware (`{/*splat}` for every method), not controller routes.
 */
export function registeredRoutes(app: INestApplication): string[] {
  const express = app.getHttpAdapter().getInstance() as { router: { stack: RouterLayer[] } };
  const routes = new Set<string>();
  for (const layer of express.router.stack) {
    if (!layer.route) continue;
    for (const path of [layer.route.path].flat()) {
      if (path.startsWith('/api/docs') || path.includes('*')) continue;
      for (const [method, on] of Object.entries(layer.route.methods)) {
        if (on && method !== '_all') routes.add(`${method.toUpperCase()} ${path.replace(/:(\w+)/g, '{$1}')}`);
      }
    }
  }
  return [...routes].sort();
}
