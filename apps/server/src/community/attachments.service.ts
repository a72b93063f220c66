import { type AttachmentDto, CommunityLimits, type ProgramRole } from '@echo-hub/protocol';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { CommunityAccessService, type Viewer } from './community-access.service';
import { badRequest, CommunityError, notFound } from './community.errors';
import { Attachment } from './entities/attachment.entity';
import { Post } from './entities/post.entity';
import { attachmentMarkdown } from './threads.service';
import { NO_TX } from './no-tx';

/** The type of a file from its first bytes (never from the name or the type the browser claims). */
export function sniffType(head: Buffer): { mimeType: string; ext: string } | null {
  const starts = (bytes: number[], at = 0) => bytes.every((b, i) => head[at + i] === b);
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { mimeType: 'image/png', ext: '.png' };
  if (starts([0xff, 0xd8, 0xff])) return { mimeType: 'image/jpeg', ext: '.jpg' };
  if (head.subarray(0, 6).toString('latin1') === 'GIF87a' || head.subarray(0, 6).toString('latin1') === 'GIF89a') {
    return { mimeType: 'image/gif', ext: '.gif' };
  }
  if (head.subarray(0, 4).toString('latin1') === 'RIFF' && head.subarray(8, 12).toString('latin1') === 'WEBP') {
    return { mimeType: 'image/webp', ext: '.webp' };
  }
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return { mimeType: 'application/pdf', ext: '.pdf' };
  return null;
}

const safeName = (name: string) =>
  basename(name.replace(/\\/g, '/'))
    .replace(/["<>]/g, '')
    .split('')
    .filter((ch) => ch.charCodeAt(0) >= 32 && ch.charCodeAt(0) !== 127)
    .join('')
    .trim()
    .slice(0, 200) || 'file';

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
    await mkdir(this.dir, { recursive: true });
    const storedName = `${randomUUID()}${type.ext}`;
    await writeFile(join(this.dir, storedName), file.buffer);
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
