import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { AgentsService } from '../agents/agents.service.js';
import { ApiError } from '../common/api-error.js';
import { DepartmentDirectory, departmentListRequest } from '../common/departments.js';
import { apioConfig } from '../config/namespaces.js';
import { IdGenerationService, MAX_ID_ATTEMPTS, type IdContext } from '../id-generation/id-generation.service.js';
import { toE164 } from '../id-generation/phone-parts.js';
import { applyAllOrNothing, type Step } from '../oci/all-or-nothing.js';
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
} from '../oci/commands.js';
import { OciErrorResponse } from '../oci/oci-errors.js';
import { OciGateway } from '../oci/oci-gateway.js';
import { sendInDocuments } from '../oci/send-in-documents.js';
import type { CreateHuntGroupDto, UpdateHuntGroupDto } from './dto/hunt-group-body.dto.js';
import { findHuntGroupRow, huntGroupGetRequest, huntGroupListRequest, huntGroupRead, readHuntGroupOfGroup } from './hunt-group-reader.js';
import { toAddRequest, toHuntGroupJson, toListRowJson, toModifyRequest, toRestoreRequest, type HuntGroupJson, type HuntGroupListRowJson } from './hunt-group.mapper.js';
import { HuntGroupTemplates } from './templates.js';

const activation = (serviceUserId: string, isActive: boolean): GroupHuntGroupModifyActiveInstanceListRequest => ({
  $type: 'GroupHuntGroupModifyActiveInstanceListRequest',
  serviceActivation: [{ serviceUserId, isActive }],
});
const groupRequest = (tenantId: string, groupId: string): GroupGetRequest22V5 => ({ $type: 'GroupGetRequest22V5', serviceProviderId: tenantId, groupId });
const rename = (userId: string, newUserId: string): UserModifyUserIdRequest => ({ $type: 'UserModifyUserIdRequest', userId, newUserId });

/** BroadWorks refused an add because the user id exists already. */
const isIdTaken = (e: unknown): e is OciErrorResponse => e instanceof OciErrorResponse && /already exists/i.test(e.summary);
/** `""` and null mean "no value" in the API. */
const present = (value: string | null | undefined): string | undefined => (value === null || value === '' ? undefined : value);

@Injectable()
export class HuntGroupsService {
  constructor(
    private readonly oci: OciGateway,
    private readonly agents: AgentsService,
    private readonly templates: HuntGroupTemplates,
    private readonly ids: IdGenerationService,
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
      hunt_groups: tableRecords(huntGroups.huntGroupTable).map((row) => toListRowJson(row, directory, this.listNumber(row['Phone Number'] ?? '', group))),
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
    const body = dto.templateName !== undefined ? this.templates.apply(dto, dto.templateName, tenantId, groupId) : dto;
    assertProfileNames(body);
    const given = body.serviceUserId;
    if (!given && !this.ids.autoGenerate) {
      throw ApiError.badRequest('SERVICE_USER_ID_REQUIRED', 'serviceUserId: required (no template gives one and SUID_HUNT_GROUP_AUTO_GENERATE is off)');
    }
    const needsGroup = !given || !given.includes('@');
    const checks = this.agents.availabilityChecks(tenantId, groupId, body.agents);
    const reads: OciRequest[] = [...(needsGroup ? [groupRequest(tenantId, groupId)] : []), ...checks];
    const answers = reads.length > 0 ? await sendInDocuments(this.oci, reads) : [];
    const group = needsGroup ? (answers[0] as GroupGetResponse22V5) : undefined;
    this.agents.assertAvailable(groupId, body.agents, answers.slice(needsGroup ? 1 : 0));

    const add = async (serviceUserId: string): Promise<HuntGroupJson> => {
      const steps: Step[] = [{ command: toAddRequest(tenantId, groupId, serviceUserId, body), undo: [{ $type: 'GroupHuntGroupDeleteInstanceRequest', serviceUserId }] }];
      if (body.active === false) steps.push({ command: activation(serviceUserId, false), undo: [] });
      const [instance, list] = await applyAllOrNothing(this.oci, steps, huntGroupGetRequest(serviceUserId), huntGroupListRequest(tenantId, groupId));
      const { row } = huntGroupRead(tenantId, groupId, serviceUserId, instance, list);
      return toHuntGroupJson(serviceUserId, tenantId, instance, row);
    };
    if (given) return add(given.includes('@') ? given : withDomain(given, group!.defaultDomain));

    const context = this.idContext(tenantId, groupId, group!, body.serviceInstanceProfile?.name, present(body.serviceInstanceProfile?.phoneNumber));
    const attempts = this.ids.rule.hasRandomPart ? MAX_ID_ATTEMPTS : 1;
    for (let attempt = 1; ; attempt++) {
      const serviceUserId = this.ids.generate(context);
      try {
        return await add(serviceUserId);
      } catch (e) {
        if (!isIdTaken(e)) throw e;
        if (attempt >= attempts) {
          throw ApiError.conflict('SERVICE_USER_ID_TAKEN', `serviceUserId: the id rule gave only taken ids (${attempts} tried, the last ${serviceUserId})`);
        }
      }
    }
  }

  /**
   * PUT in two documents: the hunt group with the group (when a number change may rename it) and
   * the agent checks; then modify, activation and rename with the read back. If a change fails, the
   * ones that succeeded are undone from the state read before.
   */
  async update(tenantId: string, groupId: string, serviceUserId: string, body: UpdateHuntGroupDto): Promise<HuntGroupJson> {
    const numberChanges = this.ids.renameOnPhoneChange && body.serviceInstanceProfile?.phoneNumber !== undefined;
    const checks = this.agents.availabilityChecks(tenantId, groupId, body.agents);
    const { instance, row, alongside } = await readHuntGroupOfGroup(this.oci, tenantId, groupId, serviceUserId, [
      ...(numberChanges ? [groupRequest(tenantId, groupId)] : []),
      ...checks,
    ]);
    const group = numberChanges ? (alongside[0] as GroupGetResponse22V5) : undefined;
    this.agents.assertAvailable(groupId, body.agents, alongside.slice(numberChanges ? 1 : 0));

    const steps: Step[] = [];
    const modify = toModifyRequest(serviceUserId, body);
    if (modify) steps.push({ command: modify, undo: this.restoreCommands(instance, modify) });
    const wasActive = row['Is Active'] === 'true';
    if (body.active !== undefined && body.active !== wasActive) {
      steps.push({ command: activation(serviceUserId, body.active), undo: [activation(serviceUserId, wasActive)] });
    }
    const newId = group
      ? this.ids.renamedFor(
          serviceUserId,
          instance.serviceInstanceProfile.phoneNumber,
          present(body.serviceInstanceProfile?.phoneNumber),
          this.idContext(tenantId, groupId, group, body.serviceInstanceProfile?.name ?? instance.serviceInstanceProfile.name),
        )
      : undefined;
    // The rename comes last: the commands before it still name the hunt group by its old id.
    if (newId) steps.push({ command: rename(serviceUserId, newId), undo: [rename(newId, serviceUserId)] });
    if (steps.length === 0) return toHuntGroupJson(serviceUserId, tenantId, instance, row);
    const id = newId ?? serviceUserId;
    const [after, list] = await applyAllOrNothing(this.oci, steps, huntGroupGetRequest(id), huntGroupListRequest(tenantId, groupId));
    return toHuntGroupJson(id, tenantId, after, huntGroupRead(tenantId, groupId, id, after, list).row);
  }

  async remove(tenantId: string, groupId: string, serviceUserId: string): Promise<void> {
    await findHuntGroupRow(this.oci, tenantId, groupId, serviceUserId);
    await this.oci.send({ $type: 'GroupHuntGroupDeleteInstanceRequest', serviceUserId });
  }

  private idContext(tenantId: string, groupId: string, group: GroupGetResponse22V5, name?: string, phoneNumber?: string): IdContext {
    return { tenantId, groupId, domain: group.defaultDomain, groupNumber: group.callingLineIdPhoneNumber, name, phoneNumber };
  }

  /** The commands that put a hunt group back as it was read, weights included. */
  private restoreCommands(before: GroupHuntGroupGetInstanceResponse20, modify: GroupHuntGroupModifyInstanceRequest): OciRequest[] {
    const restore: OciRequest[] = [toRestoreRequest(before, modify)];
    if (modify.agentUserIdList === undefined) return restore;
    const weights: GroupHuntGroupModifyInstanceWeightedCallDistributionRequest = {
      $type: 'GroupHuntGroupModifyInstanceWeightedCallDistributionRequest',
      serviceUserId: modify.serviceUserId,
      agentWeight: tableRecords(before.agentUserTable).map((r) => ({ agentUserId: r['User Id'], weight: Number(r['Weight'] || 0) })),
    };
    return [...restore, weights];
  }
}

/** A hunt group id must carry a domain: a bare user part gets the group's default domain, as APIO does. */
function withDomain(userPart: string, domain: string): string {
  const id = `${userPart}@${domain}`;
  if (id.length > 161) throw ApiError.badRequest('VALIDATION_FAILED', `serviceUserId: ${id} is longer than 161 characters`);
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
