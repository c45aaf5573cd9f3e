/**
 * Loading a world from its JSON description (see WORLD-FORMAT.md beside this file), checked
 * thoroughly: a world that breaks a BroadWorks rule (a user id with a foreign domain, a phone number
 * used twice, a department with an unknown parent) is refused with the path of the culprit, so the
 * simulator never starts from a state the real system could not be in.
 */
import { readFileSync } from 'node:fs';
import { isKnownTimeZone } from './time-zones.js';
import type { UserServiceName } from '../ocip/commands.js';
import { defaultSettings, KNOWN_USER_SERVICES, type AssignedServices } from './user-services.js';
import { departmentKey, groupKey, World, type Department, type Group, type ServiceProvider } from './world.js';

export class WorldFormatError extends Error {
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(`Invalid world: ${path}: ${reason}`);
    this.name = 'WorldFormatError';
  }
}

export function loadWorldFile(path: string): World {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new WorldFormatError(path, `cannot be read (${(error as Error).message})`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new WorldFormatError(path, `is not JSON (${(error as Error).message})`);
  }
  return buildWorld(data);
}

/** Reads one JSON object, remembering where it is, and refuses keys nobody asked for (typos). */
class Node {
  private readonly used = new Set<string>();
  constructor(
    readonly path: string,
    private readonly data: Record<string, unknown>,
  ) {}

  static of(path: string, value: unknown): Node {
    if (value === null || typeof value !== 'object' || Array.isArray(value))
      throw new WorldFormatError(path, 'must be an object');
    return new Node(path, value as Record<string, unknown>);
  }

  at(key: string): string {
    return `${this.path}.${key}`;
  }

  private get(key: string): unknown {
    this.used.add(key);
    return Object.hasOwn(this.data, key) ? this.data[key] : undefined;
  }

  text(key: string, max = 161): string {
    const value = this.optionalText(key, max);
    if (value === undefined) throw new WorldFormatError(this.at(key), 'is required');
    return value;
  }

  optionalText(key: string, max = 161): string | undefined {
    const value = this.get(key);
    if (value === undefined) return undefined;
    if (typeof value !== 'string' || value.trim() === '' || value !== value.trim()) {
      throw new WorldFormatError(this.at(key), 'must be a non-empty string without leading or trailing spaces');
    }
    if (value.length > max) throw new WorldFormatError(this.at(key), `must be at most ${max} characters`);
    return value;
  }

  flag(key: string, fallback?: boolean): boolean {
    const value = this.get(key);
    if (value === undefined && fallback !== undefined) return fallback;
    if (typeof value !== 'boolean') throw new WorldFormatError(this.at(key), 'must be true or false');
    return value;
  }

  integer(key: string, min: number, max: number): number {
    const value = this.get(key);
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      throw new WorldFormatError(this.at(key), `must be an integer in ${min}..${max}`);
    }
    return value;
  }

  texts(key: string): string[] {
    return this.list(key).map((value, i) => {
      if (typeof value !== 'string' || value.trim() === '')
        throw new WorldFormatError(`${this.at(key)}[${i}]`, 'must be a non-empty string');
      return value;
    });
  }

  list(key: string): unknown[] {
    const value = this.get(key);
    if (value === undefined) return [];
    if (!Array.isArray(value)) throw new WorldFormatError(this.at(key), 'must be a list');
    return value;
  }

  nodes(key: string): Node[] {
    return this.list(key).map((value, i) => Node.of(`${this.at(key)}[${i}]`, value));
  }

  optionalNode(key: string): Node | undefined {
    const value = this.get(key);
    return value === undefined ? undefined : Node.of(this.at(key), value);
  }

  record(key: string): [string, string][] {
    const node = this.optionalNode(key);
    if (!node) return [];
    return Object.keys(node.data).map((k) => [k, node.text(k, 10)]);
  }

  /** Call last: any key not read is a typo or a field this format does not have. Keys starting with `$` are comments. */
  done(): void {
    const extra = Object.keys(this.data).find((k) => !this.used.has(k) && !k.startsWith('$'));
    if (extra !== undefined) throw new WorldFormatError(this.at(extra), 'is not a field of this format');
  }
}

const domainOf = (userId: string): string | undefined => {
  const at = userId.lastIndexOf('@');
  return at > 0 && at < userId.length - 1 ? userId.slice(at + 1) : undefined;
};

/** Builds and checks a world from parsed JSON. */
export function buildWorld(data: unknown): World {
  const world = new World();
  const root = Node.of('world', data);
  const languages = root.texts('languages');
  if (languages.length > 0) world.languages = languages;
  for (const [code, prefix] of root.record('nationalPrefixes')) world.nationalPrefixes.set(code, prefix);
  for (const admin of root.nodes('administrators')) {
    const userId = admin.text('userId');
    world.administrators.set(userId, { userId, password: admin.text('password', 60) });
    admin.done();
  }
  const groupNodes: [Group, Node][] = [];
  for (const spNode of root.nodes('serviceProviders')) {
    const provider = readServiceProvider(world, spNode);
    for (const groupNode of spNode.nodes('groups')) groupNodes.push([readGroup(world, provider, groupNode), groupNode]);
    spNode.done();
  }
  // Users last: their departments may name any department of their group or enterprise.
  for (const [group, groupNode] of groupNodes) {
    for (const userNode of groupNode.nodes('users')) readUser(world, group, userNode);
    if (world.usersOf(group).length > group.userLimit)
      throw new WorldFormatError(groupNode.at('users'), `more users than the userLimit ${group.userLimit}`);
    groupNode.done();
  }
  root.done();
  checkDepartmentTree(world);
  return world;
}

function readServiceProvider(world: World, node: Node): ServiceProvider {
  const id = node.text('id', 30);
  if (world.serviceProviders.has(id))
    throw new WorldFormatError(node.at('id'), `service provider ${id} is defined twice`);
  const provider: ServiceProvider = {
    id,
    isEnterprise: node.flag('isEnterprise'),
    name: node.optionalText('name', 80),
    defaultDomain: node.text('defaultDomain', 80),
    domains: node.texts('domains'),
  };
  world.serviceProviders.set(id, provider);
  const departments = node.nodes('departments');
  if (departments.length > 0 && !provider.isEnterprise) {
    throw new WorldFormatError(node.at('departments'), 'only an enterprise has enterprise departments');
  }
  for (const d of departments) {
    const parent = d.optionalText('parent', 50);
    addDepartment(world, d, {
      key: departmentKey(id, undefined, d.text('name', 50)),
      serviceProviderId: id,
      name: d.text('name', 50),
      parentKey: parent === undefined ? undefined : departmentKey(id, undefined, parent),
      callingLineIdName: d.optionalText('callingLineIdName', 80),
      callingLineIdPhoneNumber: d.optionalText('callingLineIdPhoneNumber', 23),
    });
  }
  return provider;
}

function readGroup(world: World, provider: ServiceProvider, node: Node): Group {
  const id = node.text('id', 30);
  if (world.group(provider.id, id))
    throw new WorldFormatError(node.at('id'), `group ${id} is defined twice in ${provider.id}`);
  const providerDomains = new Set([provider.defaultDomain, ...provider.domains]);
  const group: Group = {
    serviceProviderId: provider.id,
    id,
    name: node.optionalText('name', 80),
    defaultDomain: node.optionalText('defaultDomain', 80) ?? provider.defaultDomain,
    domains: node.texts('domains'),
    callingLineIdName: node.optionalText('callingLineIdName', 80),
    callingLineIdPhoneNumber: node.optionalText('callingLineIdPhoneNumber', 23),
    timeZone: node.text('timeZone', 127),
    userLimit: node.integer('userLimit', 1, 999999),
    countryCode: node.text('countryCode', 3),
    phoneNumbers: node.texts('phoneNumbers'),
    authorizedUserServices: userServices(node, 'userServices'),
  };
  for (const domain of [group.defaultDomain, ...group.domains]) {
    if (!providerDomains.has(domain))
      throw new WorldFormatError(node.at('domains'), `domain ${domain} is not a domain of ${provider.id}`);
  }
  if (!isKnownTimeZone(group.timeZone))
    throw new WorldFormatError(node.at('timeZone'), `unknown time zone ${group.timeZone}`);
  if (!/^(?:[0-9]|[1-9][0-9]{1,2})$/.test(group.countryCode))
    throw new WorldFormatError(node.at('countryCode'), 'must be 1 to 3 digits, e.g. "32"');
  for (const number of group.phoneNumbers) {
    const owner = [...world.groups.values()].find((g) => g.phoneNumbers.includes(number));
    if (owner || group.phoneNumbers.indexOf(number) !== group.phoneNumbers.lastIndexOf(number)) {
      throw new WorldFormatError(node.at('phoneNumbers'), `phone number ${number} is assigned twice`);
    }
  }
  world.groups.set(groupKey(provider.id, id), group);
  for (const d of node.nodes('departments')) {
    const name = d.text('name', 50);
    const parent = d.optionalNode('parent');
    addDepartment(world, d, {
      key: departmentKey(provider.id, id, name),
      serviceProviderId: provider.id,
      groupId: id,
      name,
      parentKey: parent ? readDepartmentRef(world, group, parent) : undefined,
      callingLineIdName: d.optionalText('callingLineIdName', 80),
      callingLineIdPhoneNumber: d.optionalText('callingLineIdPhoneNumber', 23),
    });
  }
  return group;
}

/** `{ "name": "x" }` names a department of the group; `{ "name": "x", "enterprise": true }` one of the enterprise. */
function readDepartmentRef(world: World, group: Group, node: Node): string {
  const name = node.text('name', 50);
  const enterprise = node.flag('enterprise', false);
  node.done();
  if (enterprise && !world.serviceProviders.get(group.serviceProviderId)?.isEnterprise) {
    throw new WorldFormatError(node.path, 'only a group of an enterprise can use enterprise departments');
  }
  return departmentKey(group.serviceProviderId, enterprise ? undefined : group.id, name);
}

function addDepartment(world: World, node: Node, department: Department): void {
  node.done();
  if (world.departments.has(department.key))
    throw new WorldFormatError(node.at('name'), `department ${department.name} is defined twice`);
  world.departments.set(department.key, department);
}

/** Parents are checked once every department is known: they may be listed in any order. */
function checkDepartmentTree(world: World): void {
  for (const department of world.departments.values()) {
    const seen = new Set<string>();
    for (
      let d: Department | undefined = department;
      d?.parentKey !== undefined;
      d = world.departments.get(d.parentKey)
    ) {
      if (!world.departments.has(d.parentKey))
        throw new WorldFormatError(`department ${d.name}`, `parent ${describeKey(d.parentKey)} does not exist`);
      if (seen.has(d.key)) throw new WorldFormatError(`department ${department.name}`, 'its parents form a cycle');
      seen.add(d.key);
    }
  }
}

const describeKey = (key: string): string => {
  const parts = JSON.parse(key) as string[];
  return parts[0] === 'E' ? `enterprise department ${parts[2]}` : `group department ${parts[3]} of ${parts[2]}`;
};

function readUser(world: World, group: Group, node: Node): void {
  const userId = node.text('userId', 161);
  const domain = domainOf(userId);
  if (domain === undefined || !world.domainsOf(group).has(domain)) {
    throw new WorldFormatError(node.at('userId'), `${userId} must end in @ and a domain of group ${group.id}`);
  }
  if (world.isUserIdTaken(userId)) throw new WorldFormatError(node.at('userId'), `user ${userId} is defined twice`);
  const phoneNumber = node.optionalText('phoneNumber', 23);
  if (phoneNumber !== undefined) {
    if (!group.phoneNumbers.includes(phoneNumber))
      throw new WorldFormatError(node.at('phoneNumber'), `${phoneNumber} is not assigned to group ${group.id}`);
    if ([...world.users.values()].some((u) => u.phoneNumber === phoneNumber))
      throw new WorldFormatError(node.at('phoneNumber'), `${phoneNumber} is used twice`);
  }
  const extension = node.optionalText('extension', 20);
  if (extension !== undefined) {
    if (!/^[0-9]{2,20}$/.test(extension)) throw new WorldFormatError(node.at('extension'), 'must be 2 to 20 digits');
    if (world.usersOf(group).some((u) => u.extension === extension))
      throw new WorldFormatError(node.at('extension'), `${extension} is used twice in ${group.id}`);
  }
  const departmentNode = node.optionalNode('department');
  const userDepartmentKey = departmentNode ? readDepartmentRef(world, group, departmentNode) : undefined;
  if (userDepartmentKey !== undefined && !world.departments.has(userDepartmentKey)) {
    throw new WorldFormatError(node.at('department'), `${describeKey(userDepartmentKey)} does not exist`);
  }
  world.users.set(userId, {
    userId,
    serviceProviderId: group.serviceProviderId,
    groupId: group.id,
    lastName: node.text('lastName', 30),
    firstName: node.text('firstName', 30),
    hiraganaLastName: node.optionalText('hiraganaLastName', 30),
    hiraganaFirstName: node.optionalText('hiraganaFirstName', 30),
    phoneNumber,
    phoneNumberActivated: node.flag('phoneNumberActivated', phoneNumber !== undefined),
    extension,
    email: node.optionalText('email', 80),
    departmentKey: userDepartmentKey,
    countryCode: node.optionalText('countryCode', 3) ?? group.countryCode,
    ...assignedServices(node, group),
  });
  node.done();
}

/** A list of user service names the simulator knows, each once. */
function userServices(node: Node, key: string): UserServiceName[] {
  const names = node.texts(key);
  names.forEach((name, i) => {
    if (!(KNOWN_USER_SERVICES as readonly string[]).includes(name))
      throw new WorldFormatError(
        `${node.at(key)}[${i}]`,
        `unknown user service ${name} (known: ${KNOWN_USER_SERVICES.join(', ')})`,
      );
    if (names.indexOf(name) !== i) throw new WorldFormatError(`${node.at(key)}[${i}]`, `${name} is listed twice`);
  });
  return names as UserServiceName[];
}

/** A user's assigned services (with their default settings): each authorized by the group. */
function assignedServices(node: Node, group: Group): { services?: AssignedServices } {
  const names = userServices(node, 'userServices');
  if (names.length === 0) return {};
  const services: AssignedServices = {};
  names.forEach((name, i) => {
    if (!group.authorizedUserServices.includes(name))
      throw new WorldFormatError(`${node.at('userServices')}[${i}]`, `${name} is not authorized for group ${group.id}`);
    (services as Record<string, unknown>)[name] = defaultSettings(name);
  });
  return { services };
}
