import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';
import type { Scope } from '../domain/model.js';
import { GroupId, ServiceProviderId, UserId } from '../ocip/schema.js';

/** BroadWorks ids in the path, checked before anything is sent. */
const ID_TOKEN = /^\S(.*\S)?$/;
const HUNT_GROUP_NAME = /^[^\s@]+@[^\s@]+$/;

export class GroupParamsDto {
  @ApiProperty({
    minLength: ServiceProviderId.minLength,
    maxLength: ServiceProviderId.maxLength,
    pattern: ID_TOKEN.source,
    description: 'tenant_id: the service provider or enterprise',
    example: 'ApioSpTest',
  })
  @IsString()
  @Length(ServiceProviderId.minLength!, ServiceProviderId.maxLength, {
    message: `tenant_id must be ${ServiceProviderId.minLength} to ${ServiceProviderId.maxLength} characters (a BroadWorks service provider id)`,
  })
  @Matches(ID_TOKEN, { message: 'tenant_id must not start or end with white space' })
  tenantId!: string;

  @ApiProperty({
    minLength: GroupId.minLength,
    maxLength: GroupId.maxLength,
    pattern: ID_TOKEN.source,
    description: 'group_id: the group',
    example: 'ApioGrpTest',
  })
  @IsString()
  @Length(GroupId.minLength!, GroupId.maxLength, {
    message: `group_id must be ${GroupId.minLength} to ${GroupId.maxLength} characters (a BroadWorks group id)`,
  })
  @Matches(ID_TOKEN, { message: 'group_id must not start or end with white space' })
  groupId!: string;
}

export class HuntGroupParamsDto extends GroupParamsDto {
  @ApiProperty({
    minLength: 3,
    maxLength: UserId.maxLength,
    pattern: HUNT_GROUP_NAME.source,
    description: 'hunt_group_name: the service user id, user@domain (%40 for @ works too)',
    example: 'APIOTestHuntGroup@sip.netaxis.be',
  })
  @IsString()
  // 3: the shortest user@domain.
  @Length(3, UserId.maxLength, {
    message: `hunt_group_name must be 3 to ${UserId.maxLength} characters (a BroadWorks user id)`,
  })
  @Matches(HUNT_GROUP_NAME, { message: 'hunt_group_name must be a service user id, user@domain, with no white space' })
  name!: string;
}

/** The tenant and group of the URL, as the domain names them. */
export const scopeOf = ({ tenantId, groupId }: GroupParamsDto): Scope => ({ tenantId, groupId });
