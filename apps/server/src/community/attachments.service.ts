import { type AttachmentDto, CommunityLimits, type ProgramRole } from '@echo-hub/protocol';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { safeName, sniffType, storeUpload } from '../common/uploads';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { CommunityAccessService, type Viewer } from './community-access.service';
import { badRequest, CommunityError, notFound } from './community.errors';
import { Attachment } from './entities/attachment.entity';
import { Post } from './entities/post.entity';
import { attachmentMarkdown } from './threads.service';
import { NO_TX } from '../database/no-tx';

/** Images and PDFs uploaded to a group, kept under DATA_DIR/community and served only to its readers. */
@Injectable()
export class AttachmentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: CommunityAccessService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private get dir(): string {
    return join(this.config.dataDir, 'community');
  }

  async upload(
    viewer: Viewer,
    groupId: string,
    file: Express.Multer.File | undefined,
    role?: ProgramRole | null,
  ): Promise<AttachmentDto> {
    await this.access.readableGroup(viewer, groupId, role);
    if (!file) throw badRequest('file is required (multipart form field "file")');
    if (file.size > CommunityLimits.attachmentBytes) throw badRequest('file is larger than 10 MB');
    const type = sniffType(file.buffer.subarray(0, 16));
    if (!type) {
      throw badRequest(`file must be an image (PNG, JPEG, GIF, WebP) or a PDF (${CommunityError.BadAttachment})`);
    }
    const storedName = await storeUpload(this.dir, file.buffer, type.ext);
    const repo = this.db.getRepository(Attachment);
    const a = await repo.save(
      repo.create({
        groupId,
        uploaderId: viewer.id,
        postId: null,
        storedName,
        originalName: safeName(file.originalname),
        mimeType: type.mimeType,
        size: file.size,
      }),
      NO_TX,
    );
    return { id: a.id, name: a.originalName, mimeType: a.mimeType, size: a.size, markdown: attachmentMarkdown(a) };
  }

  /**
   * The file, if the caller may read the post it belongs to (a file not yet used in a post: only its
   * uploader). Anything else is 404, so ids reveal nothing.
   */
  async file(viewer: Viewer, id: string, role?: ProgramRole | null) {
    const a = await this.db.getRepository(Attachment).findOneBy({ id });
    if (!a) throw notFound(`attachment ${id}`);
    const missing = () => notFound(`attachment ${id}`);
    if (!a.postId) {
      if (a.uploaderId !== viewer.id) throw missing();
      await this.access.readableGroup(viewer, a.groupId, role);
    } else {
      const post = await this.db.getRepository(Post).findOneBy({ id: a.postId });
      if (!post) throw missing();
      const { access } = await this.access.readableThread(viewer, post.threadId, role).catch(() => {
        throw missing();
      });
      const visible = access.moderate || (!post.deletedAt && (!post.hidden || post.authorId === viewer.id));
      if (!visible) throw missing();
    }
    return { path: join(this.dir, a.storedName), name: a.originalName, mimeType: a.mimeType };
  }
}
