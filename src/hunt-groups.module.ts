import { Module } from '@nestjs/common';
import { AgentsModule } from './agents.module.js';
import { IdGenerationModule } from './domain/id-generation/id-generation.module.js';
import { HuntGroupsController } from './http/hunt-groups/hunt-groups.controller.js';
import { HuntGroupsService } from './domain/hunt-groups/hunt-groups.service.js';
import { HuntGroupTemplates } from './domain/hunt-groups/templates.js';

@Module({
  imports: [AgentsModule, IdGenerationModule],
  controllers: [HuntGroupsController],
  providers: [HuntGroupsService, HuntGroupTemplates],
})
export class HuntGroupsModule {}
