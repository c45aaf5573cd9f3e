import { Injectable } from '@nestjs/common';
import { AgentsService } from '../agents/agents.service.js';
import { ApiError } from '../common/api-error.js';
import { DepartmentDirectory, departmentListRequest } from '../common/departments.js';
import { applyAllOrNothing, type Step } from '../oci/all-or-nothing.js';
import {
  tableRecords,
  type GroupHuntGroupGetInstanceResponse20,
  type GroupHuntGroupModifyActiveInstanceListRequest,
  type GroupHuntGroupModifyInstanceWeightedCallDistributionRequest,
} from '../oci/commands.js';
import { OciGateway } from '../oci/oci-gateway.js';
import type { CreateHuntGroupDto, UpdateHuntGroupDto } from './dto/hunt-group-body.dto.js';
import { toAddRequest, toHuntGroupJson, toListRowJson, toModifyRequest, toRestoreRequest, type HuntGroupJson, type HuntGroupListRowJson } from './hunt-group.mapper.js';
import { findHuntGroupRow, huntGroupListRequest, readHuntGroupOfGroup } from './hunt-group-reader.js';
import { HuntGroupTemplates } from './templates.js';

const activation = (serviceUserId: string, isActive: boolean): GroupHuntGroupModifyActiveInstanceListRequest => ({
  $type: 'GroupHuntGroupModifyActiveInstanceListRequest',
  serviceActivation: [{ serviceUserId, isActive }],
});

@Injectable()
export class HuntGroupsService {
  constructor(
    private readonly oci: OciGateway,
    private readonly agents: AgentsService,
    private readonly templates: HuntGroupTemplates,
  ) {}

  /** GET list: the hunt groups and the group's departments (to describe each row's) in one document. */
  async list(tenantId: string, groupId: string): Promise<{ hunt_groups: HuntGroupListRowJson[] }> {
    const [list, departmentList] = await this.oci.send(huntGroupListRequest(tenantId, groupId), departmentListRequest(tenantId, groupId));
    const departments = new DepartmentDirectory(tenantId, groupId, departmentList.departmentTable);
    return { hunt_groups: tableRecords(list.huntGroupTable).map((row) => toListRowJson(row, departments, row['Phone Number'] ?? '')) };
  }

  /** GET one: the instance and the group's list (activation, and proof it is in this group) in one document. */
  async get(tenantId: string, groupId: string, serviceUserId: string): Promise<HuntGroupJson> {
    const { instance, row } = await readHuntGroupOfGroup(this.oci, tenantId, groupId, serviceUserId);
    return toHuntGroupJson(serviceUserId, tenantId, instance, row);
  }

  async create(tenantId: string, groupId: string, dto: CreateHuntGroupDto): Promise<HuntGroupJson> {
    const body = dto.templateName !== undefined ? this.templates.apply(dto, dto.templateName, tenantId, groupId) : dto;
    assertProfileNames(body);
    if (!body.serviceUserId) {
      throw ApiError.badRequest('SERVICE_USER_ID_REQUIRED', 'serviceUserId: required (no template gives one and automatic ids are off)');
    }
    const serviceUserId = await this.withDomain(tenantId, groupId, body.serviceUserId);
    if (body.agents && body.agents.length > 0) await this.agents.assertAssignable(tenantId, groupId, body.agents);
    const steps: Step[] = [{ command: toAddRequest(tenantId, groupId, serviceUserId, body), undo: [{ $type: 'GroupHuntGroupDeleteInstanceRequest', serviceUserId }] }];
    if (body.active === false) steps.push({ command: activation(serviceUserId, false), undo: [] });
    await applyAllOrNothing(this.oci, steps);
    return this.get(tenantId, groupId, serviceUserId);
  }

  async update(tenantId: string, groupId: string, serviceUserId: string, body: UpdateHuntGroupDto): Promise<HuntGroupJson> {
    const [{ instance, row }] = await Promise.all([
      readHuntGroupOfGroup(this.oci, tenantId, groupId, serviceUserId),
      body.agents && body.agents.length > 0 ? this.agents.assertAssignable(tenantId, groupId, body.agents) : undefined,
    ]);
    const steps: Step[] = [];
    const modify = toModifyRequest(serviceUserId, body);
    if (modify) steps.push({ command: modify, undo: this.restoreCommands(instance, modify) });
    const wasActive = row['Is Active'] === 'true';
    if (body.active !== undefined && body.active !== wasActive) {
      steps.push({ command: activation(serviceUserId, body.active), undo: [activation(serviceUserId, wasActive)] });
    }
    if (steps.length === 0) return toHuntGroupJson(serviceUserId, tenantId, instance, row);
    await applyAllOrNothing(this.oci, steps);
    return this.get(tenantId, groupId, serviceUserId);
  }

  async remove(tenantId: string, groupId: string, serviceUserId: string): Promise<void> {
    await findHuntGroupRow(this.oci, tenantId, groupId, serviceUserId);
    await this.oci.send({ $type: 'GroupHuntGroupDeleteInstanceRequest', serviceUserId });
  }

  /** A hunt group id must carry a domain: a bare user part gets the group's default domain, as APIO does. */
  private async withDomain(tenantId: string, groupId: string, serviceUserId: string): Promise<string> {
    if (serviceUserId.includes('@')) return serviceUserId;
    const [group] = await this.oci.send({ $type: 'GroupGetRequest22V5', serviceProviderId: tenantId, groupId });
    const withDomain = `${serviceUserId}@${group.defaultDomain}`;
    if (withDomain.length > 161) throw ApiError.badRequest('VALIDATION_FAILED', `serviceUserId: ${withDomain} is longer than 161 characters`);
    return withDomain;
  }

  /** The commands that put a hunt group back as it was read, weights included. */
  private restoreCommands(before: GroupHuntGroupGetInstanceResponse20, modify: NonNullable<ReturnType<typeof toModifyRequest>>) {
    const restore = [toRestoreRequest(before, modify)];
    if (modify.agentUserIdList === undefined) return restore;
    const weights: GroupHuntGroupModifyInstanceWeightedCallDistributionRequest = {
      $type: 'GroupHuntGroupModifyInstanceWeightedCallDistributionRequest',
      serviceUserId: modify.serviceUserId,
      agentWeight: tableRecords(before.agentUserTable).map((r) => ({ agentUserId: r['User Id'], weight: Number(r['Weight'] || 0) })),
    };
    return [...restore, weights];
  }
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
