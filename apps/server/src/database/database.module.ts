import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/config';
import { dataSourceOptions, type Entities } from './data-source-options';
import { runMigrations } from './migrate';
import { gateSqliteTransactions } from './sqlite-gate';

/** The database with the features' entities (the app passes its list: src/entities.ts). */
@Module({})
export class DatabaseModule {
  static forRoot(entities: Entities): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => ({ ...dataSourceOptions(config.database, entities), retryAttempts: 0 }),
          dataSourceFactory: async (options) => {
            const dataSource = new DataSource(options!);
            if (dataSource.options.type === 'sqlite') gateSqliteTransactions(dataSource);
            await dataSource.initialize();
            await runMigrations(dataSource);
            return dataSource;
          },
        }),
      ],
    };
  }
}
