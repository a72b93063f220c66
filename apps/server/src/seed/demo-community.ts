import { scan } from '@echo-hub/deid';
import type { INestApplication } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { User } from '../auth/entities/user.entity';
import { Notification } from '../community/entities/notification.entity';
import { Post } from '../community/entities/post.entity';
import { Thread } from '../community/entities/thread.entity';
import { PostSpanDto } from '../community/dto/community.dto';
import { GroupsService } from '../community/groups.service';
import { ThreadsService } from '../community/threads.service';

/**
 * The gate warns about the towns the demo posts name (where the sites are, not where patients live):
 * their authors have confirmed each warning.
 */
const confirmAll = (fields: { title?: string; body: string }): PostSpanDto[] =>
  (['title', 'body'] as const).flatMap((field) =>
    scan(fields[field] ?? '').map(({ start, end }) => Object.assign(new PostSpanDto(), { field, start, end })),
  );

/** A reply in a demo thread: who writes it, hours ago, and which earlier reply (by index) it answers. */
interface DemoReply {
  by: string;
  hoursAgo: number;
  body: string;
  replyTo?: number;
}

interface DemoThread {
  by: string;
  hoursAgo: number;
  title: string;
  body: string;
  pinned?: true;
  replies: DemoReply[];
}

interface DemoGroup {
  name: string;
  description: string;
  private?: true;
  /** Email → role in a private group (open groups need no members). */
  members?: Record<string, 'member' | 'moderator'>;
  threads: DemoThread[];
  /** Someone waiting for a moderator's decision. */
  pendingRequest?: { by: string; message: string };
}

/** The community of the demo program: an open network of link workers and a private carers' group. */
export const demoGroups: DemoGroup[] = [
  {
    name: 'Link workers’ network',
    description:
      'Keep talking between ECHO sessions: local services that work, waiting lists, tricky referrals. ' +
      'All teach, all learn — and never anything that could identify a patient.',
    threads: [
      {
        by: 'facilitator@echo.demo',
        hoursAgo: 120,
        pinned: true,
        title: 'Welcome: how this group works',
        body:
          'This is the place to keep talking between sessions. A few ground rules:\n\n' +
          '- **All teach, all learn**: there are no silly questions.\n' +
          '- **Nothing that could identify a patient** or service user: no names, dates of birth, addresses or ' +
          'unusual details. Use *Flag* if you spot something and a moderator will look at it.\n' +
          '- Disagree with ideas, not people.\n\n' +
          'Declan and I moderate the group; @Declan Byrne is the one to ask about sessions and certificates.',
        replies: [],
      },
      {
        by: 'linkworker.ards@echo.demo',
        hoursAgo: 50,
        title: 'Keeping people engaged after the first “what matters to you” conversation',
        body:
          'After the talk on goal setting I have been trying a short follow-up call at two weeks. Three of my ' +
          'five people came back for a second appointment, which is better than before.\n\n' +
          'What do others do between the first and second meeting? @Helen Watson, you mentioned a ' +
          'health-coaching check-in: could you share it?',
        replies: [
          {
            by: 'coach.expert@echo.demo',
            hoursAgo: 46,
            body:
              'Happy to. The short version:\n\n1. One open question: *what is one thing that went well since ' +
              'we met?*\n2. One scaling question: confidence from 0 to 10.\n3. One small next step, chosen by them.\n\n' +
              'I will bring the one-page version to the next session.',
          },
          {
            by: 'linkworker.bradford@echo.demo',
            hoursAgo: 30,
            replyTo: 0,
            body:
              'We do something similar in Bradford but by text message for people who do not like phone calls. ' +
              'Replies roughly doubled.',
          },
          {
            by: 'linkworker.ards@echo.demo',
            hoursAgo: 28,
            replyTo: 1,
            body: 'That is a great idea. Did you need any sign-off from the practice to text people?',
          },
          {
            by: 'coach.bradford@echo.demo',
            hoursAgo: 20,
            body:
              'Our wellbeing coaches pair people with a volunteer “buddy” for their first visit to a community ' +
              'group. It helps with nerves more than anything we say.',
          },
        ],
      },
      {
        by: 'linkworker.bradford@echo.demo',
        hoursAgo: 26,
        title: 'Benefits and debt advice: what do you do while people wait?',
        body:
          'Debt advice appointments locally have a six-week wait. Where are others sending people in the ' +
          'meantime? Anything online that is usable for people with low digital confidence?',
        replies: [
          {
            by: 'nurse.ards@echo.demo',
            hoursAgo: 24,
            body:
              'We print the self-help sheets and go through them together in the practice. Not perfect, but it ' +
              'buys time and people feel less alone with it.',
          },
          {
            by: 'gp.donegal@echo.demo',
            hoursAgo: 8,
            body:
              'In Donegal the money advice service runs drop-in mornings with no appointment. Worth checking if ' +
              'there is an equivalent near you.',
          },
        ],
      },
    ],
  },
  {
    name: 'Carers’ peer support',
    private: true,
    description:
      'A private space for family carers and the volunteers who support them, facilitated by Eileen. ' +
      'Ask to join: a moderator will approve.',
    members: {
      'volunteer.ards@echo.demo': 'moderator',
      'carer.donegal@echo.demo': 'member',
      'expert-by-experience@echo.demo': 'member',
    },
    pendingRequest: {
      by: 'linkworker.ards@echo.demo',
      message: 'I support several carers as a link worker and would like to learn from the group.',
    },
    threads: [
      {
        by: 'carer.donegal@echo.demo',
        hoursAgo: 70,
        title: 'Getting a break when you are caring full time',
        body:
          'My wife’s dementia has moved on a lot this year and I am finding it hard to get out even for an ' +
          'hour. The respite service says there is a waiting list. How do other carers manage to get a bit ' +
          'of time for themselves?',
        replies: [
          {
            by: 'volunteer.ards@echo.demo',
            hoursAgo: 66,
            body:
              'Thank you for sharing this, Patrick: you are far from alone. The carers’ centre runs a sitting ' +
              'service on Wednesdays and I can put you in touch. @Joanne Hirst, did your group not set up a rota?',
          },
          {
            by: 'expert-by-experience@echo.demo',
            hoursAgo: 40,
            replyTo: 0,
            body:
              'We did. Four of us take turns so each gets one free afternoon a fortnight. It started with a cup ' +
              'of tea after a support group. Happy to tell you how we set it up.',
          },
        ],
      },
    ],
  },
];

/** Creates the demo groups, threads and replies through the same services as the API, then dates them. */
export async function seedCommunity(
  app: INestApplication,
  programId: string,
): Promise<{ groups: number; posts: number }> {
  const db = app.get(DataSource);
  const groups = app.get(GroupsService);
  const threads = app.get(ThreadsService);
  const users = new Map((await db.getRepository(User).find()).map((u) => [u.email, u]));
  const viewer = (email: string) => {
    const u = users.get(email);
    if (!u) throw new Error(`demo community: no account ${email}`);
    return { id: u.id, isAdmin: u.isAdmin };
  };
  const facilitator = viewer('facilitator@echo.demo');
  const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();
  let posts = 0;
  for (const g of demoGroups) {
    const group = await groups.create(
      facilitator,
      programId,
      { name: g.name, description: g.description, private: g.private ?? false },
      'facilitator',
    );
    for (const [email, role] of Object.entries(g.members ?? {})) {
      await groups.addMember(facilitator, group.id, { userId: viewer(email).id, role }, 'facilitator');
    }
    for (const t of g.threads) {
      const { id } = await threads.create(viewer(t.by), group.id, {
        title: t.title,
        body: t.body,
        confirmedSpans: confirmAll({ title: t.title, body: t.body }),
      });
      await db.getRepository(Post).update({ threadId: id }, { createdAt: hoursAgo(t.hoursAgo) });
      const replyIds: string[] = [];
      for (const r of t.replies) {
        const parentId = r.replyTo === undefined ? undefined : replyIds[r.replyTo];
        const { post } = await threads.reply(viewer(r.by), id, {
          body: r.body,
          confirmedSpans: confirmAll({ body: r.body }),
          ...(parentId ? { parentId } : {}),
        });
        await db.getRepository(Post).update({ id: post.id }, { createdAt: hoursAgo(r.hoursAgo) });
        replyIds.push(post.id);
      }
      const last = Math.min(t.hoursAgo, ...t.replies.map((r) => r.hoursAgo));
      await db.getRepository(Thread).update({ id }, { createdAt: hoursAgo(t.hoursAgo), lastPostAt: hoursAgo(last) });
      if (t.pinned) await threads.update(facilitator, id, { pinned: true }, 'facilitator');
      posts += 1 + t.replies.length;
    }
    if (g.pendingRequest) {
      await groups.requestToJoin(
        viewer(g.pendingRequest.by),
        group.id,
        { message: g.pendingRequest.message },
        'participant',
      );
    }
  }
  // Notifications from the seeding are as old as the posts that caused them.
  const seeded = await db.getRepository(Post).find({ select: ['id', 'createdAt'] });
  for (const p of seeded) {
    await db.getRepository(Notification).update({ postId: In([p.id]) }, { createdAt: p.createdAt });
  }
  return { groups: demoGroups.length, posts };
}
