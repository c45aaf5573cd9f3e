import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { AgentsService } from '../agents/agents.service.js';
import { ApiError } from '../errors.js';
import { DepartmentDirectory, departmentListRequest } from '../../broadworks/departments.js';
import { apioConfig } from '../../config/namespaces.js';
import { IdGenerationService, MAX_ID_ATTEMPTS, type IdContext } from '../id-generation/id-generation.service.js';
import { toE164 } from '../id-generation/phone-parts.js';
import { applyAllOrNothing, type Step } from '../../broadworks/oci/all-or-nothing.js';
import {
  tableRecords,
  type GroupGetRequest22V5,
  type GroupGetResponse22V5,
  type GroupHuntGroupGetInstanceResponse20,
  type GroupHuntGroupModifyActiveInstanceListRequest,
  type GroupHuntGroupModifyInstanceRequest,
  type GroupHuntGroupModifyInstanceWeightedCallDistributionRequest,
  type OciRequest,
  type UserModifyUserIdRequest,
} from '../../broadworks/oci/commands.js';
import { OciErrorResponse } from '../../broadworks/oci/oci-errors.js';
import { OciGateway } from '../../broadworks/oci/oci-gateway.js';
import { sendInDocuments } from '../../broadworks/oci/send-in-documents.js';
import { instanceToPlain } from 'class-transformer';
import { validateDto } from '../../http/validation.js';
import { HuntGroupHooks, type HuntGroupRequest } from '../hooks.js';
import { CreateHuntGroupDto, UpdateHuntGroupDto } from '../../http/hunt-groups/dto/hunt-group-body.dto.js';
import {
  findHuntGroupRow,
  huntGroupGetRequest,
  huntGroupListRequest,
  huntGroupRead,
  readHuntGroupOfGroup,
} from '../../broadworks/hunt-group-reader.js';
import {
  toAddRequest,
  toHuntGroupJson,
  toListRowJson,
  toModifyRequest,
  toRestoreRequest,
  type HuntGroupJson,
  type HuntGroupListRowJson,
} from '../../broadworks/hunt-group.mapper.js';
import { HuntGroupTemplates } from './templates.js';

const activation = (serviceUserId: string, isActive: boolean): GroupHuntGroupModifyActiveInstanceListRequest => ({
  $type: 'GroupHuntGroupModifyActiveInstanceListRequest',
  serviceActivation: [{ serviceUserId, isActive }],
});
const groupRequest = (tenantId: string, groupId: string): GroupGetRequest22V5 => ({
  $type: 'GroupGetRequest22V5',
  serviceProviderId: tenantId,
  groupId,
});
const rename = (userId: string, newUserId: string): UserModifyUserIdRequest => ({
  $type: 'UserModifyUserIdRequest',
  userId,
  newUserId,
});

/** BroadWorks refused an add because the user id exists already. */
const isIdTaken = (e: unknown): e is OciErrorResponse =>
  e instanceof OciErrorResponse && /already exists/i.test(e.summary);
/** `""` and null mean "no value" in the API. */
const present = (value: string | null | undefined): string | undefined =>
  value === null || value === '' ? undefined : value;

@Injectable()
export class HuntGroupsService {
  constructor(
    private readonly oci: OciGateway,
    private readonly agents: AgentsService,
    private readonly templates: HuntGroupTemplates,
    private readonly ids: IdGenerationService,
    private readonly hooks: HuntGroupHooks,
    @Inject(apioConfig.KEY) private readonly settings: ConfigType<typeof apioConfig>,
  ) {}

  /**
   * GET list: the hunt groups and the group's departments (to describe each row's) in one document,
   * with the group itself when national numbers are to be shown in E.164 (GROUP_NUMBERS_USE_CC_CLI).
   */
  async list(tenantId: string, groupId: string): Promise<{ hunt_groups: HuntGroupListRowJson[] }> {
    const list = huntGroupListRequest(tenantId, groupId);
    const departmentList = departmentListRequest(tenantId, groupId);
    const [huntGroups, departments, group] = this.settings.GROUP_NUMBERS_USE_CC_CLI
      ? await this.oci.send(list, departmentList, groupRequest(tenantId, groupId))
      : [...(await this.oci.send(list, departmentList)), undefined];
    const directory = new DepartmentDirectory(tenantId, groupId, departments.departmentTable);
    return {
      hunt_groups: tableRecords(huntGroups.huntGroupTable).map((row) =>
        toListRowJson(row, directory, this.listNumber(row['Phone Number'] ?? '', group)),
      ),
    };
  }

  /** A list number as BroadWorks gave it, or, with GROUP_NUMBERS_USE_CC_CLI, a national one in E.164. */
  private listNumber(number: string, group: GroupGetResponse22V5 | undefined): string {
    if (!group || !number || number.startsWith('+')) return number;
    return toE164(number, group.callingLineIdPhoneNumber) ?? number;
  }

  /** GET one: the instance and the group's list (activation, and proof it is in this group) in one document. */
  async get(tenantId: string, groupId: string, serviceUserId: string): Promise<HuntGroupJson> {
    const { instance, row } = await readHuntGroupOfGroup(this.oci, tenantId, groupId, serviceUserId);
    return toHuntGroupJson(serviceUserId, tenantId, instance, row);
  }

  /**
   * POST in two documents at most: the group (for a bare or generated id) and the agent checks,
   * then add, activation and the read back. The id comes from the body, else the template, else
   * the rule (SUID_HUNT_GROUP_AUTO_GENERATE); a generated id that is taken is tried again with fresh
   * random digits. Add and activation are undone together if either fails.
   */
  async create(tenantId: string, groupId: string, dto: CreateHuntGroupDto): Promise<HuntGroupJson> {
    const templated =
      dto.templateName !== undefined ? this.templates.apply(dto, dto.templateName, tenantId, groupId) : dto;
    const body = await this.checked(CreateHuntGroupDto, templated, (b) => ({
      operation: 'create',
      tenantId,
      groupId,
      body: b,
    }));
    assertProfileNames(body);
    const given = body.serviceUserId;
    if (!given && !this.ids.autoGenerate) {
      throw ApiError.badRequest(
        'SERVICE_USER_ID_REQUIRED',
        'serviceUserId: required (no template gives one and SUID_HUNT_GROUP_AUTO_GENERATE is off)',
      );
    }
    const needsGroup = !given || !given.includes('@');
    const checks = this.agents.availabilityChecks(tenantId, groupId, body.agents);
    const reads: OciRequest[] = [...(needsGroup ? [groupRequest(tenantId, groupId)] : []), ...checks];
    const answers = reads.length > 0 ? await sendInDocuments(this.oci, reads) : [];
    const group = needsGroup ? (answers[0] as GroupGetResponse22V5) : undefined;
    this.agents.assertAvailable(groupId, body.agents, answers.slice(needsGroup ? 1 : 0));

    const add = async (serviceUserId: string): Promise<HuntGroupJson> => {
      const steps: Step[] = [
        {
          command: toAddRequest(tenantId, groupId, serviceUserId, body),
          undo: [{ $type: 'GroupHuntGroupDeleteInstanceRequest', serviceUserId }],
        },
      ];
      if (body.active === false) steps.push({ command: activation(serviceUserId, false), undo: [] });
      const [instance, list] = await applyAllOrNothing(
        this.oci,
        steps,
        huntGroupGetRequest(serviceUserId),
        huntGroupListRequest(tenantId, groupId),
      );
      const { row } = huntGroupRead(tenantId, groupId, serviceUserId, instance, list);
      const created = toHuntGroupJson(serviceUserId, tenantId, instance, row);
      this.hooks.emit({ type: 'created', tenantId, groupId, huntGroup: created });
      return created;
    };
    if (given) return add(given.includes('@') ? given : withDomain(given, group!.defaultDomain));

    const context = this.idContext(
      tenantId,
      groupId,
      group!,
      body.serviceInstanceProfile?.name,
      present(body.serviceInstanceProfile?.phoneNumber),
    );
    const attempts = this.ids.rule.hasRandomPart ? MAX_ID_ATTEMPTS : 1;
    for (let attempt = 1; ; attempt++) {
      const serviceUserId = this.ids.generate(context);
      try {
        return await add(serviceUserId);
      } catch (e) {
        if (!isIdTaken(e)) throw e;
        if (attempt >= attempts) {
          throw ApiError.conflict(
            'SERVICE_USER_ID_TAKEN',
            `serviceUserId: the id rule gave only taken ids (${attempts} tried, the last ${serviceUserId})`,
          );
        }
      }
    }
  }

  /**
   * PUT in two documents: the hunt group with the group (when a number change may rename it) and
   * the agent checks; then modify, activation and rename with the read back. Plugin checks run
   * between the two (a plugin that changes the agents or the number costs one more read). If a
   * change fails, the ones that succeeded are undone from the state read before.
   */
  async update(
    tenantId: string,
    groupId: string,
    serviceUserId: string,
    dto: UpdateHuntGroupDto,
  ): Promise<HuntGroupJson> {
    const needsGroup = (b: UpdateHuntGroupDto) =>
      this.ids.renameOnPhoneChange && b.serviceInstanceProfile?.phoneNumber !== undefined;
    const reads = (b: UpdateHuntGroupDto) => [
      ...(needsGroup(b) ? [groupRequest(tenantId, groupId)] : []),
      ...this.agents.availabilityChecks(tenantId, groupId, b.agents),
    ];
    const { instance, row, alongside } = await readHuntGroupOfGroup(
      this.oci,
      tenantId,
      groupId,
      serviceUserId,
      reads(dto),
    );
    const before = toHuntGroupJson(serviceUserId, tenantId, instance, row);
    const body = await this.checked(UpdateHuntGroupDto, dto, (b) => ({
      operation: 'update',
      tenantId,
      groupId,
      serviceUserId,
      current: before,
      body: b,
    }));
    const sameReads = JSON.stringify(reads(body)) === JSON.stringify(reads(dto));
    const answers = sameReads ? alongside : await sendInDocuments(this.oci, reads(body));
    const group = needsGroup(body) ? (answers[0] as GroupGetResponse22V5) : undefined;
    this.agents.assertAvailable(groupId, body.agents, answers.slice(group ? 1 : 0));

    const steps: Step[] = [];
    if (body.active !== undefined && body.active !== before.active) {
      steps.push({ command: activation(serviceUserId, body.active), undo: [activation(serviceUserId, before.active)] });
    }
    const newId = group
      ? this.ids.renamedFor(
          serviceUserId,
          instance.serviceInstanceProfile.phoneNumber,
          present(body.serviceInstanceProfile?.phoneNumber),
          this.idContext(
            tenantId,
            groupId,
            group,
            body.serviceInstanceProfile?.name ?? instance.serviceInstanceProfile.name,
          ),
        )
      : undefined;
    const id = newId ?? serviceUserId;
    const modify = toModifyRequest(serviceUserId, body);
    const restore = modify ? this.restoreCommands(instance, modify) : undefined;
    if (modify && restore?.complete) steps.unshift({ command: modify, undo: restore.commands });
    // The rename comes after the commands that name the hunt group by its old id.
    if (newId) steps.push({ command: rename(serviceUserId, newId), undo: [rename(newId, serviceUserId)] });
    // A modify that cannot be fully undone goes last, alone, by then under the new id.
    if (modify && !restore?.complete)
      steps.push({ command: { ...modify, serviceUserId: id }, undo: [], irreversible: true });
    if (steps.length === 0) return before;
    const [read, list] = await applyAllOrNothing(
      this.oci,
      steps,
      huntGroupGetRequest(id),
      huntGroupListRequest(tenantId, groupId),
    );
    const after = toHuntGroupJson(id, tenantId, read, huntGroupRead(tenantId, groupId, id, read, list).row);
    this.emitUpdate(tenantId, groupId, before, after);
    return after;
  }

  private emitUpdate(tenantId: string, groupId: string, before: HuntGroupJson, after: HuntGroupJson): void {
    this.hooks.emit({ type: 'updated', tenantId, groupId, before, after });
    if (before.serviceUserId !== after.serviceUserId)
      this.hooks.emit({ type: 'renamed', tenantId, groupId, from: before.serviceUserId, to: after.serviceUserId });
    const ids = (j: HuntGroupJson) => j.agents.map((a) => a.userId).join('\n');
    if (ids(before) !== ids(after)) {
      this.hooks.emit({
        type: 'agents-changed',
        tenantId,
        groupId,
        serviceUserId: after.serviceUserId,
        before: before.agents,
        after: after.agents,
      });
    }
  }

  /** Runs the plugins' checks on the body, then validates what they left as a client's body is validated. */
  private async checked<T extends object>(
    dto: new () => T,
    body: T,
    request: (body: Record<string, unknown>) => HuntGroupRequest,
  ): Promise<T> {
    if (!this.hooks.hasChecks) return body;
    const plain = instanceToPlain(body);
    await this.hooks.check(request(plain));
    return validateDto(dto, plain);
  }

  async remove(tenantId: string, groupId: string, serviceUserId: string): Promise<void> {
    await findHuntGroupRow(this.oci, tenantId, groupId, serviceUserId);
    await this.hooks.check({ operation: 'delete', tenantId, groupId, serviceUserId });
    await this.oci.send({ $type: 'GroupHuntGroupDeleteInstanceRequest', serviceUserId });
    this.hooks.emit({ type: 'deleted', tenantId, groupId, serviceUserId });
  }

  private idContext(
    tenantId: string,
    groupId: string,
    group: GroupGetResponse22V5,
    name?: string,
    phoneNumber?: string,
  ): IdContext {
    return {
      tenantId,
      groupId,
      domain: group.defaultDomain,
      groupNumber: group.callingLineIdPhoneNumber,
      name,
      phoneNumber,
    };
  }

  /** The commands that put a hunt group back as it was read, weights included. */
  private restoreCommands(
    before: GroupHuntGroupGetInstanceResponse20,
    modify: GroupHuntGroupModifyInstanceRequest,
  ): { commands: OciRequest[]; complete: boolean } {
    const { request, complete } = toRestoreRequest(before, modify);
    if (modify.agentUserIdList === undefined) return { commands: [request], complete };
    const weights: GroupHuntGroupModifyInstanceWeightedCallDistributionRequest = {
      $type: 'GroupHuntGroupModifyInstanceWeightedCallDistributionRequest',
      serviceUserId: modify.serviceUserId,
      agentWeight: tableRecords(before.agentUserTable).map((r) => ({
        agentUserId: r['User Id'],
        weight: Number(r['Weight'] || 0),
      })),
    };
    return { commands: [request, weights], complete };
  }
}

/** A hunt group id must carry a domain: a bare user part gets the group's default domain, as APIO does. */
function withDomain(userPart: string, domain: string): string {
  const id = `${userPart}@${domain}`;
  if (id.length > 161)
    throw ApiError.badRequest('VALIDATION_FAILED', `serviceUserId: ${id} is longer than 161 characters`);
  return id;
}

/** BroadWorks requires the name and both calling line id names of a new hunt group. */
function assertProfileNames(body: CreateHuntGroupDto): void {
  const profile = body.serviceInstanceProfile;
  const missing = (['name', 'cliLastName', 'cliFirstName'] as const).filter((key) => !profile?.[key]);
  if (missing.length > 0) {
    throw ApiError.badRequest(
      'VALIDATION_FAILED',
      `Invalid request: ${missing.map((k) => `serviceInstanceProfile.${k}: required`).join('; ')}`,
      missing.map((k) => ({ field: `serviceInstanceProfile.${k}`, reasons: ['required to create a hunt group'] })),
    );
  }
}
