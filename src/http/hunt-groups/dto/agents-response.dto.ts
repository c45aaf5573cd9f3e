/** The shapes of the agents answers, for the OpenAPI document only. */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AgentAnswerDto, DepartmentAnswerDto } from './hunt-group-response.dto.js';

export class AvailableUserDto {
  @ApiProperty({ example: 'ApioUserTest@sip.netaxis.be' }) userId!: string;
  @ApiProperty({ example: 'Test' }) lastName!: string;
  @ApiProperty({ example: 'Test' }) firstName!: string;
  @ApiProperty({ description: '"" when none', example: '' }) phoneNumber!: string;
  @ApiProperty({ description: '"" when none', example: '4000' }) extension!: string;
  @ApiPropertyOptional({ type: DepartmentAnswerDto, description: 'Only when the user has one' })
  department?: DepartmentAnswerDto;
  @ApiProperty({ description: '"" when none', example: 'test_mail@test.netaxis.be' }) emailAddress!: string;
}

export class AvailableUsersAnswerDto {
  @ApiProperty({ type: [AvailableUserDto] }) available_users!: AvailableUserDto[];
}

export class WeightedDistributionAnswerDto {
  @ApiProperty({ type: [AgentAnswerDto], description: 'Every agent with its weight, in hunting order' })
  agents!: AgentAnswerDto[];
}
