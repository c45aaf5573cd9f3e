import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'demo' })
  @IsString()
  @Length(1, 64)
  username!: string;

  /** Bounded so a huge password cannot make scrypt chew on megabytes. */
  @ApiProperty({ example: 'demo', format: 'password' })
  @IsString()
  @Length(1, 1024)
  password!: string;
}
