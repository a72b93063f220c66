import 'reflect-metadata';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { createApp } from '../app.factory';
import { AuthService } from '../auth/auth.service';
import { User } from '../auth/entities/user.entity';
import { loadConfig } from '../config/config';
import { ProgramsService } from '../programs/programs.service';
import { SessionsService } from '../sessions/sessions.service';
import { DEMO_PASSWORD, demoAdmin, demoAgenda, demoPeople, demoProgram, demoSites } from './demo-data';
import { seedImpactHistory } from './demo-impact';
import { seedCommunity } from './demo-community';
import { seedProgrammeDemo } from './demo-assessment';
import { seedRegistration } from './demo-registration';
import { seedCoproduction } from './demo-coproduction';

/** `npm run seed:demo`: fills an empty database with a demo program, through the same services as the API. */
async function main(): Promise<void> {
  const config = loadConfig({ ...process.env, MEDIASOUP_WORKERS: '1', LOG_LEVEL: 'error' });
  const app = await createApp(config);
  await app.init();
  try {
    if ((await app.get(DataSource).getRepository(User).count()) > 0) {
      console.log(`The database at ${describe(config.database)} already has accounts: nothing seeded.`);
      return;
    }
    const auth = app.get(AuthService);
    const programs = app.get(ProgramsService);
    await auth.register({ ...demoAdmin, password: DEMO_PASSWORD });
    const program = await programs.create(demoProgram);
    const sites = new Map<string, string>();
    for (const { key, ...site } of demoSites) sites.set(key, (await programs.addSite(program.id, site)).id);
    for (const p of demoPeople) {
      await auth.register({ email: p.email, displayName: p.displayName, password: DEMO_PASSWORD });
      await programs.enrol(program.id, {
        email: p.email,
        role: p.role,
        siteId: p.site ? sites.get(p.site) : undefined,
        profession: p.profession,
        participationType: p.participationType,
      });
    }
    // Fortnightly on Tuesdays at 12:30 London time, starting with the coming Tuesday.
    const now = DateTime.now().setZone(demoProgram.timeZone);
    const tuesday = now
      .plus({ days: (2 - now.weekday + 7) % 7 || 7 })
      .set({ hour: 12, minute: 30, second: 0, millisecond: 0 });
    const series = await app.get(SessionsService).create(
      program.id,
      {
        title: 'Social Prescribing ECHO',
        startsAt: tuesday.toISO() ?? '',
        durationMinutes: 90,
        agenda: demoAgenda,
        recurrence: { frequency: 'fortnightly', count: 8 },
      },
      null,
    );
    console.log(`Seeded "${program.name}" in ${describe(config.database)}:`);
    console.log(
      `  ${demoSites.length} spoke sites, ${demoPeople.length} members, ${series.occurrences.length} fortnightly sessions`,
    );
    console.log(`  first session: ${tuesday.toFormat("cccc d LLLL yyyy 'at' HH:mm ZZZZ")}`);
    // The program's past, so the impact report has something in it.
    console.log(
      await seedImpactHistory(app, { programId: program.id, sites, nextSession: tuesday, durationMinutes: 90 }),
    );
    console.log(await seedRegistration(app, { programId: program.id, sites }));
    const community = await seedCommunity(app, program.id);
    console.log(`  community: ${community.groups} groups (one private, for carers), ${community.posts} posts`);
    console.log(await seedProgrammeDemo(app, { programId: program.id, firstSessionId: series.id }));
    console.log(await seedCoproduction(app, { programId: program.id }));
    console.log(`\nSign in at ${config.publicUrl}/sign-in with password "${DEMO_PASSWORD}" as any of:`);
    for (const p of [{ ...demoAdmin, role: 'instance admin' }, ...demoPeople]) {
      console.log(`  ${p.email.padEnd(34)} ${p.displayName} (${p.role})`);
    }
  } finally {
    await app.close();
  }
}

const describe = (db: ReturnType<typeof loadConfig>['database']) => (db.type === 'sqlite' ? db.path : 'PostgreSQL');

main().catch((e: Error) => {
  console.error(`seed failed: ${e.message}`);
  process.exit(1);
});
