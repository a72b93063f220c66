import type { ConfirmedSpan, FileGateFields, FindingBox } from '@echo-hub/protocol';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { plainToInstance, Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, Max, Min, ValidateNested } from 'class-validator';
import { Optional } from '../common/dto';

/** A span of text, by UTF-16 offsets. */
export class SpanDto {
  @ApiProperty()
  @IsInt()
  @Min(0)
  start: number;

  @ApiProperty()
  @IsInt()
  @Min(0)
  end: number;
}

/** A finding in the text read from an attached file, confirmed as not identifying. */
export class ContentSpanDto extends SpanDto implements ConfirmedSpan {
  @ApiProperty({ enum: ['content'] })
  @IsIn(['content'], { message: 'field must be content' })
  field: 'content';
}

/** An area of an attached image or PDF page to cover, in the pixels its findings' boxes use. */
export class RedactionBoxDto implements FindingBox {
  @ApiProperty({ description: '1 for an image; the page of a PDF or frame of an animation' })
  @IsInt()
  @Min(1)
  @Max(10_000)
  page: number;

  @ApiProperty()
  @IsInt()
  @Min(0)
  @Max(100_000)
  left: number;

  @ApiProperty()
  @IsInt()
  @Min(0)
  @Max(100_000)
  top: number;

  @ApiProperty()
  @IsInt()
  @Min(1)
  @Max(100_000)
  width: number;

  @ApiProperty()
  @IsInt()
  @Min(1)
  @Max(100_000)
  height: number;
}

/** A multipart field holding a JSON array of `dto`: parsed, each item made a `dto` to validate. */
const jsonArrayOf =
  (dto: new () => object) =>
  ({ value }: { value: unknown }) => {
    if (typeof value !== 'string') return value;
    try {
      const parsed: unknown = JSON.parse(value);
      return Array.isArray(parsed) ? parsed.map((item: object) => plainToInstance(dto, item)) : parsed;
    } catch {
      return value;
    }
  };

/**
 * The multipart fields of an upload whose text is read (case and community attachments): findings the uploader
 * confirms identify nobody, and areas to cover before the file is read and stored.
 */
export class FileGateFieldsDto implements FileGateFields {
  @ApiPropertyOptional({
    description:
      'JSON array of { field: "content", start, end }: findings in the text read from the file that the uploader confirms are not identifying',
  })
  @Optional()
  @Transform(jsonArrayOf(ContentSpanDto))
  @IsArray({ message: 'confirmedSpans must be a JSON array of { "field": "content", "start", "end" }' })
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  confirmedSpans?: ContentSpanDto[];

  @ApiPropertyOptional({
    description:
      'JSON array of { page, left, top, width, height }: areas to cover in black before the file is read and stored (the boxes of findings, or drawn by the uploader); the original is never stored',
  })
  @Optional()
  @Transform(jsonArrayOf(RedactionBoxDto))
  @IsArray({ message: 'redactions must be a JSON array of { "page", "left", "top", "width", "height" }' })
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  redactions?: RedactionBoxDto[];
}
