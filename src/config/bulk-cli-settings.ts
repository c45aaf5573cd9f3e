/**
 * What `npm run bulk` reads from the environment when its options do not say: where the service
 * is (HUNT_GROUP_API_URL, default http://localhost:3000) and the bearer token to send
 * (HUNT_GROUP_API_TOKEN: a machine token, or an access token from POST /api/v1/auth/login).
 */
export interface BulkCliEnvironment {
  baseUrl?: string;
  token?: string;
}

export function bulkCliEnvironment(env: NodeJS.ProcessEnv = process.env): BulkCliEnvironment {
  return { baseUrl: env.HUNT_GROUP_API_URL || undefined, token: env.HUNT_GROUP_API_TOKEN || undefined };
}
