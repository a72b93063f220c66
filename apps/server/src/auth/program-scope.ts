import { BadRequestException, NotFoundException } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { isUUID } from 'class-validator';
import { EchoCase } from '../cases/entities/echo-case.entity';
import { Attachment } from '../community/entities/attachment.entity';
import { CommunityGroup } from '../community/entities/community-group.entity';
import { Post } from '../community/entities/post.entity';
import { Thread } from '../community/entities/thread.entity';
import { Program } from '../programs/entities/program.entity';
import { Recording } from '../recordings/entities/recording.entity';
import { EchoSession } from '../sessions/entities/echo-session.entity';
import type { ScopeKind } from './access.decorators';

/** How each kind of route finds the program it belongs to, from its `:id` parameter. */
const resolvers: Record<ScopeKind, (db: DataSource, id: string) => Promise<string | undefined>> = {
  program: async (db, id) => (await db.getRepository(Program).findOne({ where: { id }, select: ['id'] }))?.id,
  case: async (db, id) =>
    (await db.getRepository(EchoCase).findOne({ where: { id }, select: ['programId'] }))?.programId,
  recording: async (db, id) =>
    (await db.getRepository(Recording).findOne({ where: { id }, select: ['programId'] }))?.programId,
  group: async (db, id) =>
    (await db.getRepository(CommunityGroup).findOne({ where: { id }, select: ['programId'] }))?.programId,
  thread: async (db, id) =>
    (await db.getRepository(Thread).findOne({ where: { id }, select: ['programId'] }))?.programId,
  post: async (db, id) =>
    (await db.getRepository(Post).findOne({ where: { id }, relations: { thread: true } }))?.thread?.programId,
  attachment: async (db, id) =>
    (await db.getRepository(Attachment).findOne({ where: { id }, relations: { group: true } }))?.group?.programId,
  session: async (db, id) =>
    (await db.getRepository(EchoSession).findOne({ where: { id }, select: ['programId'] }))?.programId,
};

/** The program id a scoped route acts on: 400 for a malformed id, 404 for an unknown one. */
export async function resolveProgramId(db: DataSource, scope: ScopeKind, id: string | undefined): Promise<string> {
  if (!id || !isUUID(id)) throw new BadRequestException({ error: 'VALIDATION_FAILED', message: 'id must be a UUID' });
  const programId = await resolvers[scope](db, id);
  if (!programId) throw new NotFoundException({ error: 'NOT_FOUND', message: `${scope} ${id} not found` });
  return programId;
}
