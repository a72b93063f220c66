import { type CaseAttachmentDto, CaseLimits, type ConfirmedSpan, type FindingBox } from '@echo-hub/protocol';
import { Injectable, NotFoundException } from '@nestjs/common';
import { nowIso } from '../database/columns';
import { ingestUpload, sniffedAs } from '../deid';
import { StorageService } from '../storage/storage.service';
import { CaseRecords } from './cases.records';
import { type Caller, CasesService } from './cases.service';
import { CaseAttachment, caseAttachmentDto } from './entities/case-attachment.entity';

/** Where case files are kept (DATA_DIR/cases on local disk). */
const FOLDER = 'cases';

/**
 * Images and PDFs on a case, kept in storage under `cases/`: attached by whoever may edit the case (who
 * confirms they identify nobody, and whose file name passes the de-identification gate), read by
 * whoever may read the case.
 */
@Injectable()
export class CaseAttachmentsService {
  constructor(
    private readonly records: CaseRecords,
    private readonly cases: CasesService,
    private readonly storage: StorageService,
  ) {}

  /**
   * The caller has confirmed the file identifies nobody (the controller's DTO requires it). The text
   * in the file (OCR of an image, a PDF's text) goes through the gate: each finding must be among
   * `confirmed`, or nothing is stored (422 with the findings and where they are). `redactions` are
   * areas the uploader chose to cover: burnt in before the text is read, and only that copy is stored.
   */
  async upload(
    caseId: string,
    file: Express.Multer.File | undefined,
    caller: Caller,
    confirmed: readonly ConfirmedSpan[] = [],
    redactions: readonly FindingBox[] = [],
  ): Promise<CaseAttachmentDto> {
    await this.mayEdit(caseId, caller);
    const { storedName, name, mimeType, size, removed } = await ingestUpload(this.storage, file, {
      folder: FOLDER,
      accept: sniffedAs(CaseLimits.attachmentTypes),
      refusal: 'file must be a PNG, JPEG or WebP image or a PDF',
      readText: true,
      confirmed,
      redactions,
    });
    const saved = await this.records.addAttachment({
      caseId,
      uploaderId: caller.user.id,
      confirmedAt: nowIso(),
      storedName,
      originalName: name,
      mimeType,
      size,
    });
    return { ...caseAttachmentDto(saved, caller.user.displayName), removed };
  }

  /** The file, if the caller may read its case; 404 otherwise, so ids reveal nothing. */
  async file(caseId: string, id: string, caller: Caller) {
    await this.cases.readable(caseId, caller);
    const a = await this.find(caseId, id);
    return { key: `${FOLDER}/${a.storedName}`, name: a.originalName, mimeType: a.mimeType };
  }

  /** Removed by whoever may edit the case, while it is not yet discussed. */
  async remove(caseId: string, id: string, caller: Caller): Promise<void> {
    await this.mayEdit(caseId, caller);
    const a = await this.find(caseId, id);
    await this.records.removeAttachment(id);
    await this.storage.discard(`${FOLDER}/${a.storedName}`);
  }

  /** 404 for a case the caller may not read (a draft's existence is not revealed), then the edit checks. */
  private async mayEdit(caseId: string, caller: Caller): Promise<void> {
    await this.cases.readable(caseId, caller);
    await this.cases.editable(caseId, caller);
  }

  private async find(caseId: string, id: string): Promise<CaseAttachment> {
    const a = await this.records.attachment(caseId, id);
    if (!a) throw new NotFoundException({ error: 'NOT_FOUND', message: `attachment ${id} not found` });
    return a;
  }
}
