// For the TypeORM CLI: npx typeorm-ts-node-commonjs -d apps/server/src/database/data-source.ts migration:generate ...
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/config';
import { dataSourceOptions } from './data-source-options';

export default new DataSource(dataSourceOptions(loadConfig().database));
