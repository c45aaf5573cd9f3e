import { Module } from '@nestjs/common';
import { AgentsService } from './agents.service.js';

/** Agents of hunt groups: who may be one, and their details. */
@Module({
  providers: [AgentsService],
  exports: [AgentsService],
})
export class AgentsModule {}
