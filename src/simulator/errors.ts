/**
 * Every error the simulated BroadWorks answers with, in one table.
 *
 * `source` says where the code and wording come from: 'BroadWorks' codes were seen in answers of
 * real servers (see OCI-P.md); 'simulator' codes are this simulator's own choice, because no public
 * capture of the real answer was found. Clients must not rely on a simulator code meaning the same
 * on a real BroadWorks: they should rely on the fact that an ErrorResponse came back.
 */
import { OciErrorResponse } from '../ocip/oci-errors.js';

export type ErrorSource = 'BroadWorks' | 'simulator';

interface ErrorDefinition {
  readonly code: number;
  readonly source: ErrorSource;
  readonly text: (...args: string[]) => string;
}

export const ERROR_TABLE = {
  unknownCommand: {
    code: 4000,
    source: 'simulator',
    text: (type: string) => `Unknown or unsupported request type: ${type}`,
  },
  invalidElement: {
    code: 4001,
    source: 'simulator',
    text: (path: string, reason: string) => `Invalid value for element '${path}': ${reason}`,
  },
  invalidContent: {
    code: 4003,
    source: 'simulator',
    text: (path: string, reason: string) => `Invalid content at element '${path}': ${reason}`,
  },
  serviceProviderNotFound: {
    code: 4002,
    source: 'simulator',
    text: (id: string) => `Service Provider not found: ${id}`,
  },
  userNotFound: { code: 4008, source: 'BroadWorks', text: (id: string) => `User not found: ${id}` },
  groupNotFound: { code: 4152, source: 'BroadWorks', text: (id: string) => `Group not found: ${id}` },
  userAlreadyExists: { code: 4501, source: 'simulator', text: (id: string) => `User already exists: ${id}` },
  domainRequired: {
    code: 4502,
    source: 'simulator',
    text: (id: string) => `A domain is required in the user id: ${id}`,
  },
  domainNotAssigned: {
    code: 4503,
    source: 'simulator',
    text: (domain: string) => `Domain is not assigned to the group: ${domain}`,
  },
  phoneNumberNotAssigned: {
    code: 4504,
    source: 'simulator',
    text: (dn: string) => `Phone number is not assigned to the group: ${dn}`,
  },
  phoneNumberInUse: { code: 4505, source: 'simulator', text: (dn: string) => `Phone number already in use: ${dn}` },
  extensionInUse: {
    code: 4506,
    source: 'simulator',
    text: (ext: string) => `Extension already in use in the group: ${ext}`,
  },
  invalidExtension: {
    code: 4507,
    source: 'simulator',
    text: (ext: string) => `Invalid extension, digits only: ${ext}`,
  },
  departmentNotFound: { code: 4508, source: 'simulator', text: (name: string) => `Department not found: ${name}` },
  agentNotAvailable: {
    code: 4509,
    source: 'simulator',
    text: (id: string) => `User is not available as an agent of this hunt group: ${id}`,
  },
  duplicateAgent: { code: 4510, source: 'simulator', text: (id: string) => `Agent listed more than once: ${id}` },
  notAnAgent: {
    code: 4511,
    source: 'simulator',
    text: (id: string) => `User is not an agent of the hunt group: ${id}`,
  },
  invalidAlias: {
    code: 4512,
    source: 'simulator',
    text: (alias: string) => `Invalid SIP alias, user@domain expected: ${alias}`,
  },
  aliasInUse: { code: 4513, source: 'simulator', text: (alias: string) => `SIP alias already in use: ${alias}` },
  timeZoneNotFound: { code: 4514, source: 'simulator', text: (tz: string) => `Time zone not found: ${tz}` },
  languageNotFound: { code: 4515, source: 'simulator', text: (language: string) => `Language not found: ${language}` },
  duplicateServiceUser: {
    code: 4516,
    source: 'simulator',
    text: (id: string) => `Service user listed more than once: ${id}`,
  },
  /** BroadWorks' code for a failed service assignment; the wording is the simulator's. */
  serviceAssignmentFailed: {
    code: 4400,
    source: 'BroadWorks',
    text: (service: string, groupId: string) =>
      `Service assignment failed: ${service} is not authorized for group ${groupId}`,
  },
  serviceNotAssigned: {
    code: 4410,
    source: 'simulator',
    text: (service: string, userId: string) => `Service not assigned: ${service} is not assigned to ${userId}`,
  },
  forwardToRequired: {
    code: 4411,
    source: 'simulator',
    text: (service: string) => `A forward to phone number is required to activate ${service}`,
  },
  invalidForwardTo: {
    code: 4412,
    source: 'simulator',
    text: (value: string) => `Invalid forward to phone number or SIP URI: ${value}`,
  },
  forwardToSelf: {
    code: 4413,
    source: 'simulator',
    text: (value: string) => `A user cannot forward calls to its own number: ${value}`,
  },
  emptyAlternateEntry: {
    code: 4414,
    source: 'simulator',
    text: (entry: string) => `An alternate number entry needs a phone number or an extension: ${entry}`,
  },
  /** For the login that the OCI-P server performs; the wording is the one real servers use. */
  invalidPassword: { code: 4962, source: 'BroadWorks', text: () => 'Invalid userId or password' },
  internalError: {
    code: 4999,
    source: 'simulator',
    text: (reason: string) => `Internal error of the simulated BroadWorks: ${reason}`,
  },
} as const satisfies Record<string, ErrorDefinition>;

export type ErrorKind = keyof typeof ERROR_TABLE;

/** Builds the ErrorResponse of one kind, worded as BroadWorks does: `[Error 4008] User not found: bob@x`. */
export function ociError<K extends ErrorKind>(
  kind: K,
  ...args: Parameters<(typeof ERROR_TABLE)[K]['text']>
): OciErrorResponse {
  const definition: ErrorDefinition = ERROR_TABLE[kind];
  return OciErrorResponse.of(definition.code, definition.text(...(args as string[])));
}

/** The ErrorResponse for a command the schema check refused: a bad value, or bad content (order, attributes, text). */
export function schemaRefusal(failure: { path: string; reason: string; kind: 'value' | 'content' }): OciErrorResponse {
  return ociError(failure.kind === 'content' ? 'invalidContent' : 'invalidElement', failure.path, failure.reason);
}
