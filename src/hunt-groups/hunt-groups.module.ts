import { Module } from '@nestjs/common';
import { AgentsModule } from '../agents/agents.module.js';
import { IdGenerationModule } from '../id-generation/id-generation.module.js';
import { HuntGroupsController } from './hunt-groups.controller.js';
import { HuntGroupsService } from './hunt-groups.service.js';
import { HuntGroupTemplates } from './templates.js';

@Module({
  imports: [AgentsModule, IdGenerationModule],
  controllers: [HuntGroupsController],
  providers: [HuntGroupsService, HuntGroupTemplates],
})
export class HuntGroupsModule {}
