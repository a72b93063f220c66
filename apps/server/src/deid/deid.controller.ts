import { type Finding, scan } from '@echo-hub/deid';
import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { SignedIn } from '../auth/access.decorators';

export class DeidCheckDto {
  @ApiProperty({ example: 'Seen by Dr Patel on 12/03/2024, NHS 943 476 5919.' })
  @IsString()
  @MaxLength(100_000)
  text: string;
}

/** The de-identification scanner the case form uses as the presenter types, and the server gate uses before storing. */
@ApiTags('cases')
@ApiBearerAuth()
@Controller('deid')
export class DeidController {
  @SignedIn()
  @Post('check')
  @HttpCode(HttpStatus.OK)
  check(@Body() dto: DeidCheckDto): { findings: Finding[] } {
    return { findings: scan(dto.text) };
  }
}
