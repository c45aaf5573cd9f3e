import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { GroupParamsDto, HuntGroupParamsDto } from '../common/route-params.dto.js';
import { CreateHuntGroupDto, UpdateHuntGroupDto } from './dto/hunt-group-body.dto.js';
import type { HuntGroupJson, HuntGroupListRowJson } from './hunt-group.mapper.js';
import { HuntGroupsService } from './hunt-groups.service.js';

/** APIO's hunt group routes; every one answers with and without the trailing slash. */
@Controller('api/v1/tenants/:tenantId/groups/:groupId/services/hunt_groups')
export class HuntGroupsController {
  constructor(private readonly huntGroups: HuntGroupsService) {}

  @Post()
  create(@Param() p: GroupParamsDto, @Body() body: CreateHuntGroupDto): Promise<HuntGroupJson> {
    return this.huntGroups.create(p.tenantId, p.groupId, body);
  }

  @Get()
  list(@Param() p: GroupParamsDto): Promise<{ hunt_groups: HuntGroupListRowJson[] }> {
    return this.huntGroups.list(p.tenantId, p.groupId);
  }

  @Get(':name')
  get(@Param() p: HuntGroupParamsDto): Promise<HuntGroupJson> {
    return this.huntGroups.get(p.tenantId, p.groupId, p.name);
  }

  @Put(':name')
  update(@Param() p: HuntGroupParamsDto, @Body() body: UpdateHuntGroupDto): Promise<HuntGroupJson> {
    return this.huntGroups.update(p.tenantId, p.groupId, p.name, body);
  }

  @Delete(':name')
  @HttpCode(200)
  async remove(@Param() p: HuntGroupParamsDto): Promise<void> {
    await this.huntGroups.remove(p.tenantId, p.groupId, p.name);
  }
}
