/**
 * The settings of the user services the simulator models, kept per user while a service is
 * assigned (the world's records carry them; the rules are in user-services.ts).
 */
import type { RingPattern, UserServiceName } from '../ocip/commands.js';

export interface ForwardingSettings {
  isActive: boolean;
  forwardToPhoneNumber?: string;
  /** Call Forwarding Always only. */
  isRingSplashActive?: boolean;
  /** Call Forwarding No Answer only. */
  numberOfRings?: number;
}

export interface AlternateNumberSlot {
  phoneNumber?: string;
  extension?: string;
  ringPattern: RingPattern;
  description?: string;
}

/** BroadWorks has ten alternate number slots (alternateEntry01..10). */
export const ALTERNATE_NUMBER_SLOTS = 10;

export interface AlternateNumbersSettings {
  distinctiveRing: boolean;
  /** Ten slots, null where free. */
  slots: (AlternateNumberSlot | null)[];
}

export interface ServiceSettings {
  'Call Forwarding Always': ForwardingSettings;
  'Call Forwarding Busy': ForwardingSettings;
  'Call Forwarding No Answer': ForwardingSettings;
  'Call Forwarding Not Reachable': ForwardingSettings;
  'Alternate Numbers': AlternateNumbersSettings;
}

/** The services assigned to a user, each with its settings. */
export type AssignedServices = { [S in UserServiceName]?: ServiceSettings[S] };

/** A freshly assigned service's settings, as BroadWorks starts them: inactive, no number. */
export function defaultSettings<S extends UserServiceName>(service: S): ServiceSettings[S] {
  const settings: { [K in UserServiceName]: () => ServiceSettings[K] } = {
    'Call Forwarding Always': () => ({ isActive: false, isRingSplashActive: false }),
    'Call Forwarding Busy': () => ({ isActive: false }),
    'Call Forwarding No Answer': () => ({ isActive: false, numberOfRings: 2 }),
    'Call Forwarding Not Reachable': () => ({ isActive: false }),
    'Alternate Numbers': () => ({
      distinctiveRing: false,
      slots: Array.from({ length: ALTERNATE_NUMBER_SLOTS }, () => null),
    }),
  };
  return settings[service]();
}
