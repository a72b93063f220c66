import { BadRequestException } from '@nestjs/common';

/**
 * DICOM files are refused rather than de-identified: their headers carry the patient's name, ID, birth
 * date and the institution in hundreds of standard and private tags, and scanners burn the same into
 * the pixels. Removing what the DICOM basic de-identification profile names and rendering a preview
 * would need a DICOM toolkit for a case that a screenshot (whose text the gate reads) serves as well.
 */
export const DICOM_REFUSED =
  'file is a DICOM image: export or screenshot the view you want to show as PNG or JPEG instead (DICOM headers carry the patient’s name, ID and dates)';

/** Refuses (400, field `file`) a DICOM file: "DICM" after its 128-byte preamble. */
export function refuseDicom(bytes: Buffer): void {
  if (bytes.subarray(128, 132).toString('latin1') !== 'DICM') return;
  throw new BadRequestException({
    error: 'VALIDATION_FAILED',
    message: DICOM_REFUSED,
    fields: [{ field: 'file', messages: [DICOM_REFUSED] }],
  });
}
