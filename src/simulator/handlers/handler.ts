import { type OciOutcome } from '../../ocip/commands.js';
import type { World } from '../world.js';

/**
 * One OCI-P command's behaviour. It receives the command after the schema check (so the shape
 * matches commands.ts and tokens are collapsed), validates every BroadWorks rule first and only
 * then changes the world: a failing command changes nothing.
 */
export type Handler<C> = (world: World, command: C) => OciOutcome;

export const SUCCESS = { $type: 'SuccessResponse' } as const;
