/**
 * The state of the simulated BroadWorks: service providers and enterprises, groups, departments,
 * users and hunt groups (virtual users). Everything is kept in Maps keyed by identity so lookups
 * stay cheap; the handlers validate a whole command before they change anything here.
 */
import type { HuntGroupSettings, UserServiceName } from '../ocip/commands.js';
import { canonicalJson, compareText } from './canonical-json.js';
import type { AssignedServices } from './user-service-settings.js';

export interface ServiceProvider {
  id: string;
  isEnterprise: boolean;
  name?: string;
  defaultDomain: string;
  /** Extra domains, beside the default one. */
  domains: string[];
}

export interface Group {
  serviceProviderId: string;
  id: string;
  name?: string;
  defaultDomain: string;
  domains: string[];
  callingLineIdName?: string;
  callingLineIdPhoneNumber?: string;
  timeZone: string;
  userLimit: number;
  /** E.164 country code without '+', e.g. "32". */
  countryCode: string;
  /** The numbers assigned to the group; users and hunt groups of the group may use a free one. */
  phoneNumbers: string[];
  /** User services the group is authorized to assign to its users and virtual users. */
  authorizedUserServices: UserServiceName[];
}

export interface Department {
  /** Identity, see departmentKey(). */
  key: string;
  serviceProviderId: string;
  /** Set for a group department, absent for an enterprise department. */
  groupId?: string;
  name: string;
  parentKey?: string;
  callingLineIdName?: string;
  callingLineIdPhoneNumber?: string;
}

export interface User {
  userId: string;
  serviceProviderId: string;
  groupId: string;
  lastName: string;
  firstName: string;
  hiraganaLastName?: string;
  hiraganaFirstName?: string;
  phoneNumber?: string;
  /** Only meaningful with a phone number; BroadWorks reports "Is Phone Number Activated". */
  phoneNumberActivated: boolean;
  extension?: string;
  email?: string;
  departmentKey?: string;
  countryCode: string;
  /** The user services assigned to the user, each with its settings; absent when none. */
  services?: AssignedServices;
}

export interface HuntGroupProfile {
  name: string;
  callingLineIdLastName: string;
  callingLineIdFirstName: string;
  hiraganaLastName?: string;
  hiraganaFirstName?: string;
  phoneNumber?: string;
  extension?: string;
  /** Stored because BroadWorks stores it; never returned by a get. */
  password?: string;
  departmentKey?: string;
  language?: string;
  timeZone?: string;
  aliases: string[];
  publicUserIdentity?: string;
  callingLineIdPhoneNumber?: string;
}

export interface HuntGroupAgent {
  userId: string;
  weight: number;
}

export interface HuntGroup {
  serviceUserId: string;
  serviceProviderId: string;
  groupId: string;
  profile: HuntGroupProfile;
  settings: HuntGroupSettings;
  agents: HuntGroupAgent[];
  isActive: boolean;
  /** The user services assigned to the hunt group (a virtual user), each with its settings; absent when none. */
  services?: AssignedServices;
}

export interface Administrator {
  userId: string;
  password: string;
}

/** Identity of a group: group ids are unique only within their service provider. */
export const groupKey = (serviceProviderId: string, groupId: string): string =>
  JSON.stringify([serviceProviderId, groupId]);

/** Identity of a department: a group department lives in a group, an enterprise department in its enterprise. */
export const departmentKey = (serviceProviderId: string, groupId: string | undefined, name: string): string =>
  groupId === undefined
    ? JSON.stringify(['E', serviceProviderId, name])
    : JSON.stringify(['G', serviceProviderId, groupId, name]);

/** BroadWorks writes a department's full path as `parent \ child`. */
export const DEPARTMENT_PATH_SEPARATOR = ' \\ ';

/** A Map that counts its changes, so that a view derived from it knows when it is stale. */
class CountingMap<K, V> extends Map<K, V> {
  changes = 0;

  override set(key: K, value: V): this {
    this.changes++;
    return super.set(key, value);
  }

  override delete(key: K): boolean {
    this.changes++;
    return super.delete(key);
  }

  override clear(): void {
    this.changes++;
    super.clear();
  }
}

export class World {
  readonly serviceProviders = new Map<string, ServiceProvider>();
  readonly groups = new Map<string, Group>();
  readonly departments = new Map<string, Department>();
  readonly users = new Map<string, User>();
  readonly huntGroups: Map<string, HuntGroup> = new CountingMap<string, HuntGroup>();
  /** Each group's hunt groups by service user id, rebuilt only after hunt groups were added, removed or renamed. */
  private readonly huntGroupIndex = new Map<string, { changes: number; huntGroups: HuntGroup[] }>();
  /** Languages the system knows; a hunt group's language must be one of them. */
  languages: string[] = ['English'];
  /** National prefix by country code, e.g. "32" → "0". */
  readonly nationalPrefixes = new Map<string, string>();
  readonly administrators = new Map<string, Administrator>();

  group(serviceProviderId: string, groupId: string): Group | undefined {
    return this.groups.get(groupKey(serviceProviderId, groupId));
  }

  groupsOf(serviceProviderId: string): Group[] {
    return [...this.groups.values()].filter((g) => g.serviceProviderId === serviceProviderId);
  }

  usersOf(group: Group): User[] {
    return [...this.users.values()].filter(
      (u) => u.serviceProviderId === group.serviceProviderId && u.groupId === group.id,
    );
  }

  /** The group's hunt groups, by service user id (code point order); shared, never to be changed in place. */
  huntGroupsOf(group: Group): readonly HuntGroup[] {
    const changes = (this.huntGroups as CountingMap<string, HuntGroup>).changes;
    const key = groupKey(group.serviceProviderId, group.id);
    let entry = this.huntGroupIndex.get(key);
    if (entry?.changes !== changes) {
      const huntGroups = [...this.huntGroups.values()]
        .filter((h) => h.serviceProviderId === group.serviceProviderId && h.groupId === group.id)
        .sort((a, b) => compareText(a.serviceUserId, b.serviceUserId));
      entry = { changes, huntGroups };
      this.huntGroupIndex.set(key, entry);
    }
    return entry.huntGroups;
  }

  /** A real or virtual user, by id. */
  userOrVirtualUser(userId: string): User | HuntGroup | undefined {
    return this.users.get(userId) ?? this.huntGroups.get(userId);
  }

  /** Every real and virtual user. */
  allUsers(): (User | HuntGroup)[] {
    return [...this.users.values(), ...this.huntGroups.values()];
  }

  /** A real or virtual user id is taken. */
  isUserIdTaken(userId: string): boolean {
    return this.users.has(userId) || this.huntGroups.has(userId);
  }

  /** The domains a user id of the group may carry: the group's and its service provider's. */
  domainsOf(group: Group): Set<string> {
    const provider = this.serviceProviders.get(group.serviceProviderId);
    return new Set([
      group.defaultDomain,
      ...group.domains,
      ...(provider ? [provider.defaultDomain, ...provider.domains] : []),
    ]);
  }

  /** `parent \ child` from the root down; guarded against cycles although loading refuses them. */
  departmentFullPath(key: string): string {
    const names: string[] = [];
    const seen = new Set<string>();
    for (
      let d = this.departments.get(key);
      d && !seen.has(d.key);
      d = d.parentKey ? this.departments.get(d.parentKey) : undefined
    ) {
      seen.add(d.key);
      names.unshift(d.name);
    }
    return names.join(DEPARTMENT_PATH_SEPARATOR);
  }

  groupName(serviceProviderId: string, groupId: string): string {
    return this.group(serviceProviderId, groupId)?.name ?? '';
  }

  /** The whole state as stable JSON: equal states give equal text, so tests can prove nothing changed. */
  snapshot(): string {
    return canonicalJson({
      serviceProviders: this.serviceProviders,
      groups: this.groups,
      departments: this.departments,
      users: this.users,
      huntGroups: this.huntGroups,
      languages: [...this.languages].sort(compareText),
      nationalPrefixes: this.nationalPrefixes,
      administrators: this.administrators,
    });
  }
}
