import { IsOptional, IsString, Length } from 'class-validator';

/** A department in a request: with `groupId` a group department, without it an enterprise department. */
export class DepartmentDto {
  @IsString()
  @Length(1, 30, { message: '$property must be 1 to 30 characters (a BroadWorks service provider id)' })
  tenantId!: string;

  @IsOptional()
  @IsString()
  @Length(1, 30, { message: '$property must be 1 to 30 characters (a BroadWorks group id)' })
  groupId?: string;

  @IsString()
  @Length(1, 50, { message: '$property must be 1 to 50 characters (a BroadWorks department name)' })
  departmentName!: string;
}
