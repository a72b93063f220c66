import { type AttachmentDto, CommunityLimits, type FileGateFields, type ProgramRole } from '@echo-hub/protocol';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { ingestUpload, sniffedAs } from '../deid';
import { JobsService } from '../jobs/jobs.service';
import { StorageService } from '../storage/storage.service';
import { CommunityAccessService, type Viewer } from './community-access.service';
import { badRequest, CommunityError, notFound } from './community.errors';
import { ThreadRecords } from './threads.records';
import { attachmentMarkdown } from './threads.service';

/** Where group files are kept (DATA_DIR/community on local disk). */
const FOLDER = 'community';

/** What a group file may be (sniffed from its bytes). */
const COMMUNITY_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf'];

/** How long an uploaded file may wait to be used in a post before the hourly job deletes it. */
const UNLINKED_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * Images and PDFs uploaded to a group, kept in storage under `community/` and served only to its readers.
 * An hourly job deletes files never used in a post (an abandoned draft) 24 hours after upload.
 */
@Injectable()
export class AttachmentsService implements OnModuleInit {
  private readonly logger = new Logger(AttachmentsService.name);

  constructor(
    private readonly records: ThreadRecords,
    private readonly access: CommunityAccessService,
    private readonly jobs: JobsService,
    private readonly storage: StorageService,
  ) {}

  onModuleInit(): void {
    this.jobs.every('community.attachments-cleanup', 60 * 60 * 1000, () => this.deleteExpired());
  }

  /** Deletes attachments never linked to a post and uploaded over 24 hours before `now` (row and file). */
  async deleteExpired(now = Date.now()): Promise<number> {
    const cutoff = new Date(now - UNLINKED_TTL_MS).toISOString();
    const expired = await this.records.unlinkedAttachmentsBefore(cutoff);
    let deleted = 0;
    for (const a of expired) {
      // Not if a post took it meanwhile.
      if (!(await this.records.deleteIfUnlinked(a.id))) continue;
      await this.storage.discard(`${FOLDER}/${a.storedName}`);
      deleted++;
    }
    if (deleted) this.logger.log(`deleted ${deleted} unused attachment(s)`);
    return deleted;
  }

  async upload(
    viewer: Viewer,
    groupId: string,
    file: Express.Multer.File | undefined,
    role?: ProgramRole | null,
    gateFields: FileGateFields = {},
  ): Promise<AttachmentDto> {
    await this.access.readableGroup(viewer, groupId, role);
    if (file && file.size > CommunityLimits.attachmentBytes) throw badRequest('file is larger than 10 MB');
    const { storedName, name, mimeType, size, removed } = await ingestUpload(this.storage, file, {
      folder: FOLDER,
      accept: sniffedAs(COMMUNITY_TYPES),
      refusal: `file must be an image (PNG, JPEG, GIF, WebP) or a PDF (${CommunityError.BadAttachment})`,
      // Read and gated like case attachments: staff write about patients in peer support too, and a
      // screenshot or scanned letter carries names in its pixels. A warning the uploader answers (confirm or cover).
      readText: true,
      confirmed: gateFields.confirmedSpans,
      redactions: gateFields.redactions,
    });
    const a = await this.records.addAttachment({
      groupId,
      uploaderId: viewer.id,
      postId: null,
      storedName,
      originalName: name,
      mimeType,
      size,
    });
    return {
      id: a.id,
      name: a.originalName,
      mimeType: a.mimeType,
      size: a.size,
      markdown: attachmentMarkdown(a),
      removed,
    };
  }

  /**
   * The file, if the caller may read the post it belongs to (a file not yet used in a post: only its
   * uploader). Anything else is 404, so ids reveal nothing.
   */
  async file(viewer: Viewer, id: string, role?: ProgramRole | null) {
    const a = await this.records.attachment(id);
    if (!a) throw notFound(`attachment ${id}`);
    const missing = () => notFound(`attachment ${id}`);
    if (!a.postId) {
      if (a.uploaderId !== viewer.id) throw missing();
      await this.access.readableGroup(viewer, a.groupId, role);
    } else {
      const post = await this.records.post(a.postId);
      if (!post) throw missing();
      const { access } = await this.access.readableThread(viewer, post.threadId, role).catch(() => {
        throw missing();
      });
      const visible = access.moderate || (!post.deletedAt && (!post.hidden || post.authorId === viewer.id));
      if (!visible) throw missing();
    }
    return { key: `${FOLDER}/${a.storedName}`, name: a.originalName, mimeType: a.mimeType };
  }
}
