import { DataSource } from 'typeorm';
import { AttachmentsService } from '../src/community/attachments.service';
import { GroupMember } from '../src/community/entities/group-member.entity';
import { GroupsService } from '../src/community/groups.service';
import { ModerationService } from '../src/community/moderation.service';
import { ThreadsService } from '../src/community/threads.service';
import { type Account, account, addMember } from './fixtures';
import type { Fixture } from './routes';
import type { TestApp } from './test-app';
import { tinyPdf } from './upload-fixtures';

/**
 * Community targets for the route table (routes.ts). Posts are written by a "poster" (a facilitator,
 * so the flood limit never trips), so any caller may flag them. Routes that need a moderator of the
 * group get a fresh group the caller moderates: the guard's rule is what the matrix checks; the
 * per-group check is tested in community.integration-spec.ts.
 */
const posters = new WeakMap<TestApp, Promise<Account>>();
const openGroups = new WeakMap<TestApp, Promise<string>>();

const viewer = (a: Account) => ({ id: a.id, isAdmin: false });
const adminViewer = (f: Fixture) => ({ id: f.admin.id, isAdmin: true });

export function poster(f: Fixture, t: TestApp): Promise<Account> {
  let p = posters.get(t);
  if (!p) {
    p = (async () => {
      const a = await account(t.app, 'poster');
      await addMember(t.app, f.program, a.id, 'facilitator');
      return a;
    })();
    posters.set(t, p);
  }
  return p;
}

/** One open group of the fixture program, made once. */
export function openGroup(f: Fixture, t: TestApp): Promise<string> {
  let g = openGroups.get(t);
  if (!g) {
    g = t.app
      .get(GroupsService)
      .create(adminViewer(f), f.program, { name: 'Link workers' }, null)
      .then((s) => s.id);
    openGroups.set(t, g);
  }
  return g;
}

/** A fresh group that `who` moderates (open unless asked). */
export async function moderatedGroup(f: Fixture, t: TestApp, who: Account | null, isPrivate = false) {
  const group = await t.app
    .get(GroupsService)
    .create(adminViewer(f), f.program, { name: `Moderated ${Math.random()}`, private: isPrivate }, null);
  if (who) {
    const repo = t.app.get(DataSource).getRepository(GroupMember);
    await repo.save(repo.create({ groupId: group.id, userId: who.id, role: 'moderator' }));
  }
  return group.id;
}

export async function privateGroup(f: Fixture, t: TestApp): Promise<string> {
  const group = await t.app
    .get(GroupsService)
    .create(adminViewer(f), f.program, { name: `Carers ${Math.random()}`, private: true }, null);
  return group.id;
}

/** A thread by the poster with one reply: ids of the thread, its opening post and the reply. */
export async function newThread(f: Fixture, t: TestApp, groupId?: string) {
  const by = await poster(f, t);
  const threads = t.app.get(ThreadsService);
  const { id } = await threads.create(viewer(by), groupId ?? (await openGroup(f, t)), {
    title: 'Walking groups for people with long-term pain',
    body: 'Has anyone linked people to a **walking group**? What helped them keep going?',
  });
  const { post } = await threads.reply(viewer(by), id, { body: 'The buddy system made the difference for us.' });
  const opening = (await threads.get(viewer(by), id)).posts[0].id;
  return { threadId: id, openingId: opening, replyId: post.id };
}

/** A program member who is not the caller (to add to, or remove from, a group). */
export async function otherMember(f: Fixture, t: TestApp): Promise<Account> {
  const a = await account(t.app, 'member');
  await addMember(t.app, f.program, a.id, 'participant');
  return a;
}

export async function groupWithMember(f: Fixture, t: TestApp, who: Account | null) {
  const groupId = await moderatedGroup(f, t, who);
  const member = await otherMember(f, t);
  const repo = t.app.get(DataSource).getRepository(GroupMember);
  await repo.save(repo.create({ groupId, userId: member.id, role: 'member' }));
  return { groupId, userId: member.id };
}

/** A private group `who` moderates with one pending request to join. */
export async function pendingRequest(f: Fixture, t: TestApp, who: Account | null) {
  const groupId = await moderatedGroup(f, t, who, true);
  const asker = await otherMember(f, t);
  const request = await t.app.get(GroupsService).requestToJoin(viewer(asker), groupId, {}, 'participant');
  return { groupId, requestId: request.id };
}

export async function hiddenPost(f: Fixture, t: TestApp, who: Account | null) {
  const { replyId } = await newThread(f, t, await moderatedGroup(f, t, who));
  await t.app.get(ModerationService).hide(adminViewer(f), replyId, 'Off topic', null);
  return replyId;
}

/** A PDF attached to a reply in the open group. */
export async function attachment(f: Fixture, t: TestApp): Promise<string> {
  const by = await poster(f, t);
  const groupId = await openGroup(f, t);
  const buffer = tinyPdf('walking leaflet');
  const file = { originalname: 'leaflet.pdf', size: buffer.length, buffer };
  const a = await t.app.get(AttachmentsService).upload(viewer(by), groupId, file as Express.Multer.File);
  const { threadId } = await newThread(f, t, groupId);
  await t.app.get(ThreadsService).reply(viewer(by), threadId, { body: `Our leaflet: ${a.markdown}` });
  return a.id;
}
