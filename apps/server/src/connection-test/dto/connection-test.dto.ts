import { ConnectionTestLimits } from '@echo-hub/protocol';
import { Type } from 'class-transformer';
import { IsInt, IsObject, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export class DownloadQueryDto {
  @Type(() => Number)
  @IsInt({ message: 'kb must be a whole number of kilobytes' })
  @Min(1, { message: 'kb must be at least 1' })
  @Max(ConnectionTestLimits.maxKb, { message: `kb must be at most ${ConnectionTestLimits.maxKb}` })
  kb: number;
}

export class ConnectTestDto {
  @IsObject({ message: 'dtlsParameters must be an object' })
  dtlsParameters: object;
}

export class TestDataDto {
  @IsObject({ message: 'sctpStreamParameters must be an object' })
  sctpStreamParameters: object;

  @IsOptional()
  @IsString()
  @MaxLength(32)
  label?: string;
}
