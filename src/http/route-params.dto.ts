import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';
import type { Scope } from '../domain/model.js';

/** BroadWorks ids in the path, checked before anything is sent. */
const ID_TOKEN = /^\S(.*\S)?$/;
const HUNT_GROUP_NAME = /^[^\s@]+@[^\s@]+$/;

export class GroupParamsDto {
  @ApiProperty({
    minLength: 1,
    maxLength: 30,
    pattern: ID_TOKEN.source,
    description: 'tenant_id: the service provider or enterprise',
    example: 'ApioSpTest',
  })
  @IsString()
  @Length(1, 30, { message: 'tenant_id must be 1 to 30 characters (a BroadWorks service provider id)' })
  @Matches(ID_TOKEN, { message: 'tenant_id must not start or end with white space' })
  tenantId!: string;

  @ApiProperty({
    minLength: 1,
    maxLength: 30,
    pattern: ID_TOKEN.source,
    description: 'group_id: the group',
    example: 'ApioGrpTest',
  })
  @IsString()
  @Length(1, 30, { message: 'group_id must be 1 to 30 characters (a BroadWorks group id)' })
  @Matches(ID_TOKEN, { message: 'group_id must not start or end with white space' })
  groupId!: string;
}

export class HuntGroupParamsDto extends GroupParamsDto {
  @ApiProperty({
    minLength: 3,
    maxLength: 161,
    pattern: HUNT_GROUP_NAME.source,
    description: 'hunt_group_name: the service user id, user@domain (%40 for @ works too)',
    example: 'APIOTestHuntGroup@sip.netaxis.be',
  })
  @IsString()
  @Length(3, 161, { message: 'hunt_group_name must be 3 to 161 characters (a BroadWorks user id)' })
  @Matches(HUNT_GROUP_NAME, { message: 'hunt_group_name must be a service user id, user@domain, with no white space' })
  name!: string;
}

/** The tenant and group of the URL, as the domain names them. */
export const scopeOf = ({ tenantId, groupId }: GroupParamsDto): Scope => ({ tenantId, groupId });
