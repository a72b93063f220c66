import {
  BREAKOUT_SPLITS,
  type BreakoutAssignment,
  BreakoutLimits,
  type BreakoutMoveRequest,
  type BreakoutSplit,
  type BreakoutStartRequest,
  LobbyLimits,
} from '@echo-hub/protocol';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

/** Payloads of the breakout room events (breakouts.ts). */

export class BreakoutAssignmentDto implements BreakoutAssignment {
  @IsUUID('4', { message: 'assignments: userId must be a UUID' })
  userId: string;

  @IsInt({ message: 'assignments: room must be a whole number' })
  @Min(0, { message: 'assignments: room must be 0 or more' })
  room: number;
}

export class BreakoutStartDto implements BreakoutStartRequest {
  @IsIn(BREAKOUT_SPLITS, { message: `split must be one of ${BREAKOUT_SPLITS.join(', ')}` })
  split: BreakoutSplit;

  @IsInt({ message: 'rooms must be a whole number' })
  @Min(BreakoutLimits.minRooms, { message: `rooms must be at least ${BreakoutLimits.minRooms}` })
  @Max(BreakoutLimits.maxRooms, { message: `rooms must be at most ${BreakoutLimits.maxRooms}` })
  rooms: number;

  @IsOptional()
  @IsInt({ message: 'minutes must be a whole number' })
  @Min(1, { message: 'minutes must be at least 1' })
  @Max(BreakoutLimits.maxMinutes, { message: `minutes must be at most ${BreakoutLimits.maxMinutes}` })
  minutes?: number | null;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LobbyLimits.maxAdmitted)
  @ValidateNested({ each: true })
  @Type(() => BreakoutAssignmentDto)
  assignments?: BreakoutAssignmentDto[];
}

export class BreakoutMoveDto implements BreakoutMoveRequest {
  @IsOptional()
  @IsUUID('4', { message: 'userId must be a UUID' })
  userId?: string;

  @IsOptional()
  @IsUUID('4', { message: 'roomId must be a UUID or null (the main room)' })
  roomId: string | null;
}

export class BreakoutBroadcastDto {
  @IsString()
  @MaxLength(BreakoutLimits.maxMessageLength)
  text: string;
}

export class BreakoutHelpDto {
  @IsBoolean()
  on: boolean;
}
