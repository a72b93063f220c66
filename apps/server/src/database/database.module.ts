import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/config';
import { dataSourceOptions } from './data-source-options';
import { runMigrations } from './migrate';
import { gateSqliteTransactions } from './sqlite-gate';

@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({ ...dataSourceOptions(config.database), retryAttempts: 0 }),
      dataSourceFactory: async (options) => {
        const dataSource = new DataSource(options!);
        if (dataSource.options.type === 'sqlite') gateSqliteTransactions(dataSource);
        await dataSource.initialize();
        await runMigrations(dataSource);
        return dataSource;
      },
    }),
  ],
})
export class DatabaseModule {}
