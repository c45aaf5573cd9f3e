import { Module } from '@nestjs/common';
import { AgentsController } from './http/agents/agents.controller.js';
import { AgentsService } from './domain/agents/agents.service.js';

/** Agents of hunt groups: who may be one, their details, and the weighted call distribution. */
@Module({
  controllers: [AgentsController],
  providers: [AgentsService],
  exports: [AgentsService],
})
export class AgentsModule {}
