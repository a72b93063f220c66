import type { ProgramRole } from '@echo-hub/protocol';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AuthService } from '../src/auth/auth.service';
import { Membership } from '../src/programs/entities/membership.entity';

let counter = 0;

export interface Account {
  id: string;
  email: string;
  token: string;
}

/** Registers and signs in a new account through the real service (the first one on a database is admin). */
export async function account(app: INestApplication, name = 'user'): Promise<Account> {
  const auth = app.get(AuthService);
  const email = `${name}-${++counter}-${Date.now()}@example.org`;
  const user = await auth.register({ email, password: 'correct horse battery', displayName: `Test ${name}` });
  const { accessToken } = await auth.login({ email, password: 'correct horse battery' }, `10.0.0.${counter % 250}`);
  return { id: user.id, email, token: accessToken };
}

export async function addMember(app: INestApplication, programId: string, userId: string, role: ProgramRole) {
  const repo = app.get(DataSource).getRepository(Membership);
  return repo.save(
    repo.create({ programId, userId, role, siteId: null, profession: null, participationType: 'staff' }),
  );
}

export const api = (app: INestApplication) => request(app.getHttpServer());
export const bearer = (a: Account) => ({ Authorization: `Bearer ${a.token}` });

/** supertest parser that keeps the body as bytes. */
export { asBytes } from './upload-fixtures';

/** Polls `check` until it holds (socket events, recordings on disk…); fails after `timeoutMs`. */
export async function waitUntil(check: () => boolean, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
