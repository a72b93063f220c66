// For the TypeORM CLI: npx typeorm-ts-node-commonjs -d apps/server/src/data-source.ts migration:generate ...
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from './config/config';
import { dataSourceOptions } from './database/data-source-options';
import { entities } from './entities';

export default new DataSource(dataSourceOptions(loadConfig().database, entities));
