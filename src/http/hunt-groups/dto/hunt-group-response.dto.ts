/**
 * The shapes of the hunt group answers, for the OpenAPI document only (the mappers build the
 * answers; these classes carry the field documentation).
 */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { HUNT_POLICIES } from '../../../domain/model.js';

export class DepartmentAnswerDto {
  @ApiProperty({ example: 'ApioSpTest' })
  tenantId!: string;

  @ApiPropertyOptional({ description: 'Only for a group department', example: 'ApioGrpTest' })
  groupId?: string;

  @ApiProperty({ example: 'test_department_initial' })
  departmentName!: string;

  @ApiPropertyOptional({
    description: 'BroadWorks writes it `parent \\ child`',
    example: 'test_department_parent_1 \\ test_department_initial',
  })
  fullPathName?: string;
}

export class AgentAnswerDto {
  @ApiProperty({ example: 'ApioUserTest@sip.netaxis.be' })
  userId!: string;

  @ApiProperty({ example: 'Test' })
  lastName!: string;

  @ApiProperty({ example: 'Test' })
  firstName!: string;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    maximum: 100,
    description: 'Share of calls under the Weighted policy',
    example: 60,
  })
  weight!: number;

  @ApiProperty({ description: '"" when none', example: '' })
  phoneNumber!: string;

  @ApiProperty({ description: '"" when none', example: '4000' })
  extension!: string;

  @ApiPropertyOptional({ type: DepartmentAnswerDto, description: 'Only when the agent has one' })
  department?: DepartmentAnswerDto;

  @ApiProperty({ description: '"" when none', example: 'test_mail@test.netaxis.be' })
  emailAddress!: string;
}

export class ServiceInstanceProfileAnswerDto {
  @ApiProperty({ example: 'APIO Test Hunt Group' }) name!: string;
  @ApiProperty({ example: 'Last Test' }) cliLastName!: string;
  @ApiProperty({ example: 'First Test' }) cliFirstName!: string;
  @ApiProperty({ example: 'English' }) language!: string;
  @ApiProperty({ description: '"" when none', example: '' }) phoneNumber!: string;
  @ApiProperty({ description: '"" when none', example: '' }) extension!: string;
  @ApiPropertyOptional({ type: DepartmentAnswerDto }) department?: DepartmentAnswerDto;
  @ApiProperty({ description: '"" when none', example: '' }) publicUserIdentity!: string;
  @ApiProperty({ example: 'Europe/Brussels' }) timeZone!: string;
  @ApiProperty({ example: '(GMT+01:00) Europe/Brussels' }) timeZoneDisplayName!: string;
  @ApiProperty({ example: '' }) hiraganaLastName!: string;
  @ApiProperty({ example: '' }) hiraganaFirstName!: string;
  @ApiProperty({ type: [String], example: [] }) aliases!: string[];
  @ApiProperty({ example: '' }) callingLineIdPhoneNumber!: string;
}

/** A hunt group as GET answers it (and POST and PUT, after the change). */
export class HuntGroupAnswerDto {
  @ApiProperty({ example: 'ApioHgTest@sip.netaxis.be' }) serviceUserId!: string;
  @ApiProperty({ type: ServiceInstanceProfileAnswerDto }) serviceInstanceProfile!: ServiceInstanceProfileAnswerDto;
  @ApiProperty({ enum: HUNT_POLICIES, example: 'Regular' }) policy!: string;
  @ApiProperty() huntAfterNoAnswer!: boolean;
  @ApiProperty() allowMembersToControlGroupBusy!: boolean;
  @ApiProperty({ example: '' }) notReachableForwardToPhoneNumber!: string;
  @ApiProperty() enableNotReachableForwarding!: boolean;
  @ApiProperty() makeBusyWhenNotReachable!: boolean;
  @ApiProperty({ type: [AgentAnswerDto], description: 'In hunting order' }) agents!: AgentAnswerDto[];
  @ApiProperty() useSystemHuntGroupCLIDSetting!: boolean;
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 20, example: 5 }) noAnswerNumberOfRings!: number;
  @ApiProperty() enableGroupBusy!: boolean;
  @ApiProperty({ example: '' }) forwardToPhoneNumber!: string;
  @ApiProperty({ type: 'integer', minimum: 0, maximum: 7200, example: 0 }) forwardTimeoutSeconds!: number;
  @ApiProperty() forwardAfterTimeout!: boolean;
  @ApiProperty() allowCallWaitingForAgents!: boolean;
  @ApiProperty() applyGroupBusyWhenTerminatingToAgent!: boolean;
  @ApiProperty() includeHuntGroupNameInCLID!: boolean;
  @ApiPropertyOptional({ description: 'Only when set' }) networkClassOfService?: string;
  @ApiProperty() active!: boolean;
}

export class HuntGroupListRowDto {
  @ApiProperty({ example: 'ApioHgTest@sip.netaxis.be' }) serviceUserId!: string;
  @ApiProperty({ example: 'APIO Test Hunt Group' }) name!: string;
  @ApiProperty({ description: 'E.164; see GROUP_NUMBERS_USE_CC_CLI', example: '' }) phoneNumber!: string;
  @ApiProperty({ example: '' }) extension!: string;
  @ApiPropertyOptional({ type: DepartmentAnswerDto }) department?: DepartmentAnswerDto;
  @ApiProperty() active!: boolean;
  @ApiProperty({ enum: HUNT_POLICIES, example: 'Regular' }) policy!: string;
}

export class HuntGroupListAnswerDto {
  @ApiProperty({ type: [HuntGroupListRowDto] }) hunt_groups!: HuntGroupListRowDto[];
}
