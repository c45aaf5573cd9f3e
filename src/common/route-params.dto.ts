import { IsString, Length, Matches } from 'class-validator';

/** BroadWorks ids in the path, checked before anything is sent. */
const ID_TOKEN = /^\S(.*\S)?$/;

export class GroupParamsDto {
  @IsString()
  @Length(1, 30, { message: 'tenant_id must be 1 to 30 characters (a BroadWorks service provider id)' })
  @Matches(ID_TOKEN, { message: 'tenant_id must not start or end with white space' })
  tenantId!: string;

  @IsString()
  @Length(1, 30, { message: 'group_id must be 1 to 30 characters (a BroadWorks group id)' })
  @Matches(ID_TOKEN, { message: 'group_id must not start or end with white space' })
  groupId!: string;
}

export class HuntGroupParamsDto extends GroupParamsDto {
  @IsString()
  @Length(3, 161, { message: 'hunt_group_name must be 3 to 161 characters (a BroadWorks user id)' })
  @Matches(/^[^\s@]+@[^\s@]+$/, { message: 'hunt_group_name must be a service user id, user@domain, with no white space' })
  name!: string;
}
