import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { GroupParamsDto, HuntGroupParamsDto } from '../common/route-params.dto.js';
import { validateDto } from '../common/validation.js';
import type { AgentJson } from './agent.mapper.js';
import { AgentsService } from './agents.service.js';
import type { AvailableUserJson } from './available-users.mapper.js';
import { AvailableUsersFilterDto } from './dto/available-users-filter.dto.js';
import { WeightedDistributionDto } from './dto/weighted-distribution.dto.js';
import { filterInput } from './filter-input.js';

@Controller('api/v1/tenants/:tenantId/groups/:groupId/services/hunt_groups')
export class AgentsController {
  constructor(private readonly agents: AgentsService) {}

  /** Filters from the JSON body (as the seed sends them, even on GET) or from the query string. */
  @Get('users/available')
  async available(
    @Param() p: GroupParamsDto,
    @Query() query: Record<string, unknown>,
    @Body() body: unknown,
  ): Promise<{ available_users: AvailableUserJson[] }> {
    const filter = await validateDto(AvailableUsersFilterDto, filterInput(query, body));
    return this.agents.availableUsers(p.tenantId, p.groupId, filter);
  }

  @Get(':name/weighted_distribution')
  weightedDistribution(@Param() p: HuntGroupParamsDto): Promise<{ agents: AgentJson[] }> {
    return this.agents.weightedDistribution(p.tenantId, p.groupId, p.name);
  }

  /** Weights 0..100 adding up to 100, current agents only, each once; agents left out get 0. */
  @Put(':name/weighted_distribution')
  setWeightedDistribution(@Param() p: HuntGroupParamsDto, @Body() body: WeightedDistributionDto): Promise<{ agents: AgentJson[] }> {
    return this.agents.setWeightedDistribution(p.tenantId, p.groupId, p.name, body);
  }
}
