import { Module } from '@nestjs/common';
import { IdGenerationService } from './id-generation.service.js';

/** Service user ids made from AUTOMATIC_ID_RULES. */
@Module({
  providers: [IdGenerationService],
  exports: [IdGenerationService],
})
export class IdGenerationModule {}
