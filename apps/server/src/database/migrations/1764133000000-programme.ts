import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';
import { createdAt, fk, id, int, ref, str, text } from './columns';

/** The programme around the sessions (issue #20 A): self-assessment, priorities, learning plan, exchanges, mentoring. */
export class Programme1764133000000 implements MigrationInterface {
  name = 'Programme1764133000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'assessment_template',
        columns: [id(), createdAt(), ref('program_id'), str('name', 200), text('dimensions')],
        foreignKeys: [fk('program_id', 'program')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'assessment_round',
        columns: [
          id(),
          createdAt(),
          ref('program_id'),
          str('title', 200),
          str('template_name', 200),
          text('dimensions'),
          ref('previous_round_id', true),
          ref('created_by'),
        ],
        foreignKeys: [fk('program_id', 'program')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'assessment_answer',
        columns: [id(), createdAt(), ref('round_id'), ref('user_id'), ref('site_id', true), text('scores')],
        uniques: [{ columnNames: ['round_id', 'user_id'] }],
        foreignKeys: [fk('round_id', 'assessment_round')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'assessment_priority',
        columns: [
          id(),
          createdAt(),
          ref('round_id'),
          int('dimension'),
          str('title', 200),
          text('description', { default: "''" }),
          ref('created_by'),
        ],
        foreignKeys: [fk('round_id', 'assessment_round')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'planned_activity',
        columns: [
          id(),
          createdAt(),
          ref('priority_id'),
          str('kind', 30),
          str('title', 200),
          ref('session_id', true),
          ref('series_id', true),
          ref('owner_id'),
          str('due_on', 10),
        ],
        foreignKeys: [fk('priority_id', 'assessment_priority')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'learning_activity',
        columns: [
          id(),
          createdAt(),
          ref('program_id'),
          str('kind', 30),
          str('title', 200),
          str('place', 200),
          str('starts_on', 10),
          str('ends_on', 10),
          { name: 'hours', type: 'real' },
          text('participant_ids'),
          ref('pair_id', true),
          text('reflection', { default: "''" }),
          text('confirmed_findings', { default: "'[]'" }),
          ref('logged_by'),
        ],
        foreignKeys: [fk('program_id', 'program')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'mentoring_pair',
        columns: [
          id(),
          createdAt(),
          ref('program_id'),
          ref('mentor_id'),
          ref('mentee_id'),
          text('goals', { default: "''" }),
          ref('created_by'),
        ],
        foreignKeys: [fk('program_id', 'program')],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'mentoring_pair',
      'learning_activity',
      'planned_activity',
      'assessment_priority',
      'assessment_answer',
      'assessment_round',
      'assessment_template',
    ]) {
      await q.dropTable(table);
    }
  }
}
