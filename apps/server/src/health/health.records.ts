import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { User } from '../auth/entities/user.entity';

/** What health asks the database: whether it answers, and whether anyone has an account yet. */
@Injectable()
export class HealthRecords {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async ping(): Promise<void> {
    await this.db.query('SELECT 1');
  }

  /** No account yet: the first sign-up becomes the instance admin. */
  async firstRun(): Promise<boolean> {
    return !(await this.db.getRepository(User).exists());
  }
}
