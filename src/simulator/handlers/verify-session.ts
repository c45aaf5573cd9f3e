/** VerifySessionIsValidRequest: the liveness probe. The session itself is the OCI-P server's business. */
import type { VerifySessionIsValidRequest } from '../../ocip/commands.js';
import { SUCCESS, type Handler } from './handler.js';

export const verifySession: Handler<VerifySessionIsValidRequest> = () => SUCCESS;
