import {
  CASE_STAGES,
  type CaseStage,
  CONNECTION_LEVELS,
  type ConnectionLevel,
  type ChatRequest,
  ChatLimits,
  type ConnectTransportRequest,
  type ConsumeRequest,
  type ConsumerViewRequest,
  type CreateTransportRequest,
  type JoinRequest,
  LIVE_PHASES,
  type StageRequest,
  type WebinarRequest,
  type LivePhase,
  type LockRequest,
  type AdmitRequest,
  type LobbyMessageRequest,
  LobbyLimits,
  type MediaKind,
  type MediaSource,
  type MuteRequest,
  type PhaseRequest,
  QualityLimits,
  type QualityReport,
  type ProducerStateRequest,
  type ProduceRequest,
  REACTIONS,
  type ReactionRequest,
  type SpotlightRequest,
  type TargetRequest,
  type TextSpan,
} from '@echo-hub/protocol';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { Type } from 'class-transformer';

// Socket payloads are validated like REST bodies (see live.gateway.ts): unknown fields and wrong types are refused.

export class EmptyDto {}

export class JoinDto implements JoinRequest {
  @IsUUID('4', { message: 'sessionId must be a UUID' })
  sessionId: string;

  @IsOptional()
  @IsInt()
  @Min(0)
  sinceVersion?: number;
}

export class CreateTransportDto implements CreateTransportRequest {
  @IsIn(['send', 'recv'], { message: 'direction must be send or recv' })
  direction: 'send' | 'recv';
}

export class TransportIdDto {
  @IsUUID('4', { message: 'transportId must be a UUID' })
  transportId: string;
}

export class ConnectTransportDto extends TransportIdDto implements ConnectTransportRequest {
  @IsObject()
  dtlsParameters: object;
}

export class ProduceDto extends TransportIdDto implements ProduceRequest {
  @IsIn(['audio', 'video'], { message: 'kind must be audio or video' })
  kind: MediaKind;

  @IsObject()
  rtpParameters: object;

  @IsIn(['mic', 'camera', 'screen'], { message: 'source must be mic, camera or screen' })
  source: MediaSource;
}

export class ProducerIdDto {
  @IsUUID('4', { message: 'producerId must be a UUID' })
  producerId: string;
}

export class ProducerStateDto extends ProducerIdDto implements ProducerStateRequest {
  @IsBoolean()
  paused: boolean;
}

export class ConsumeDto extends TransportIdDto implements ConsumeRequest {
  @IsUUID('4', { message: 'producerId must be a UUID' })
  producerId: string;

  @IsObject()
  rtpCapabilities: object;
}

export class ConsumerIdDto {
  @IsUUID('4', { message: 'consumerId must be a UUID' })
  consumerId: string;
}

export class ConsumerViewDto extends ConsumerIdDto implements ConsumerViewRequest {
  @IsBoolean()
  visible: boolean;

  @IsInt()
  @Min(0)
  @Max(10_000)
  height: number;
}

export class TextSpanDto implements TextSpan {
  @IsInt()
  @Min(0)
  start: number;

  @IsInt()
  @Min(0)
  end: number;
}

export class ChatDto implements ChatRequest {
  @IsString()
  @IsNotEmpty({ message: 'text must not be empty' })
  @MaxLength(ChatLimits.maxLength)
  text: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => TextSpanDto)
  confirmedSpans?: TextSpanDto[];
}

export class ReactionDto implements ReactionRequest {
  @IsIn(REACTIONS, { message: `emoji must be one of ${REACTIONS.join(' ')}` })
  emoji: string;
}

export class TargetDto implements TargetRequest {
  @IsUUID('4', { message: 'userId must be a UUID' })
  userId: string;
}

export class WebinarDto implements WebinarRequest {
  @IsBoolean()
  on: boolean;
}

export class StageDto extends TargetDto implements StageRequest {
  @IsBoolean()
  on: boolean;
}

export class OptionalTargetDto implements Partial<TargetRequest> {
  @IsOptional()
  @IsUUID('4', { message: 'userId must be a UUID' })
  userId?: string;
}

export class MuteDto extends OptionalTargetDto implements MuteRequest {}

export class SpotlightDto implements SpotlightRequest {
  @ValidateIf((o: SpotlightDto) => o.userId !== null)
  @IsUUID('4', { message: 'userId must be a UUID or null' })
  userId: string | null;
}

export class PhaseDto implements PhaseRequest {
  @IsIn(LIVE_PHASES, { message: `phase must be one of ${LIVE_PHASES.join(', ')}` })
  phase: LivePhase;

  @IsOptional()
  @ValidateIf((o: PhaseDto) => o.slot !== null)
  @IsInt()
  @Min(0)
  @Max(100)
  slot?: number | null;
}

export class LockDto implements LockRequest {
  @IsBoolean()
  locked: boolean;
}

export class AdmitDto implements AdmitRequest {
  @IsArray()
  @ArrayMaxSize(LobbyLimits.maxAdmitted)
  @IsString({ each: true, message: 'each of userIds must be a user id' })
  @MaxLength(36, { each: true, message: 'each of userIds must be a user id' })
  userIds: string[];
}

export class LobbyMessageDto implements LobbyMessageRequest {
  @IsString()
  @MaxLength(LobbyLimits.maxMessageLength)
  text: string;
}

export class RollCallDto extends TargetDto {
  @IsBoolean()
  present: boolean;
}

export class CaseIdDto {
  @IsUUID('4', { message: 'caseId must be a UUID' })
  caseId: string;
}

export class CaseStageDto {
  @IsIn(CASE_STAGES, { message: `stage must be one of ${CASE_STAGES.join(', ')}` })
  stage: CaseStage;
}

export class CaseNotesDto {
  @IsString()
  @MaxLength(10_000)
  text: string;
}

export class RecordDto {
  @IsBoolean()
  on: boolean;
}

export class ConsentDto {
  @IsArray()
  @ArrayMaxSize(500)
  @IsUUID('4', { each: true, message: 'each of userIds must be a UUID' })
  userIds: string[];
}

/** A client's connection figures: each a number in range, or null when not measured. */
export class QualityReportDto implements QualityReport {
  @IsIn(CONNECTION_LEVELS, { message: `level must be one of ${CONNECTION_LEVELS.join(', ')}` })
  level: ConnectionLevel;

  @ValidateIf((o: QualityReportDto) => o.roundTripMs !== null)
  @IsInt({ message: 'roundTripMs must be a whole number of ms or null' })
  @Min(0)
  @Max(QualityLimits.maxRoundTripMs)
  roundTripMs: number | null;

  @ValidateIf((o: QualityReportDto) => o.lossPercent !== null)
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'lossPercent must be a number or null' })
  @Min(0)
  @Max(100)
  lossPercent: number | null;

  @ValidateIf((o: QualityReportDto) => o.sendKbps !== null)
  @IsInt({ message: 'sendKbps must be a whole number of kbit/s or null' })
  @Min(0)
  @Max(QualityLimits.maxKbps)
  sendKbps: number | null;

  @ValidateIf((o: QualityReportDto) => o.recvKbps !== null)
  @IsInt({ message: 'recvKbps must be a whole number of kbit/s or null' })
  @Min(0)
  @Max(QualityLimits.maxKbps)
  recvKbps: number | null;

  @ValidateIf((o: QualityReportDto) => o.availableKbps !== null)
  @IsInt({ message: 'availableKbps must be a whole number of kbit/s or null' })
  @Min(0)
  @Max(QualityLimits.maxKbps)
  availableKbps: number | null;

  @IsBoolean({ message: 'audioOnly must be true or false' })
  audioOnly: boolean;
}
