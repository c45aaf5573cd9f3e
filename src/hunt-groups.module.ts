import { Module } from '@nestjs/common';
import { BroadWorksModule } from './broadworks/broadworks.module.js';
import { AgentMembershipService } from './domain/agents/agent-membership.service.js';
import { AgentsService } from './domain/agents/agents.service.js';
import { HuntGroupsService } from './domain/hunt-groups/hunt-groups.service.js';
import { IdGenerationModule } from './domain/id-generation/id-generation.module.js';
import { BodyValidator, PluginChecks } from './domain/plugin-checks.js';
import { AgentMembershipController } from './http/hunt-groups/agent-membership.controller.js';
import { AgentsController } from './http/hunt-groups/agents.controller.js';
import { DtoBodyValidator } from './http/hunt-groups/dto-body-validator.js';
import { HuntGroupsController } from './http/hunt-groups/hunt-groups.controller.js';
import { HuntGroupTemplates } from './http/hunt-groups/templates.js';

/**
 * Hunt groups and their agents, wired across the layers: the HTTP edge's controllers, the domain's
 * use cases, and the BroadWorks port they call.
 */
@Module({
  imports: [BroadWorksModule, IdGenerationModule],
  controllers: [HuntGroupsController, AgentsController, AgentMembershipController],
  providers: [
    HuntGroupsService,
    AgentsService,
    AgentMembershipService,
    PluginChecks,
    HuntGroupTemplates,
    { provide: BodyValidator, useClass: DtoBodyValidator },
  ],
})
export class HuntGroupsModule {}
