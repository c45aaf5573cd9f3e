import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class LoginDto {
  @ApiProperty({ minLength: 1, maxLength: 64, example: 'demo' })
  @IsString()
  @Length(1, 64)
  username!: string;

  /** Bounded so a huge password cannot make scrypt chew on megabytes. */
  @ApiProperty({ minLength: 1, maxLength: 1024, example: 'demo', format: 'password' })
  @IsString()
  @Length(1, 1024)
  password!: string;
}
