import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Global, Module, type DynamicModule, type Type } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { pluginSpecifiers } from '../config/namespaces.js';
import { AuditTrailModule } from './audit-trail/audit-trail.module.js';
import { HuntGroupHooks } from '../domain/hooks.js';

/** Plugins shipped with the service, by the name PLUGINS gives them. */
const BUILT_IN: Record<string, Type | DynamicModule> = { 'audit-trail': AuditTrailModule };

type PluginModule = Type | DynamicModule;
const isPluginModule = (v: unknown): v is PluginModule =>
  typeof v === 'function' || (typeof v === 'object' && v !== null && 'module' in v);

/** Loads one plugin: a built-in name, or a module path whose `default` or `plugin` export is a NestJS module. */
export async function loadPlugin(specifier: string): Promise<PluginModule> {
  if (Object.hasOwn(BUILT_IN, specifier)) return BUILT_IN[specifier];
  const url = isAbsolute(specifier) || specifier.startsWith('.') ? pathToFileURL(resolve(specifier)).href : specifier;
  let exports: Record<string, unknown>;
  try {
    exports = (await import(url)) as Record<string, unknown>;
  } catch (e) {
    throw new Error(`PLUGINS: cannot load "${specifier}": ${(e as Error).message}`);
  }
  const plugin = exports.default ?? exports.plugin;
  if (!isPluginModule(plugin))
    throw new Error(`PLUGINS: "${specifier}" exports no NestJS module as "default" or "plugin"`);
  return plugin;
}

/**
 * The extension point: provides HuntGroupHooks to every module, and imports the plugin modules
 * that PLUGINS names (their providers register hooks; their controllers add routes).
 */
@Global()
@Module({ providers: [HuntGroupHooks], exports: [HuntGroupHooks] })
export class PluginsModule {
  static async forRoot(): Promise<DynamicModule> {
    // PLUGINS may come from ENV_FILE, which ConfigModule loads into the environment first.
    await ConfigModule.envVariablesLoaded;
    const plugins = await Promise.all(pluginSpecifiers().map(loadPlugin));
    return { module: PluginsModule, imports: plugins };
  }
}
