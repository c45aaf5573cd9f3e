/**
 * A hunt group's own services, in the API's vocabulary: its call forwarding (always, busy, no answer,
 * not reachable) and its alternate numbers. A hunt group is a virtual user in BroadWorks: these are
 * user services, assigned to it one by one. Nothing here knows OCI-P (the BroadWorks adapter maps
 * them); the names are BroadWorks' product names, which the API shows in its answers and errors.
 */

/** The forwardings, as the URLs name them. */
export const FORWARDINGS = ['always', 'busy', 'no_answer', 'not_reachable'] as const;
export type Forwarding = (typeof FORWARDINGS)[number];

/** A service of a hunt group this API manages. */
export type HuntGroupService = Forwarding | 'alternate_numbers';

/** Each service by the name BroadWorks (and its administrators) know it. */
export const SERVICE_NAMES: Readonly<Record<HuntGroupService, string>> = {
  always: 'Call Forwarding Always',
  busy: 'Call Forwarding Busy',
  no_answer: 'Call Forwarding No Answer',
  not_reachable: 'Call Forwarding Not Reachable',
  alternate_numbers: 'Alternate Numbers',
};

/**
 * A forwarding as answered, with R25's names: `isRingSplashActive` (the ring reminder) for always
 * only, `numberOfRings` for no answer only; no number is `""`.
 */
export interface CallForwarding {
  isActive: boolean;
  forwardToPhoneNumber: string;
  isRingSplashActive?: boolean;
  numberOfRings?: number;
}

/** A partial change of a forwarding; `forwardToPhoneNumber` null or `""` clears it. */
export interface CallForwardingChange {
  isActive?: boolean;
  forwardToPhoneNumber?: string | null;
  isRingSplashActive?: boolean;
  numberOfRings?: number;
}

/** A forwarding as BroadWorks starts it when the service is assigned: inactive, no number (2 rings). */
export const FORWARDING_DEFAULTS: Readonly<Record<Forwarding, CallForwarding>> = {
  always: { isActive: false, forwardToPhoneNumber: '', isRingSplashActive: false },
  busy: { isActive: false, forwardToPhoneNumber: '' },
  no_answer: { isActive: false, forwardToPhoneNumber: '', numberOfRings: 2 },
  not_reachable: { isActive: false, forwardToPhoneNumber: '' },
};

/** One alternate number as answered: a number and/or an extension; absent strings are `""`. */
export interface AlternateNumber {
  phoneNumber: string;
  extension: string;
  ringPattern: string;
  description: string;
}

/** The alternate numbers as answered: the distinctive ring flag and the entries in slot order. */
export interface AlternateNumbers {
  distinctiveRing: boolean;
  alternateNumbers: AlternateNumber[];
}

/** One entry of a PUT: a number and/or an extension (ring pattern Normal by default). */
export interface AlternateNumberInput {
  phoneNumber?: string;
  extension?: string;
  ringPattern?: string;
  description?: string;
}

/** A PUT of alternate numbers: `alternateNumbers` replaces the whole list; what is left out stays. */
export interface AlternateNumbersInput {
  distinctiveRing?: boolean;
  alternateNumbers?: AlternateNumberInput[];
}

/** BroadWorks gives a user ten alternate number slots. */
export const MAX_ALTERNATE_NUMBERS = 10;

/** The ring pattern of an entry that names none. */
export const DEFAULT_RING_PATTERN = 'Normal';
