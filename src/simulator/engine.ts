/**
 * The simulated BroadWorks: one world and the OCI-P commands that act on it. The in-memory gateway
 * calls it in process, the OCI-P TCP server calls it for each command of a document; both hand it
 * untrusted objects, so every command is schema-checked before a handler sees it, and `execute`
 * answers every failure with an ErrorResponse instead of throwing.
 */
import { type OciOutcome } from '../ocip/commands.js';
import { REQUEST_TYPES } from '../ocip/schema.js';
import { ociError, schemaRefusal } from './errors.js';
import { HANDLERS } from './handlers/index.js';
import { checkCommand } from './schema-check.js';
import { buildWorld, loadWorldFile } from './world-file.js';
import type { Administrator, World } from './world.js';

export class BroadWorksEngine {
  private constructor(private readonly world: World) {}

  /** Loads a world file (format: WORLD-FORMAT.md); throws WorldFormatError saying what is wrong and where. */
  static fromFile(path: string): BroadWorksEngine {
    return new BroadWorksEngine(loadWorldFile(path));
  }

  /** Builds from already parsed world JSON; throws WorldFormatError like fromFile. */
  static fromWorldData(data: unknown): BroadWorksEngine {
    return new BroadWorksEngine(buildWorld(data));
  }

  /** Runs one command (xsi:type in `$type`). Never throws: every failure is an OciErrorResponse. */
  execute(command: unknown): OciOutcome {
    try {
      const type = commandType(command);
      const handler = type === undefined ? undefined : HANDLERS.get(type);
      if (type === undefined || !handler || !Object.hasOwn(REQUEST_TYPES, type)) {
        return ociError('unknownCommand', type === undefined || type === '' ? '(no xsi:type)' : type.slice(0, 100));
      }
      const checked = checkCommand(command, REQUEST_TYPES[type]);
      if (!checked.ok) return schemaRefusal(checked);
      return handler(this.world, checked.value);
    } catch (error) {
      // A bug of the simulator, not of the client: report it without taking the caller down.
      return ociError('internalError', error instanceof Error ? error.message : String(error));
    }
  }

  /** The whole state as stable JSON; equal before and after a failed command. */
  snapshot(): string {
    return this.world.snapshot();
  }

  /** The administrator the OCI-P server logs in, if the world knows that user id. */
  findAdministrator(userId: string): Administrator | undefined {
    return this.world.administrators.get(userId);
  }
}

function commandType(command: unknown): string | undefined {
  if (command === null || typeof command !== 'object' || Array.isArray(command)) return undefined;
  const type = (command as Record<string, unknown>).$type;
  return typeof type === 'string' ? type : undefined;
}
