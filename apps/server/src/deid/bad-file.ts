import { BadRequestException } from '@nestjs/common';

/** 400 VALIDATION_FAILED naming the multipart field `field`. */
export const badField = (field: string, message: string) =>
  new BadRequestException({ error: 'VALIDATION_FAILED', message, fields: [{ field, messages: [message] }] });

/** 400 VALIDATION_FAILED naming the multipart field `file`. */
export const badFile = (message: string) => badField('file', message);
